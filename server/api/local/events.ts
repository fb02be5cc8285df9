import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { validationError } from '../../http/api-error';
import type { ApiServices } from '../services';

const publishEventBody = z.object(
  {
    type: z.string({ error: 'expected the event type as a string' }).min(1, 'must not be empty'),
    version: z.string().optional(),
    app: z.string().optional(),
    date: z.iso.datetime({ offset: true, error: 'expected an RFC 3339 date-time' }).optional(),
    idempotency_key: z.string().optional(),
    payload: z.unknown().optional(),
  },
  { error: 'expected a JSON object with "type" and "payload"' },
);

/**
 * POST /api/local/events (Flowdeck's own endpoint): publishes an event
 * envelope on the in-process bus, as if another Formance service had emitted
 * it, so that triggers can be fired by hand. Returns once the triggers have
 * handled it, with the envelope and the ids of the triggers whose event,
 * version and filter matched.
 */
export function registerLocalEventRoutes(app: FastifyInstance, services: ApiServices): void {
  app.post('/api/local/events', async (request) => {
    const parsed = publishEventBody.safeParse(request.body);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) =>
          issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
        )
        .join('; ');
      throw validationError(`invalid event: ${reason}`);
    }

    const body = parsed.data;
    const event = {
      type: body.type,
      version: body.version ?? 'v2',
      app: body.app ?? 'flowdeck',
      date: body.date ?? services.clock.now().toISOString(),
      idempotency_key: body.idempotency_key ?? randomUUID(),
      payload: body.payload ?? {},
    };
    const matchedTriggers = (await services.dispatcher.match(event)).map((trigger) => trigger.id);
    await services.bus.publish(event);

    return { data: { event, matchedTriggers } };
  });
}
