import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectionDetailSchema, connectionListSchema } from '@/lib/connection/connection-schemas';

import { call } from '../testing/test-server';
import { isSafeApiPath } from './routes';
import { TokenProvider } from './token-provider';
import {
  remoteProfile,
  startServer,
  stackOptions,
  testSecret,
  type RunningServer,
} from './test-stack';

// Ports 18230 and 18234-18239 of 127.0.0.1; nothing listens on 18239.
const stackPort = 18234;
const v1StackPort = 18235;
const tlsPort = 18236;
const expiringStackPort = 18237;
const closedPort = 18239;
const flowdeckPort = 18238;
const rejectingStackPort = 18230;

const tokenPath = '/api/auth/oauth/token';

/** Sends a GET with the path exactly as given and returns the status code. */
function rawGetStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    });
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('end', () => resolve(Number(response.split(' ')[1])));
    socket.on('error', reject);
  });
}

describe('connection proxy', () => {
  let stack: RunningServer;
  let v1Stack: RunningServer;
  let expiringStack: RunningServer;
  let flowdeck: RunningServer;
  let tls: Server;
  let certFolder: string;
  let stackClockShift = 0;

  beforeAll(async () => {
    stack = await startServer(stackPort, { stackMode: stackOptions() });
    v1Stack = await startServer(v1StackPort, { stackMode: stackOptions({ v1Only: true }) });
    // Tokens live 60 s but are advertised for an hour, so the cache keeps them after expiry.
    expiringStack = await startServer(expiringStackPort, {
      stackMode: stackOptions({
        tokenLifetimeSeconds: 60,
        advertisedExpiresInSeconds: 3600,
        now: () => Date.now() + stackClockShift,
      }),
    });

    certFolder = mkdtempSync(join(tmpdir(), 'flowdeck-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(certFolder, 'key.pem'),
        '-out',
        join(certFolder, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tls = createServer(
      {
        key: readFileSync(join(certFolder, 'key.pem')),
        cert: readFileSync(join(certFolder, 'cert.pem')),
      },
      (_request, response) => response.end('{}'),
    );
    await new Promise<void>((resolve) => tls.listen(tlsPort, '127.0.0.1', resolve));

    flowdeck = await startServer(flowdeckPort, {
      connections: {
        remotes: [
          remoteProfile('stack', stack.url),
          remoteProfile('frozen', stack.url, { readOnly: true }),
          remoteProfile('viewer', stack.url, {
            credentials: {
              clientId: 'viewer',
              clientSecret: testSecret,
              tokenUrl: `${stack.url}${tokenPath}`,
            },
          }),
          remoteProfile('wrong-secret', stack.url, {
            credentials: {
              clientId: 'console',
              clientSecret: 'not-the-secret',
              tokenUrl: `${stack.url}${tokenPath}`,
            },
          }),
          remoteProfile('no-credentials', stack.url, { credentials: undefined }),
          remoteProfile('v1', v1Stack.url),
          remoteProfile('expiring', expiringStack.url),
          remoteProfile('down', `http://127.0.0.1:${closedPort}`),
          remoteProfile('tls', `https://127.0.0.1:${tlsPort}`),
        ],
      },
    });
  }, 30_000);

  afterAll(async () => {
    await Promise.all([
      stack?.close(),
      v1Stack?.close(),
      expiringStack?.close(),
      flowdeck?.close(),
    ]);
    await new Promise((resolve) => tls?.close(resolve));
    rmSync(certFolder, { recursive: true, force: true });
  });

  const proxy = (id: string, path: string) =>
    `/api/flowdeck/connections/${id}/orchestration${path}`;

  it('lists connections without secrets', async () => {
    const response = await call(flowdeck.app, 'GET', '/api/flowdeck/connections');
    expect(response.status).toBe(200);
    const list = connectionListSchema.parse(response.body);

    expect(list.data.map((connection) => connection.id)).toEqual([
      'local',
      'stack',
      'frozen',
      'viewer',
      'wrong-secret',
      'no-credentials',
      'v1',
      'expiring',
      'down',
      'tls',
    ]);
    expect(list.data[0]).toMatchObject({ kind: 'local', status: 'ready', apiVersion: 'v2' });
    expect(response.text).not.toContain(testSecret);
    expect(response.text).not.toContain('not-the-secret');
  });

  it('detects v2 on a full stack', async () => {
    const response = await call(flowdeck.app, 'GET', '/api/flowdeck/connections/stack');
    const { data } = connectionDetailSchema.parse(response.body);

    expect(data.status).toBe('ready');
    expect(data.apiVersion).toBe('v2');
    expect(data.readOnly).toBe(false);
  });

  it('detects v1 on a v1-only stack', async () => {
    const response = await call(flowdeck.app, 'GET', '/api/flowdeck/connections/v1');
    const { data } = connectionDetailSchema.parse(response.body);

    expect(data.apiVersion).toBe('v1');
    const list = await call(flowdeck.app, 'GET', proxy('v1', '/workflows'));
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: [] });
  });

  it('forwards method, query, body and content type', async () => {
    const created = await call(flowdeck.app, 'POST', proxy('stack', '/v2/workflows'), {
      name: 'through-proxy',
      stages: [{ noop: {} }],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.contentType).toMatch(/^application\/json/);

    const yaml = await call(
      flowdeck.app,
      'POST',
      proxy('stack', '/workflows'),
      'name: from-yaml\nstages:\n  - noop: {}\n',
      {
        'content-type': 'text/vnd.yaml',
      },
    );
    expect(yaml.status, yaml.text).toBe(201);

    const page = await call(flowdeck.app, 'GET', proxy('stack', '/v2/workflows?pageSize=1'));
    expect(page.status).toBe(200);
    expect((page.body as { cursor: { pageSize: number } }).cursor.pageSize).toBe(1);
  });

  it('caches the token across requests', async () => {
    const before = stack.hits.get(tokenPath) ?? 0;
    await call(flowdeck.app, 'GET', proxy('stack', '/v2/workflows'));
    await call(flowdeck.app, 'GET', proxy('stack', '/v2/instances'));

    expect(stack.hits.get(tokenPath) ?? 0).toBe(before);
  });

  it('refreshes the token 60 s before expiry', async () => {
    let now = 1_000_000;
    // Stack tokens are advertised for 3600 s.
    const provider = new TokenProvider(
      { clientId: 'console', clientSecret: testSecret, tokenUrl: `${stack.url}${tokenPath}` },
      { timeoutMs: 5_000, now: () => now },
    );
    const before = stack.hits.get(tokenPath) ?? 0;
    const [first, concurrent] = await Promise.all([provider.getToken(), provider.getToken()]);
    expect(concurrent).toBe(first);
    expect(first.scopes).toEqual(['orchestration:read', 'orchestration:write']);
    expect(stack.hits.get(tokenPath)).toBe(before + 1);

    now += 3_539_000;
    expect(await provider.getToken()).toBe(first);
    expect(stack.hits.get(tokenPath)).toBe(before + 1);

    now += 2_000;
    expect(await provider.getToken()).not.toBe(first);
    expect(stack.hits.get(tokenPath)).toBe(before + 2);
  });

  it('passes the missing v2 _info through', async () => {
    const response = await call(flowdeck.app, 'GET', proxy('stack', '/v2/_info'));

    expect(response.status).toBe(404);
    expect(response.contentType).toMatch(/^text\/plain/);
  });

  it('retries once with a new token after 401', async () => {
    const first = await call(flowdeck.app, 'GET', proxy('expiring', '/v2/workflows'));
    expect(first.status).toBe(200);
    const tokensBefore = expiringStack.hits.get(tokenPath) ?? 0;

    // The cached token is now expired on the stack but not in the cache.
    stackClockShift = 120_000;
    const second = await call(flowdeck.app, 'GET', proxy('expiring', '/v2/workflows'));

    expect(second.status, second.text).toBe(200);
    expect(expiringStack.hits.get(tokenPath)).toBe(tokensBefore + 1);
  });

  it('reports a token the stack keeps rejecting', async () => {
    stackClockShift = 0;
    const rejecting = await startServer(rejectingStackPort, {
      stackMode: stackOptions({ tokenLifetimeSeconds: 0 }),
    });
    try {
      const app = await startServer(undefined, {
        connections: { remotes: [remoteProfile('zero', rejecting.url)] },
      });
      const response = await call(app.app, 'GET', proxy('zero', '/v2/workflows'));
      await app.close();

      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ errorCode: 'STACK_TOKEN_REJECTED' });
      expect(rejecting.hits.get('/api/orchestration/v2/workflows')).toBe(2);
    } finally {
      await rejecting.close();
    }
  });

  it('reports wrong credentials', async () => {
    const response = await call(flowdeck.app, 'GET', proxy('wrong-secret', '/v2/workflows'));

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ errorCode: 'STACK_BAD_CREDENTIALS' });
    expect(response.text).not.toContain('not-the-secret');

    const detail = await call(flowdeck.app, 'GET', '/api/flowdeck/connections/wrong-secret');
    expect(detail.body).toMatchObject({
      data: { status: 'error', error: { errorCode: 'STACK_BAD_CREDENTIALS' } },
    });
  });

  it('explains the empty 401 of a stack without credentials', async () => {
    const response = await call(flowdeck.app, 'GET', proxy('no-credentials', '/v2/workflows'));

    expect(response.status).toBe(401);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ errorCode: 'STACK_BAD_CREDENTIALS' });
  });

  it('reports an unreachable stack', async () => {
    const response = await call(flowdeck.app, 'GET', proxy('down', '/v2/workflows'));

    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ errorCode: 'STACK_UNREACHABLE' });
    expect((response.body as { errorMessage: string }).errorMessage).toContain('ECONNREFUSED');
  });

  it('reports an untrusted certificate as TLS error', async () => {
    const response = await call(flowdeck.app, 'GET', proxy('tls', '/v2/workflows'));

    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ errorCode: 'STACK_TLS_ERROR' });
  });

  it('rejects mutations on a read-only connection', async () => {
    const read = await call(flowdeck.app, 'GET', proxy('frozen', '/v2/workflows'));
    expect(read.status).toBe(200);

    const writeHits = stack.hits.get('/api/orchestration/v2/workflows') ?? 0;
    const write = await call(flowdeck.app, 'POST', proxy('frozen', '/v2/workflows'), {
      stages: [],
    });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ errorCode: 'READ_ONLY' });
    expect(stack.hits.get('/api/orchestration/v2/workflows')).toBe(writeHits);

    const detail = await call(flowdeck.app, 'GET', '/api/flowdeck/connections/frozen');
    expect(detail.body).toMatchObject({ data: { readOnly: true } });
  });

  it('makes a token without write scope read-only', async () => {
    const detail = await call(flowdeck.app, 'GET', '/api/flowdeck/connections/viewer');
    const { data } = connectionDetailSchema.parse(detail.body);
    expect(data.readOnly).toBe(true);
    expect(data.readOnlyReason).toContain('orchestration:write');

    const write = await call(
      flowdeck.app,
      'DELETE',
      proxy('viewer', '/v2/workflows/00000000-0000-4000-8000-000000000000'),
    );
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ errorCode: 'READ_ONLY' });
  });

  it('rejects dot segments in the API path', async () => {
    expect(isSafeApiPath('/v2/workflows/abc')).toBe(true);
    expect(isSafeApiPath('/../../auth/oauth/token')).toBe(false);
    expect(isSafeApiPath('/v2/./workflows')).toBe(false);
    // Sent over a raw socket, because Fastify's inject and fetch resolve dot segments first.
    const paths = ['/../../auth/oauth/token', '/v2/%2e%2e/%2E%2E/auth/oauth/token', '/v2/a%2Fb'];
    for (const path of paths) {
      const status = await rawGetStatus(flowdeckPort, proxy('stack', path));
      expect(status, path).toBe(400);
    }
  });

  it('rejects cross-origin mutations', async () => {
    const response = await call(
      flowdeck.app,
      'POST',
      proxy('stack', '/v2/workflows'),
      { stages: [] },
      {
        origin: 'https://attacker.example',
      },
    );

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ errorCode: 'CROSS_ORIGIN_REJECTED' });
  });

  it('serves the local connection in-process', async () => {
    const created = await call(flowdeck.app, 'POST', proxy('local', '/v2/workflows'), {
      name: 'local-through-proxy',
      stages: [{ noop: {} }],
    });
    expect(created.status, created.text).toBe(201);

    const list = await call(flowdeck.app, 'GET', proxy('local', '/v2/workflows'));
    expect(list.status).toBe(200);
    expect(list.text).toContain('local-through-proxy');
  });

  it('returns 404 for an unknown connection', async () => {
    const response = await call(flowdeck.app, 'GET', proxy('nope', '/v2/workflows'));

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ errorCode: 'CONNECTION_NOT_FOUND' });
  });

  it('rejects mutations on a read-only local server', async () => {
    const readOnly = await startServer(undefined, {
      connections: { local: { name: 'Frozen local', readOnly: true } },
    });
    try {
      const direct = await call(readOnly.app, 'POST', '/api/orchestration/v2/workflows', {
        stages: [{ noop: {} }],
      });
      expect(direct.status).toBe(403);
      expect(direct.body).toMatchObject({ errorCode: 'READ_ONLY' });

      const proxied = await call(readOnly.app, 'POST', proxy('local', '/v2/workflows'), {
        stages: [{ noop: {} }],
      });
      expect(proxied.status).toBe(403);

      const read = await call(readOnly.app, 'GET', '/api/orchestration/v2/workflows');
      expect(read.status).toBe(200);
    } finally {
      await readOnly.close();
    }
  });

  it('keeps secrets out of the server logs', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flowdeck-logs-'));
    const wrongSecret = 'wrong-secret-5b1e90c4';
    const accessToken = 'access-token-c81f2a6d93e4b7';
    const configFile = join(folder, 'flowdeck.yaml');
    writeFileSync(
      configFile,
      [
        'connections:',
        `  - { id: stack, baseUrl: "${stack.url}", clientId: console, clientSecret: "${testSecret}" }`,
        `  - { id: wrong, baseUrl: "${stack.url}", clientId: console, clientSecret: "${wrongSecret}" }`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        FLOWDECK_PORT: String(rejectingStackPort),
        FLOWDECK_DB: join(folder, 'flowdeck.db'),
        FLOWDECK_SEED: '0',
        FLOWDECK_LOG_LEVEL: 'trace',
        FLOWDECK_CONFIG: configFile,
        FLOWDECK_ACCESS_TOKEN: accessToken,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const base = `http://127.0.0.1:${rejectingStackPort}`;
      const deadline = Date.now() + 30_000;
      while (!output.includes('Flowdeck is running') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toContain('Flowdeck is running');

      const headers = {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
      };
      const statuses: number[] = [];
      for (const [method, path] of [
        ['GET', '/api/flowdeck/connections/stack'],
        ['GET', '/api/flowdeck/connections/wrong'],
        ['GET', proxy('stack', '/v2/workflows')],
        ['POST', proxy('stack', '/v2/workflows')],
        ['GET', proxy('wrong', '/v2/workflows')],
      ] as const) {
        const body = method === 'POST' ? JSON.stringify({ stages: [{ noop: {} }] }) : undefined;
        statuses.push((await fetch(`${base}${path}`, { method, headers, body })).status);
      }
      const anonymous = await fetch(`${base}/api/flowdeck/connections`, {
        headers: { authorization: 'Bearer not-the-access-token' },
      });

      expect(statuses).toEqual([200, 200, 200, 201, 401]);
      expect(anonymous.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    }

    expect(output).toContain('request completed');
    expect(output).not.toContain(testSecret);
    expect(output).not.toContain(wrongSecret);
    expect(output).not.toContain(accessToken);
  }, 60_000);
});
