import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { connectionsPath } from '@/lib/connection/connection-schemas';

import { yamlContentType } from '../http/body-parsers';
import { localConnectionId } from './config';
import type { ConnectionRegistry } from './connection-registry';
import type { UpstreamResponse } from './remote-connection';
import { StackError, stackErrorCodes } from './stack-errors';

const proxyUrlPattern =
  /^\/api\/flowdeck\/connections\/[^/?]+\/orchestration(\/[^?]*)?(?:\?(.*))?$/;

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sendStackError(reply: FastifyReply, error: StackError): FastifyReply {
  return reply
    .code(error.statusCode)
    .type('application/json')
    .header('cache-control', 'no-store')
    .send(error.toBody());
}

function validationReply(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .code(400)
    .type('application/json')
    .send({ errorCode: 'VALIDATION', errorMessage: message });
}

/**
 * Checks that every segment of an API path is a plain name: no `.` or `..`
 * (even percent-encoded) and no encoded slash, so that a request cannot leave
 * `/api/orchestration` on the stack while carrying the stack's token.
 */
export function isSafeApiPath(path: string): boolean {
  if (path === '') return true;
  if (!path.startsWith('/')) return false;

  return path
    .slice(1)
    .split('/')
    .every((segment) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return false;
      }

      return decoded !== '.' && decoded !== '..' && !/[/\\]/.test(decoded);
    });
}

/**
 * Rejects mutations sent by another site's page: browsers send cross-site POSTs
 * without a CORS preflight, and this server adds the stack's credentials.
 */
function isCrossOrigin(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

function describeEmptyError(status: number, connectionName: string): StackError | undefined {
  if (status === 401) {
    return new StackError(
      401,
      stackErrorCodes.badCredentials,
      `${connectionName} requires credentials: set clientId and clientSecret for this connection.`,
    );
  }

  return undefined;
}

function sendUpstream(
  reply: FastifyReply,
  response: UpstreamResponse,
  connectionName: string,
): FastifyReply {
  // The real service returns 401 with an empty body labelled JSON.
  if (response.body.length === 0 && response.status >= 400) {
    const error = describeEmptyError(response.status, connectionName);
    if (error !== undefined) return sendStackError(reply, error);
  }

  reply.code(response.status).header('cache-control', 'no-store');
  if (response.contentType !== undefined) reply.header('content-type', response.contentType);

  return reply.send(response.body);
}

/**
 * Registers `GET /api/flowdeck/connections`, `GET /api/flowdeck/connections/:id`
 * (`?refresh=true` checks the stack again) and the proxy
 * `/api/flowdeck/connections/:id/orchestration/*`. The local connection's API
 * calls are served in-process by the routes under `/api/orchestration`.
 */
export function registerConnectionRoutes(app: FastifyInstance, registry: ConnectionRegistry): void {
  // The console calls the embedded server at /api/orchestration directly, so its read-only flag
  // applies there too.
  if (registry.local.readOnly) {
    app.addHook('onRequest', async (request, reply) => {
      const isApi = request.url.startsWith('/api/orchestration/');
      if (!isApi || readMethods.has(request.method)) return;
      request.log.info({ method: request.method }, 'mutation rejected: read-only');

      return sendStackError(
        reply,
        new StackError(
          403,
          stackErrorCodes.readOnly,
          `${registry.local.name} is read-only in the Flowdeck configuration.`,
        ),
      );
    });
  }

  app.get(connectionsPath, async (_request, reply) => {
    return reply.header('cache-control', 'no-store').send({ data: registry.list() });
  });

  app.get<{ Params: { connectionId: string }; Querystring: { refresh?: string } }>(
    `${connectionsPath}/:connectionId`,
    async (request, reply) => {
      const refresh = request.query.refresh === 'true' || request.query.refresh === '1';
      const summary = await registry.check(request.params.connectionId, refresh);
      if (summary === undefined) {
        return sendStackError(reply, unknownConnection(request.params.connectionId));
      }

      return reply.header('cache-control', 'no-store').send({ data: summary });
    },
  );

  app.register(async (proxy) => {
    // The proxy forwards bodies unparsed; it takes only the types the API accepts.
    proxy.removeAllContentTypeParsers();
    proxy.addContentTypeParser(
      ['application/json', yamlContentType],
      { parseAs: 'buffer' },
      (_request, body, done) => done(null, body),
    );

    proxy.all<{ Params: { connectionId: string } }>(
      `${connectionsPath}/:connectionId/orchestration/*`,
      async (request, reply) => forward(app, registry, request, reply),
    );
  });
}

function unknownConnection(id: string): StackError {
  return new StackError(
    404,
    stackErrorCodes.connectionNotFound,
    `No connection "${id.slice(0, 100)}" is configured on this Flowdeck server.`,
  );
}

async function forward(
  app: FastifyInstance,
  registry: ConnectionRegistry,
  request: FastifyRequest<{ Params: { connectionId: string } }>,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { connectionId } = request.params;
  if (!registry.has(connectionId)) {
    request.log.info({ connection: connectionId.slice(0, 100) }, 'unknown connection');

    return sendStackError(reply, unknownConnection(connectionId));
  }

  const match = proxyUrlPattern.exec(request.url);
  const path = match?.[1] ?? '';
  const search = match?.[2] ?? '';
  if (!isSafeApiPath(path)) {
    request.log.info(
      { connection: connectionId, path: path.slice(0, 200) },
      'unsafe API path rejected',
    );

    return validationReply(reply, 'invalid API path: "." and ".." segments are not allowed');
  }

  const method = request.method;
  if (!readMethods.has(method)) {
    if (isCrossOrigin(request)) {
      request.log.warn(
        { connection: connectionId, method, origin: request.headers.origin },
        'cross-origin mutation rejected',
      );

      return sendStackError(
        reply,
        new StackError(
          403,
          stackErrorCodes.crossOrigin,
          'Mutations are accepted only from pages served by this Flowdeck server.',
        ),
      );
    }
    try {
      const reason = await registry.readOnlyReason(connectionId);
      if (reason !== undefined) {
        request.log.info(
          { connection: connectionId, method, path },
          'mutation rejected: read-only',
        );

        return sendStackError(reply, new StackError(403, stackErrorCodes.readOnly, reason));
      }
    } catch (error) {
      if (!(error instanceof StackError)) throw error;
      request.log.warn(
        { connection: connectionId, errorCode: error.errorCode },
        'connection check before a mutation failed',
      );

      return sendStackError(reply, error);
    }
  }

  const contentType = request.headers['content-type'];
  const body = Buffer.isBuffer(request.body) ? request.body : undefined;

  if (connectionId === localConnectionId) {
    const response = await app.inject({
      method: request.method as 'GET',
      url: `/api/orchestration${path}${search ? `?${search}` : ''}`,
      // The in-process request passes the same access control as the original one.
      headers: {
        ...(contentType !== undefined ? { 'content-type': contentType } : {}),
        ...(request.headers.authorization !== undefined
          ? { authorization: request.headers.authorization }
          : {}),
        ...(request.headers.host !== undefined ? { host: request.headers.host } : {}),
      },
      payload: body,
    });
    const type = response.headers['content-type'];

    return sendUpstream(
      reply,
      {
        status: response.statusCode,
        contentType: typeof type === 'string' ? type : undefined,
        body: response.rawPayload,
      },
      registry.local.name,
    );
  }

  const remote = registry.remotes.get(connectionId);
  if (remote === undefined) return sendStackError(reply, unknownConnection(connectionId));
  try {
    const response = await remote.forward({ method, path, search, contentType, body });

    return sendUpstream(reply, response, remote.profile.name);
  } catch (error) {
    if (!(error instanceof StackError)) throw error;
    request.log.warn(
      { connection: connectionId, method, path, errorCode: error.errorCode, err: error.cause },
      'stack request failed',
    );

    return sendStackError(reply, error);
  }
}
