import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  stackOptions,
  startServer,
  testSecret,
  type RunningServer,
} from '../connections/test-stack';

type TokenBody = { access_token: string; token_type: string; expires_in: number; scope: string };

async function requestToken(server: RunningServer, clientId: string, secret: string) {
  return server.app.inject({
    method: 'POST',
    url: '/api/auth/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }).toString(),
  });
}

describe('stack mode', () => {
  let server: RunningServer;
  let v1Server: RunningServer;

  beforeAll(async () => {
    server = await startServer(undefined, {
      stackMode: stackOptions({ advertisedExpiresInSeconds: 7200 }),
    });
    v1Server = await startServer(undefined, { stackMode: stackOptions({ v1Only: true }) });
  });
  afterAll(async () => {
    await Promise.all([server.close(), v1Server.close()]);
  });

  const token = async (clientId = 'console') =>
    ((await requestToken(server, clientId, testSecret)).json() as TokenBody).access_token;

  it('issues bearer tokens for client credentials', async () => {
    const response = await requestToken(server, 'console', testSecret);

    expect(response.statusCode).toBe(200);
    const body = response.json() as TokenBody;
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(7200);
    expect(body.scope).toBe('orchestration:read orchestration:write');
    expect(body.access_token.split('.')).toHaveLength(3);
  });

  it('rejects a wrong secret or grant', async () => {
    const wrong = await requestToken(server, 'console', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' });

    const unknown = await requestToken(server, 'someone', testSecret);
    expect(unknown.statusCode).toBe(401);

    const grant = await server.app.inject({
      method: 'POST',
      url: '/api/auth/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=password',
    });
    expect(grant.statusCode).toBe(400);
  });

  it('answers 401 with an empty JSON body without a valid token', async () => {
    for (const authorization of [undefined, 'Bearer nope', 'Bearer a.b.c', 'Basic abc']) {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/orchestration/v2/workflows',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.body, authorization).toBe('');
      expect(response.headers['content-type'], authorization).toMatch(/^application\/json/);
    }
  });

  it('rejects a token signed by another key', async () => {
    const [header, payload] = (await token()).split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/orchestration/v2/workflows',
      headers: { authorization: `Bearer ${forged}` },
    });

    expect(response.statusCode).toBe(401);
  });

  it('checks read and write scopes', async () => {
    const reader = await token('viewer');
    const writer = await token('console');
    const send = (bearer: string, method: 'GET' | 'POST') =>
      server.app.inject({
        method,
        url: '/api/orchestration/v2/workflows',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        payload: method === 'POST' ? JSON.stringify({ stages: [{ noop: {} }] }) : undefined,
      });

    expect((await send(reader, 'GET')).statusCode).toBe(200);
    expect((await send(reader, 'POST')).statusCode).toBe(401);
    expect((await send(writer, 'GET')).statusCode).toBe(200);
    expect((await send(writer, 'POST')).statusCode).toBe(201);
  });

  it('leaves v1 _info open and hides v2 _info', async () => {
    const info = await server.app.inject({ method: 'GET', url: '/api/orchestration/_info' });
    expect(info.statusCode).toBe(200);

    const v2Info = await server.app.inject({ method: 'GET', url: '/api/orchestration/v2/_info' });
    expect(v2Info.statusCode).toBe(404);
    expect(v2Info.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('hides every v2 route on a v1-only stack', async () => {
    const bearer = ((await requestToken(v1Server, 'console', testSecret)).json() as TokenBody)
      .access_token;
    const headers = { authorization: `Bearer ${bearer}` };

    const v2 = await v1Server.app.inject({
      method: 'GET',
      url: '/api/orchestration/v2/workflows',
      headers,
    });
    expect(v2.statusCode).toBe(404);

    const v1 = await v1Server.app.inject({
      method: 'GET',
      url: '/api/orchestration/workflows',
      headers,
    });
    expect(v1.statusCode).toBe(200);
  });
});
