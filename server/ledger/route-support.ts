import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';

import { LedgerError, validationError } from './errors';

/** Parses a request part with `schema`, or throws a VALIDATION error naming the problems. */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  value: unknown,
  part: string,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    throw validationError(`invalid ${part}: ${z.prettifyError(result.error).replace(/\n/g, '; ')}`);
  }
  return result.data;
}

/**
 * Sends errors of the local routes as `{errorCode, errorMessage}`: ledger
 * errors with their own status, malformed requests (such as invalid JSON)
 * as VALIDATION with Fastify's 4xx status and anything else as 500 INTERNAL.
 */
export function setLocalErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError | LedgerError, request, reply) => {
    if (error instanceof LedgerError) {
      return reply
        .code(error.httpStatus)
        .send({ errorCode: error.code, errorMessage: error.message });
    }
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // Errors of the server's body parsers carry their own API error code.
      const code: unknown = (error as { errorCode?: unknown }).errorCode;
      const errorCode = typeof code === 'string' ? code : 'VALIDATION';
      return reply.code(status).send({ errorCode, errorMessage: error.message });
    }
    request.log.error({ err: error }, 'local ledger route failed');
    return reply.code(500).send({ errorCode: 'INTERNAL', errorMessage: 'internal server error' });
  });
}

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
