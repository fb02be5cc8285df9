import type { FastifyInstance } from 'fastify';

import { parsePageRequest } from '../../http/pagination';
import { sendCreated, sendNoContent, type IdParams } from '../reply';
import type { ApiServices } from '../services';

export function registerTriggerRoutes(app: FastifyInstance, services: ApiServices): void {
  const { triggers } = services;

  app.get('/v2/triggers', async (request) => ({
    cursor: triggers.listPage(parsePageRequest(request.query, ['name'])),
  }));

  app.post('/v2/triggers', async (request, reply) =>
    sendCreated(reply, triggers.create(request.body)),
  );

  app.get<IdParams<'triggerID'>>('/v2/triggers/:triggerID', async (request) => ({
    data: triggers.read(request.params.triggerID),
  }));

  app.delete<IdParams<'triggerID'>>('/v2/triggers/:triggerID', async (request, reply) => {
    triggers.delete(request.params.triggerID);

    return sendNoContent(reply);
  });

  app.get<IdParams<'triggerID'>>('/v2/triggers/:triggerID/occurrences', async (request) => ({
    cursor: triggers.occurrencesPage(request.params.triggerID, parsePageRequest(request.query)),
  }));

  app.post<IdParams<'triggerID'>>('/v2/triggers/:triggerID/test', async (request) => ({
    data: await triggers.test(request.params.triggerID, request.body),
  }));
}
