import type { FastifyInstance } from 'fastify';

import { parsePageRequest } from '../../http/pagination';
import { queryFlag } from '../../http/query';
import { sendCreated, type IdParams } from '../reply';
import type { ApiServices } from '../services';

export const instanceFilterNames = ['workflowID', 'running'] as const;

export function registerInstanceRoutes(app: FastifyInstance, services: ApiServices): void {
  const { instances } = services;

  app.post<IdParams<'flowId'>>('/v2/workflows/:flowId/instances', async (request, reply) => {
    const wait = queryFlag(request.query, 'wait');
    const instance = await instances.run(request.params.flowId, request.body, wait);

    return sendCreated(reply, instance);
  });

  app.get('/v2/instances', async (request) => ({
    cursor: instances.listPage(parsePageRequest(request.query, instanceFilterNames)),
  }));

  app.get<IdParams<'instanceID'>>('/v2/instances/:instanceID', async (request) => ({
    data: instances.get(request.params.instanceID),
  }));
}
