/**
 * Optional access control of the Flowdeck server itself, for teams that run it
 * on a shared host. It accepts a shared token and/or a basic-auth user and
 * password. The token is sent as `Authorization: Bearer <token>`, or as the
 * basic-auth password so that browsers can enter it in their sign-in prompt.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { AccessControlConfig } from '../connections/config';

function sameText(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest(),
  );
}

function decodeBasic(value: string): { username: string; password: string } | undefined {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return undefined;

  return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

/** Checks an `Authorization` header against the configured token and basic-auth user. */
export function isAuthorized(config: AccessControlConfig, header: string | undefined): boolean {
  if (header === undefined) return false;
  const [scheme = '', value = ''] = header.split(' ', 2);

  if (scheme.toLowerCase() === 'bearer') {
    return config.token !== undefined && sameText(value, config.token);
  }
  if (scheme.toLowerCase() !== 'basic') return false;

  const credentials = decodeBasic(value);
  if (credentials === undefined) return false;
  if (config.token !== undefined && sameText(credentials.password, config.token)) return true;
  const basic = config.basicAuth;

  // Both comparisons run, so that the time taken does not reveal which one failed.
  const userMatches = basic !== undefined && sameText(credentials.username, basic.username);
  const passwordMatches = basic !== undefined && sameText(credentials.password, basic.password);

  return userMatches && passwordMatches;
}

export function isAccessControlEnabled(config: AccessControlConfig): boolean {
  return config.token !== undefined || config.basicAuth !== undefined;
}

/**
 * Rejects requests without valid credentials with 401 and a basic-auth
 * challenge. `/_healthcheck` stays open, and so do the paths for which
 * `isExempt` returns true (stack mode's own authenticated API).
 */
export function registerAccessControl(
  app: FastifyInstance,
  config: AccessControlConfig,
  isExempt: (path: string) => boolean = () => false,
): void {
  if (!isAccessControlEnabled(config)) return;

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? request.url;
    if (path === '/_healthcheck' || isExempt(path)) return;
    if (isAuthorized(config, request.headers.authorization)) return;

    request.log.info(
      { method: request.method, path },
      'request rejected: missing or invalid credentials',
    );

    return reply
      .code(401)
      .header('www-authenticate', 'Basic realm="Flowdeck", charset="UTF-8"')
      .type('application/json')
      .send({
        errorCode: 'UNAUTHENTICATED',
        errorMessage:
          'This Flowdeck server requires credentials: sign in, or send the shared token.',
      });
  });
}
