/**
 * A real HTTP server on 127.0.0.1 (random port) that plays the orchestration
 * API in tests. Each route responds with a canned or computed response and
 * every request is recorded, so tests exercise the real fetch path.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';

export type RecordedRequest = {
  method: string;
  /** Path without the query string, e.g. `/api/orchestration/v2/workflows`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
};

export type TestResponse = {
  /** @default 200 */
  status?: number;
  /** Serialised as JSON unless it is a string. */
  body?: unknown;
  /** @default `application/json` when `body` is not a string */
  contentType?: string;
  /** Delay before the response is sent, in milliseconds. */
  delay?: number;
};

export type TestRouteHandler = (request: RecordedRequest) => TestResponse | Promise<TestResponse>;

export type TestApiServer = {
  /** Origin of the server, e.g. `http://127.0.0.1:40123`, for `setApiBaseUrl`. */
  url: string;
  requests: RecordedRequest[];
  /** Adds or replaces the handler of `'<METHOD> <path>'`, e.g. `'GET /v2/workflows'`. */
  route: (key: string, handler: TestRouteHandler | TestResponse) => void;
  close: () => Promise<void>;
};

/** Prefix added to route keys: tests name paths as the API does (`/v2/...`). */
const pathPrefix = '/api/orchestration';

/** Starts the server; unknown routes return 404 `NOT_FOUND` in the API's error format. */
export async function startTestApiServer(
  routes: Record<string, TestRouteHandler | TestResponse> = {},
): Promise<TestApiServer> {
  const handlers = new Map<string, TestRouteHandler>();
  const requests: RecordedRequest[] = [];

  const route = (key: string, handler: TestRouteHandler | TestResponse) => {
    const [method = 'GET', path = '/'] = key.split(' ');
    const routeHandler = typeof handler === 'function' ? handler : () => handler;
    handlers.set(`${method.toUpperCase()} ${pathPrefix}${path}`, routeHandler);
  };

  for (const [key, handler] of Object.entries(routes)) {
    route(key, handler);
  }

  const server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing, handlers, requests);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  handlers: Map<string, TestRouteHandler>,
  requests: RecordedRequest[],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) {
    chunks.push(chunk as Buffer);
  }

  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  const request: RecordedRequest = {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: incoming.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
  requests.push(request);

  const response = await respond(request, handlers.get(`${request.method} ${request.path}`));

  if (response.delay) {
    await new Promise((resolve) => setTimeout(resolve, response.delay));
  }

  const isText = typeof response.body === 'string';
  const body =
    response.body === undefined
      ? ''
      : isText
        ? String(response.body)
        : JSON.stringify(response.body);
  const contentType = response.contentType ?? (isText ? 'text/plain' : 'application/json');

  outgoing.writeHead(response.status ?? 200, { 'Content-Type': contentType });
  outgoing.end(body);
}

async function respond(
  request: RecordedRequest,
  handler: TestRouteHandler | undefined,
): Promise<TestResponse> {
  if (handler === undefined) {
    const errorMessage = `no test route for ${request.method} ${request.path}`;
    return { status: 404, body: { errorCode: 'NOT_FOUND', errorMessage } };
  }

  try {
    return await handler(request);
  } catch (error) {
    const errorMessage = `test route failed: ${String(error)}`;
    return { status: 500, body: { errorCode: 'INTERNAL', errorMessage } };
  }
}

/**
 * Starts one test API server for the tests of a file and, before each test, clears its request
 * log and points the API client at it. Call it at the top level of a test file. The returned
 * object forwards to the started server, so it can be used in hooks and tests only.
 */
export function setupTestApiServer(): TestApiServer {
  let started: TestApiServer | undefined;
  const current = (): TestApiServer => {
    if (started === undefined) throw new Error('The test API server starts in beforeAll.');

    return started;
  };

  beforeAll(async () => {
    started = await startTestApiServer();
  });

  afterAll(async () => {
    await started?.close();
  });

  beforeEach(() => {
    current().requests.length = 0;
    setApiBaseUrl(current().url);
  });

  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    route: (key, handler) => current().route(key, handler),
    close: () => current().close(),
  };
}
