/**
 * Flowdeck's own routes for trigger test suites, under
 * `/api/flowdeck/connections/:connectionId/trigger-suites`:
 *
 * - `GET /` lists the saved suites of the connection.
 * - `GET /:triggerId` returns a trigger's suite (no cases and no `updatedAt` when none was saved).
 * - `PUT /:triggerId` replaces it with `{cases}`.
 * - `DELETE /:triggerId` deletes it (204, also when there was none).
 * - `POST /:triggerId/move` with `{triggerID}` moves it to the trigger that replaced an edited one.
 *
 * Errors use the API's format `{errorCode, errorMessage}`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { triggerSuiteInputSchema } from '@/lib/orchestration/event-samples';

import type { Clock } from '../clock';
import { validationError } from '../http/api-error';
import type { SqliteDatabase } from '../storage/database';

import { TriggerSuitesRepository } from './trigger-suites-repository';

const identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\w.:-]+$/, 'may contain only letters, digits, ".", ":", "_" and "-"');

const connectionParams = z.object({ connectionId: identifier });
const suiteParams = connectionParams.extend({ triggerId: identifier });
const moveBody = z.object({ triggerID: identifier });

function parse<T extends z.ZodType>(schema: T, value: unknown, part: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const reason = result.error.issues
      .map((issue) =>
        issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      )
      .join('; ');
    throw validationError(`invalid ${part}: ${reason}`);
  }
  return result.data;
}

export type TriggerSuiteRouteDependencies = { db: SqliteDatabase; clock: Clock };

export function registerTriggerSuiteRoutes(
  app: FastifyInstance,
  { db, clock }: TriggerSuiteRouteDependencies,
): void {
  const suites = new TriggerSuitesRepository(db);
  const now = () => clock.now().toISOString();

  app.register(
    async (scope) => {
      scope.get('/', async (request) => {
        const { connectionId } = parse(connectionParams, request.params, 'path');
        return { data: suites.list(connectionId) };
      });

      scope.get('/:triggerId', async (request) => {
        const { connectionId, triggerId } = parse(suiteParams, request.params, 'path');
        const suite = suites.find(connectionId, triggerId);
        return { data: suite ?? { connectionID: connectionId, triggerID: triggerId, cases: [] } };
      });

      scope.put('/:triggerId', async (request) => {
        const { connectionId, triggerId } = parse(suiteParams, request.params, 'path');
        const body = parse(triggerSuiteInputSchema, request.body, 'test suite');
        return { data: suites.save(connectionId, triggerId, body.cases, now()) };
      });

      scope.delete('/:triggerId', async (request, reply) => {
        const { connectionId, triggerId } = parse(suiteParams, request.params, 'path');
        suites.remove(connectionId, triggerId);
        return reply.code(204).send();
      });

      scope.post('/:triggerId/move', async (request) => {
        const { connectionId, triggerId } = parse(suiteParams, request.params, 'path');
        const target = parse(moveBody, request.body, 'move request').triggerID;
        const moved = suites.move(connectionId, triggerId, target, now());
        if (moved === 'occupied') {
          throw validationError(`trigger '${target}' already has a test suite; delete it first`);
        }
        // A trigger without a suite has nothing to move: the target's (empty) suite is returned.
        if (moved === 'missing') {
          return { data: { connectionID: connectionId, triggerID: target, cases: [] } };
        }
        return { data: moved };
      });
    },
    { prefix: '/api/flowdeck/connections/:connectionId/trigger-suites' },
  );
}
