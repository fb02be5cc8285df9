import type { FastifyInstance } from 'fastify';

import { registerInstanceActionRoutes } from '../instance-actions';
import type { ApiServices } from '../services';
import { registerInfoRoutes } from './info';
import { registerInstanceRoutes } from './instances';
import { registerTriggerRoutes } from './triggers';
import { registerWorkflowRoutes } from './workflows';

/** Registers every v1 endpoint, relative to /api/orchestration (v1 has no version segment). */
export function registerV1Routes(app: FastifyInstance, services: ApiServices): void {
  registerInfoRoutes(app, services);
  registerWorkflowRoutes(app, services);
  registerInstanceRoutes(app, services);
  registerInstanceActionRoutes(app, services, '');
  registerTriggerRoutes(app, services);
}
