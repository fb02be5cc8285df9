import type { FastifyInstance } from 'fastify';

import { sendNoContent, type IdParams } from './reply';
import type { ApiServices } from './services';

type StageParams = IdParams<'instanceID' | 'number'>;

/** sendEvent, abort and the two history endpoints (`prefix` is '' for v1, '/v2' for v2). */
export function registerInstanceActionRoutes(
  app: FastifyInstance,
  services: ApiServices,
  prefix: '' | '/v2',
): void {
  const { instances } = services;

  app.post<IdParams<'instanceID'>>(
    `${prefix}/instances/:instanceID/events`,
    async (request, reply) => {
      instances.sendEvent(request.params.instanceID, request.body);

      return sendNoContent(reply);
    },
  );

  app.put<IdParams<'instanceID'>>(
    `${prefix}/instances/:instanceID/abort`,
    async (request, reply) => {
      await instances.abort(request.params.instanceID);

      return sendNoContent(reply);
    },
  );

  app.get<IdParams<'instanceID'>>(`${prefix}/instances/:instanceID/history`, async (request) => ({
    data: instances.history(request.params.instanceID),
  }));

  app.get<StageParams>(
    `${prefix}/instances/:instanceID/stages/:number/history`,
    async (request) => ({
      data: instances.stageHistory(request.params.instanceID, request.params.number),
    }),
  );
}
