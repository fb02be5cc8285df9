import type { FastifyInstance } from 'fastify';

import { parsePageSize } from '../../http/pagination';
import { queryValue } from '../../http/query';
import { sendCreated, sendNoContent, type IdParams } from '../reply';
import type { ApiServices } from '../services';

/**
 * Registers the v1 trigger endpoints. Like the real server, the list returns
 * only the first page (15 rows, or `pageSize` up to 100) and no cursor. The
 * occurrences endpoint returns all rows.
 */
export function registerTriggerRoutes(app: FastifyInstance, services: ApiServices): void {
  const { triggers } = services;

  app.get('/triggers', async (request) => {
    const name = queryValue(request.query, 'name');
    const filters: Record<string, string> = name === undefined ? {} : { name };

    return { data: triggers.listFirst(parsePageSize(request.query), filters) };
  });

  app.post('/triggers', async (request, reply) =>
    sendCreated(reply, triggers.create(request.body)),
  );

  app.get<IdParams<'triggerID'>>('/triggers/:triggerID', async (request) => ({
    data: triggers.read(request.params.triggerID),
  }));

  app.delete<IdParams<'triggerID'>>('/triggers/:triggerID', async (request, reply) => {
    triggers.delete(request.params.triggerID);

    return sendNoContent(reply);
  });

  app.get<IdParams<'triggerID'>>('/triggers/:triggerID/occurrences', async (request) => ({
    data: triggers.occurrencesAll(request.params.triggerID),
  }));
}
