import type { FastifyInstance } from 'fastify';

import type { ApiServices } from '../services';
import { registerInfoRoutes } from './info';
import { registerInstanceActionRoutes } from '../instance-actions';
import { registerInstanceRoutes } from './instances';
import { registerTriggerRoutes } from './triggers';
import { registerWorkflowRoutes } from './workflows';

/** Registers every v2 endpoint, relative to /api/orchestration. */
export function registerV2Routes(app: FastifyInstance, services: ApiServices): void {
  registerInfoRoutes(app, services);
  registerWorkflowRoutes(app, services);
  registerInstanceRoutes(app, services);
  registerInstanceActionRoutes(app, services, '/v2');
  registerTriggerRoutes(app, services);
}
