import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type RunningServer } from '../connections/test-stack';
import { contentSecurityPolicy } from '../http/security-headers';

const sharedToken = 'shared-token-for-the-team-0123456789';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('access control', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(undefined, {
      accessControl: {
        token: sharedToken,
        basicAuth: { username: 'team', password: 'correct horse' },
      },
    });
  });
  afterAll(() => server.close());

  const status = async (url: string, authorization?: string) =>
    (
      await server.app.inject({
        method: 'GET',
        url,
        headers: authorization ? { authorization } : {},
      })
    ).statusCode;

  it('rejects requests without credentials', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/flowdeck/connections' });

    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Basic realm="Flowdeck"/);
    expect(response.json()).toMatchObject({ errorCode: 'UNAUTHENTICATED' });
    expect(await status('/api/orchestration/v2/workflows')).toBe(401);
  });

  it('accepts the token, the token as password and the user', async () => {
    expect(await status('/api/orchestration/v2/workflows', `Bearer ${sharedToken}`)).toBe(200);
    expect(await status('/api/orchestration/v2/workflows', basic('anyone', sharedToken))).toBe(200);
    expect(await status('/api/orchestration/v2/workflows', basic('team', 'correct horse'))).toBe(
      200,
    );
  });

  it('rejects wrong credentials', async () => {
    expect(await status('/api/orchestration/v2/workflows', 'Bearer wrong-token')).toBe(401);
    expect(await status('/api/orchestration/v2/workflows', basic('team', 'wrong horse'))).toBe(401);
    expect(await status('/api/orchestration/v2/workflows', basic('other', 'correct horse'))).toBe(
      401,
    );
    expect(await status('/api/orchestration/v2/workflows', 'Basic !!!')).toBe(401);
  });

  it('applies to the local connection proxy', async () => {
    const url = '/api/flowdeck/connections/local/orchestration/v2/workflows';

    expect(await status(url)).toBe(401);
    expect(await status(url, `Bearer ${sharedToken}`)).toBe(200);
  });

  it('leaves the health check open', async () => {
    expect(await status('/_healthcheck')).toBe(200);
  });
});

describe('security headers', () => {
  let server: RunningServer;
  let distDir: string;

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'flowdeck-dist-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Flowdeck</title>');
    server = await startServer(undefined, {
      staticDir: distDir,
      allowedHosts: ['127.0.0.1', 'localhost'],
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('sets the headers on the console and the API', async () => {
    for (const url of ['/', '/workflows', '/api/orchestration/v2/workflows', '/api/nothing']) {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy'], url).toBe(contentSecurityPolicy);
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('has a CSP without unsafe-eval or framing', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
  });

  it('rejects an unknown Host header', async () => {
    const rebound = await server.app.inject({
      method: 'GET',
      url: '/api/flowdeck/connections',
      headers: { host: 'attacker.example:8090' },
    });
    expect(rebound.statusCode).toBe(421);

    const loopback = await server.app.inject({
      method: 'GET',
      url: '/api/flowdeck/connections',
      headers: { host: '127.0.0.1:8090' },
    });
    expect(loopback.statusCode).toBe(200);
  });
});
