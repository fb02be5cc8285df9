/**
 * Test helpers that start real servers on 127.0.0.1: a local server in stack
 * mode playing a remote Formance stack, and a Flowdeck server connected to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import { buildServer, type ServerOptions } from '../app';
import type { StackModeOptions } from '../auth/stack-mode';
import type { RemoteConnectionProfile } from './config';

export const testSecret = 'test-secret-7f3a9c2e41d8';

export type RunningServer = {
  app: FastifyInstance;
  url: string;
  /** Number of responses per path (without query), including rejected requests. */
  hits: Map<string, number>;
  close(): Promise<void>;
};

/**
 * Builds a server on a new temporary database and listens on `port` of
 * 127.0.0.1; with `port` undefined it only serves Fastify's inject.
 */
export async function startServer(
  port: number | undefined,
  options: Partial<ServerOptions> = {},
): Promise<RunningServer> {
  const folder = mkdtempSync(join(tmpdir(), 'flowdeck-connections-'));
  const app = buildServer({
    databaseFile: join(folder, 'flowdeck.db'),
    logger: false,
    ...options,
  });
  const hits = new Map<string, number>();
  app.addHook('onResponse', async (request) => {
    const path = request.url.split('?')[0] ?? request.url;
    hits.set(path, (hits.get(path) ?? 0) + 1);
  });
  if (port === undefined) await app.ready();
  else await app.listen({ port, host: '127.0.0.1' });

  return {
    app,
    url: port === undefined ? '' : `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Stack mode with two clients: `console` (read and write) and `viewer` (read only). */
export function stackOptions(changes: Partial<StackModeOptions> = {}): StackModeOptions {
  return {
    clients: [
      { id: 'console', secret: testSecret, scopes: ['orchestration:read', 'orchestration:write'] },
      { id: 'viewer', secret: testSecret, scopes: ['orchestration:read'] },
    ],
    tokenLifetimeSeconds: 3600,
    ...changes,
  };
}

export function remoteProfile(
  id: string,
  baseUrl: string,
  changes: Partial<RemoteConnectionProfile> = {},
): RemoteConnectionProfile {
  return {
    id,
    name: `Stack ${id}`,
    baseUrl,
    credentials: {
      clientId: 'console',
      clientSecret: testSecret,
      tokenUrl: `${baseUrl}/api/auth/oauth/token`,
    },
    readOnly: false,
    timeoutMs: 5_000,
    ...changes,
  };
}
