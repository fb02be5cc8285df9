/**
 * Stack mode: makes this server play a secured Formance stack. It serves an
 * OAuth2 client-credentials token endpoint at `/api/auth/oauth/token`. It
 * checks bearer tokens and scopes on `/api/orchestration/*` like the Formance
 * Orchestration service, which rejects with 401 and an empty body labelled
 * JSON. It can also hide the v2 API to play a v1-only stack.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const tokenPath = '/api/auth/oauth/token';
export const readScope = 'orchestration:read';
export const writeScope = 'orchestration:write';

export const stackClientSchema = z.object({
  id: z.string().min(1),
  secret: z.string().min(1),
  scopes: z.array(z.string().min(1)).default([readScope, writeScope]),
});
export type StackClient = z.infer<typeof stackClientSchema>;

export type StackModeOptions = {
  clients: StackClient[];
  /** Validity of issued tokens, in seconds. */
  tokenLifetimeSeconds: number;
  /** `expires_in` reported to clients, in seconds; tests set it above the real lifetime. */
  advertisedExpiresInSeconds?: number;
  /** v2 routes return 404, like a stack that only has the v1 API. */
  v1Only?: boolean;
  /** HMAC key of the tokens; random per start when absent. */
  signingKey?: Buffer;
  /** Epoch ms; tests shift it. */
  now?: () => number;
};

const formSchema = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

const claimsSchema = z.object({ sub: z.string(), scope: z.string(), exp: z.number() });

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function sameText(a: string, b: string): boolean {
  const left = createHmac('sha256', 'compare').update(a).digest();
  const right = createHmac('sha256', 'compare').update(b).digest();

  return timingSafeEqual(left, right);
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .type('application/json')
    .header('cache-control', 'no-store')
    .send({ error, error_description: description });
}

/** Reads a form-encoded body, which the server's JSON/YAML parsers do not accept. */
function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

function isOrchestrationApi(url: string): boolean {
  return url === '/api/orchestration' || url.startsWith('/api/orchestration/');
}

function pathOf(url: string): string {
  return url.split('?')[0] ?? url;
}

/** Installs the token endpoint and the bearer checks on `app`. */
export function registerStackMode(app: FastifyInstance, options: StackModeOptions): void {
  const signingKey = options.signingKey ?? randomBytes(32);
  const now = options.now ?? Date.now;
  const sign = (data: string) => createHmac('sha256', signingKey).update(data).digest('base64url');

  const issue = (client: StackClient): string => {
    const header = encodeSegment({ alg: 'HS256', typ: 'JWT' });
    const exp = Math.floor(now() / 1000) + options.tokenLifetimeSeconds;
    const payload = encodeSegment({ sub: client.id, scope: client.scopes.join(' '), exp });

    return `${header}.${payload}.${sign(`${header}.${payload}`)}`;
  };

  /** Returns the token's scopes, or `undefined` when it is forged, malformed or expired. */
  const verify = (token: string): string[] | undefined => {
    const [header, payload, signature] = token.split('.');
    if (header === undefined || payload === undefined || signature === undefined) return undefined;
    if (!sameText(signature, sign(`${header}.${payload}`))) return undefined;
    try {
      const claims = claimsSchema.parse(
        JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
      );
      if (claims.exp * 1000 <= now()) return undefined;

      return claims.scope.split(' ');
    } catch {
      return undefined;
    }
  };

  app.register(async (auth) => {
    registerFormParser(auth);
    auth.post(tokenPath, async (request, reply) => {
      const form = formSchema.safeParse(request.body ?? {});
      if (!form.success || form.data.grant_type !== 'client_credentials') {
        return oauthError(reply, 400, 'unsupported_grant_type', 'use client_credentials');
      }
      const client = options.clients.find((candidate) => candidate.id === form.data.client_id);
      if (client === undefined || !sameText(client.secret, form.data.client_secret ?? '')) {
        request.log.info({ clientId: form.data.client_id }, 'token request rejected');

        return oauthError(reply, 401, 'invalid_client', 'unknown client or wrong secret');
      }

      return reply.header('cache-control', 'no-store').send({
        access_token: issue(client),
        token_type: 'Bearer',
        expires_in: options.advertisedExpiresInSeconds ?? options.tokenLifetimeSeconds,
        scope: client.scopes.join(' '),
      });
    });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isOrchestrationApi(request.url)) return;
    const path = pathOf(request.url);
    const isV2 = path === '/api/orchestration/v2' || path.startsWith('/api/orchestration/v2/');
    // Like the real service: no /v2/_info, and a v1-only stack has no v2 routes at all.
    if (isV2 && (options.v1Only || path === '/api/orchestration/v2/_info')) {
      return reply.code(404).type('text/plain').send('404 page not found');
    }
    // The v1 `/_info` is registered outside the authentication middleware.
    if (path === '/api/orchestration/_info') return;

    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    const scopes = token === '' ? undefined : verify(token);
    const reading = ['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    const allowed =
      scopes !== undefined &&
      (scopes.includes(writeScope) || (reading && scopes.includes(readScope)));
    if (!allowed) return reply.code(401).type('application/json').send('');
  });
}
