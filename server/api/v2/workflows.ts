import type { FastifyInstance } from 'fastify';

import { parsePageRequest } from '../../http/pagination';
import { sendCreated, sendNoContent, type IdParams } from '../reply';
import type { ApiServices } from '../services';

export function registerWorkflowRoutes(app: FastifyInstance, services: ApiServices): void {
  const { workflows } = services;

  app.get('/v2/workflows', async (request) => ({
    cursor: workflows.listPage(parsePageRequest(request.query)),
  }));

  app.post('/v2/workflows', async (request, reply) =>
    sendCreated(reply, workflows.create(request.body)),
  );

  app.get<IdParams<'flowId'>>('/v2/workflows/:flowId', async (request) => ({
    data: workflows.get(request.params.flowId),
  }));

  app.delete<IdParams<'flowId'>>('/v2/workflows/:flowId', async (request, reply) => {
    workflows.delete(request.params.flowId);

    return sendNoContent(reply);
  });
}
