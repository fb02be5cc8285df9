import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Content Security Policy of the console. Scripts and workers come only from
 * this origin (no `unsafe-eval`, no inline scripts). Styles allow inline
 * because Mantine and React Flow set `style` attributes and inject `<style>`
 * tags at run time. `connect-src 'self'` keeps the browser talking only to
 * this server, which proxies remote stacks.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Adds the security headers to every response, API and console alike. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request: FastifyRequest, reply: FastifyReply, payload) => {
    reply.headers(securityHeaders);

    return payload;
  });
}

/**
 * Rejects requests whose `Host` header names another host than the allowed
 * ones. A page on a rebound DNS name then cannot read this server, which uses
 * stack credentials, as if it were its own origin.
 */
export function registerHostCheck(app: FastifyInstance, allowedHosts: readonly string[]): void {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    const hostname = host.startsWith('[')
      ? host.slice(0, host.indexOf(']') + 1)
      : host.split(':')[0];
    if (hostname !== undefined && allowed.has(hostname)) return;

    request.log.info({ host: host.slice(0, 100) }, 'request rejected: Host header not allowed');

    return reply
      .code(421)
      .type('application/json')
      .send({
        errorCode: 'VALIDATION',
        errorMessage: `Host "${host.slice(0, 100)}" is not served here; add it to FLOWDECK_ALLOWED_HOSTS.`,
      });
  });
}

/** Host names accepted by default: the loopback names. */
export const loopbackHosts = ['127.0.0.1', 'localhost', '[::1]'];
