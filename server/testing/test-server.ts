import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { z } from 'zod';

import { buildServer, type ServerOptions } from '../app';

export type TestServer = {
  app: FastifyInstance;
  databaseFile: string;
  /** Closes this server and opens a new one on the same database file. */
  reopen(options?: Partial<ServerOptions>): Promise<TestServer>;
  /** Closes the server and deletes the temporary folder. */
  dispose(): Promise<void>;
};

const fastRetry = { initialIntervalMs: 20, maximumIntervalMs: 80 };

/** Starts a server on a new temporary database file, with logs off and fast retries. */
export async function createTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'flowdeck-test-'));

  return open(join(folder, 'flowdeck.db'), folder, options);
}

async function open(
  databaseFile: string,
  folder: string,
  options: Partial<ServerOptions>,
): Promise<TestServer> {
  const app = buildServer({ databaseFile, logger: false, retry: fastRetry, ...options });
  await app.ready();
  let closed = false;
  const close = async () => {
    if (!closed) await app.close();
    closed = true;
  };

  return {
    app,
    databaseFile,
    reopen: async (next = {}) => {
      await close();

      return open(databaseFile, folder, { ...options, ...next });
    },
    dispose: async () => {
      await close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type TestResponse = {
  status: number;
  contentType: string;
  body: unknown;
  text: string;
};

/** Sends a request through Fastify's inject; JSON bodies are serialised, strings sent as is. */
export async function call(
  app: FastifyInstance,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  const payload = typeof body === 'string' || body === undefined ? body : JSON.stringify(body);
  const contentType =
    body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' };
  const response = await app.inject({
    method,
    url,
    payload,
    headers: { ...contentType, ...headers },
  });
  const text = response.body;
  const type = String(response.headers['content-type'] ?? '');
  const isJson = type.startsWith('application/json') && text !== '';

  return {
    status: response.statusCode,
    contentType: type,
    body: isJson ? (JSON.parse(text) as unknown) : undefined,
    text,
  };
}

const dateKeys = new Set([
  'createdAt',
  'updatedAt',
  'deletedAt',
  'terminatedAt',
  'startedAt',
  'date',
  'nextExecution',
]);
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks the compatibility rules for SDK 2.7.0: no `null` anywhere and RFC 3339 dates. */
export function expectSdkCompatible(value: unknown, path = '$'): void {
  expect(value, `${path} is null`).not.toBeNull();
  if (Array.isArray(value)) {
    value.forEach((item, index) => expectSdkCompatible(item, `${path}[${index}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // Event payloads and stage inputs are user data, not API fields.
      if (key === 'payload' || key === 'input' || key === 'output' || key === 'config') continue;
      if (dateKeys.has(key) && typeof item === 'string') {
        expect(item, `${path}.${key} is not RFC 3339`).toMatch(rfc3339);
      }
      expectSdkCompatible(item, `${path}.${key}`);
    }
  }
}

/** Asserts status, JSON content type and SDK compatibility, then parses the body with `schema`. */
export function expectBody<S extends z.ZodType>(
  response: TestResponse,
  status: number,
  schema: S,
): z.output<S> {
  expect(response.status, response.text).toBe(status);
  expect(response.contentType).toMatch(/^application\/json/);
  expectSdkCompatible(response.body);
  const parsed = schema.safeParse(response.body);
  expect(parsed.error, JSON.stringify(parsed.error?.issues)).toBeUndefined();

  return parsed.data as z.output<S>;
}

/** Asserts an API error response: status, JSON content type and `{errorCode, errorMessage}`. */
export function expectError(response: TestResponse, status: number, errorCode: string): string {
  expect(response.status, response.text).toBe(status);
  expect(response.contentType).toMatch(/^application\/json/);
  const body = response.body as { errorCode?: unknown; errorMessage?: unknown };
  expect(body.errorCode).toBe(errorCode);
  expect(typeof body.errorMessage).toBe('string');
  expect(Object.keys(body).sort()).toEqual(['errorCode', 'errorMessage']);

  return String(body.errorMessage);
}

/** Polls `condition` every 10 ms until it returns true; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  description = 'condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
