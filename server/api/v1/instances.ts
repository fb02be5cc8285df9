import type { FastifyInstance } from 'fastify';

import { queryFlag, queryValue } from '../../http/query';
import { sendCreated, type IdParams } from '../reply';
import type { ApiServices } from '../services';

/** v1 instances: like v2, but the list returns every matching row in `{data}`. */
export function registerInstanceRoutes(app: FastifyInstance, services: ApiServices): void {
  const { instances } = services;

  app.post<IdParams<'flowId'>>('/workflows/:flowId/instances', async (request, reply) => {
    const wait = queryFlag(request.query, 'wait');
    const instance = await instances.run(request.params.flowId, request.body, wait);

    return sendCreated(reply, instance);
  });

  app.get('/instances', async (request) => {
    const filters: Record<string, string> = {};
    const workflowID = queryValue(request.query, 'workflowID');
    const running = queryValue(request.query, 'running');
    if (workflowID !== undefined) filters.workflowID = workflowID;
    if (running !== undefined) filters.running = running;

    return { data: instances.listAll(filters) };
  });

  app.get<IdParams<'instanceID'>>('/instances/:instanceID', async (request) => ({
    data: instances.get(request.params.instanceID),
  }));
}
