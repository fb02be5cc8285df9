import type { FastifyInstance } from 'fastify';

import type { ApiServices } from '../services';

/** GET /v2/_info: raw `{version}`, no envelope. The real server does not route it; the SDK calls it. */
export function registerInfoRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/v2/_info', async () => ({ version: services.version }));
}
