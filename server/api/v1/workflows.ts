import type { FastifyInstance } from 'fastify';

import { sendCreated, sendNoContent, type IdParams } from '../reply';
import type { ApiServices } from '../services';

/** v1 workflows: like v2, but the list returns every row in `{data}`. */
export function registerWorkflowRoutes(app: FastifyInstance, services: ApiServices): void {
  const { workflows } = services;

  app.get('/workflows', async () => ({ data: workflows.listAll() }));

  app.post('/workflows', async (request, reply) =>
    sendCreated(reply, workflows.create(request.body)),
  );

  app.get<IdParams<'flowId'>>('/workflows/:flowId', async (request) => ({
    data: workflows.get(request.params.flowId),
  }));

  app.delete<IdParams<'flowId'>>('/workflows/:flowId', async (request, reply) => {
    workflows.delete(request.params.flowId);

    return sendNoContent(reply);
  });
}
