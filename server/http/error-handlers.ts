import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { ApiError } from './api-error';

function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.statusCode).type('application/json').send(error.toBody());
}

/** Maps every error to the API's `{errorCode, errorMessage}` body, never a stack trace. */
function toApiError(error: FastifyError, bodyLimit: number): ApiError {
  if (error instanceof ApiError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ApiError(
      413,
      'VALIDATION',
      `request body is larger than the limit of ${bodyLimit} bytes`,
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ApiError(415, 'VALIDATION', 'unsupported Content-Type: send application/json');
  }

  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new ApiError(status, 'VALIDATION', error.message);

  return new ApiError(500, 'INTERNAL', `internal error: ${error.message}`);
}

/**
 * Sends the errors that Fastify's router raises before any route or error
 * handler runs (a malformed percent-encoding, an over-long path parameter) as
 * 400 VALIDATION in the API's format. Pass it as Fastify's `frameworkErrors`.
 */
export function sendFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const path = request.url.split('?')[0] ?? request.url;
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? `invalid URL: a path segment of ${path.slice(0, 200)} is too long`
      : `invalid URL: ${path.slice(0, 200)} is not a valid percent-encoded path`;
  request.log.info({ method: request.method, code: error.code }, 'request rejected');

  return sendError(reply, new ApiError(400, 'VALIDATION', message));
}

function isApiPath(request: FastifyRequest): boolean {
  return (
    request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?')
  );
}

/**
 * Installs the error handler and the not-found handler. With `spaFallback`,
 * any GET outside /api that matches no route or file returns index.html so
 * that the console's client-side routes load.
 */
export function registerErrorHandlers(
  app: FastifyInstance,
  options: { bodyLimit: number; spaFallback: boolean },
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = toApiError(error, options.bodyLimit);
    const { method, url } = request;
    if (apiError.statusCode >= 500) {
      request.log.error({ err: error, method, url }, 'request failed');
    } else {
      request.log.info({ method, url, errorMessage: apiError.message }, 'request rejected');
    }

    return sendError(reply, apiError);
  });

  app.setNotFoundHandler((request, reply) => {
    const readsPage = request.method === 'GET' || request.method === 'HEAD';
    if (options.spaFallback && readsPage && !isApiPath(request)) {
      return reply.type('text/html').sendFile('index.html');
    }

    const path = request.url.split('?')[0];

    return sendError(
      reply,
      new ApiError(404, 'NOT_FOUND', `no route for ${request.method} ${path}`),
    );
  });
}
