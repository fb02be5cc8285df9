import type { FastifyInstance } from 'fastify';

import type { ApiServices } from '../services';

/** GET /_info: raw `{version}`, no envelope. */
export function registerInfoRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/_info', async () => ({ version: services.version }));
}
