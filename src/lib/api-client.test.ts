import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
  apiRequest,
  buildApiUrl,
  configureApiClient,
  isErrorBody,
  setApiBaseUrl,
} from '@/lib/api-client';
import { ApiError, isNotFound } from '@/lib/errors';
import { dataSchema, workflowSchema } from '@/lib/orchestration/schemas';
import { setupTestApiServer, startTestApiServer } from '@/testing/api-server';
import { makeWorkflow } from '@/testing/fixtures';

const server = setupTestApiServer();

async function requestError(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('buildApiUrl', () => {
  it('adds the gateway prefix to the base URL', () => {
    setApiBaseUrl('http://127.0.0.1:18121');

    expect(buildApiUrl('/v2/workflows').href).toBe(
      'http://127.0.0.1:18121/api/orchestration/v2/workflows',
    );
  });

  it('keeps a path already in the base URL', () => {
    setApiBaseUrl('http://127.0.0.1:18121/proxy/');

    expect(buildApiUrl('/_info').href).toBe('http://127.0.0.1:18121/proxy/api/orchestration/_info');
  });

  it('uses the page origin when no base URL is set', () => {
    setApiBaseUrl('');

    expect(buildApiUrl('/v2/instances').href).toBe(
      `${window.location.origin}/api/orchestration/v2/instances`,
    );
  });

  it('leaves out null and undefined query values', () => {
    const url = buildApiUrl('/v2/instances', {
      workflowID: 'wf 1',
      running: false,
      pageSize: 20,
      cursor: undefined,
      name: null,
    });

    expect(url.search).toBe('?workflowID=wf+1&running=false&pageSize=20');
  });
});

describe('apiRequest', () => {
  it('parses a success body with the schema', async () => {
    const workflow = makeWorkflow();
    server.route('GET /v2/workflows/wf-1', { body: { data: workflow } });

    const body = await apiRequest('/v2/workflows/wf-1', { schema: dataSchema(workflowSchema) });

    expect(body.data.id).toBe(workflow.id);
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('sends JSON bodies with the JSON content type', async () => {
    server.route('POST /v2/instances/i-1/events', { status: 204 });

    const result = await apiRequest('/v2/instances/i-1/events', {
      method: 'POST',
      body: { name: 'refund-approved' },
    });

    expect(result).toBeUndefined();
    const request = server.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ name: 'refund-approved' });
  });

  it('returns undefined for 204 without a schema', async () => {
    server.route('DELETE /v2/triggers/t-1', { status: 204 });

    await expect(apiRequest('/v2/triggers/t-1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('sends YAML with Content-Type text/vnd.yaml', async () => {
    const yaml = 'name: noop-probe\nstages:\n  - noop: {}\n';
    server.route('POST /v2/workflows', { status: 201, body: { data: makeWorkflow() } });

    await apiRequest('/v2/workflows', {
      method: 'POST',
      body: yaml,
      bodyType: 'yaml',
      schema: dataSchema(workflowSchema),
    });

    expect(server.requests[0]?.headers['content-type']).toBe('text/vnd.yaml');
    expect(server.requests[0]?.body).toBe(yaml);
  });

  it('sends the headers of the client configuration', async () => {
    configureApiClient({ getHeaders: () => ({ Authorization: 'Bearer t0k3n' }) });
    server.route('GET /_info', { body: { version: 'develop' } });

    await apiRequest('/_info', { schema: z.object({ version: z.string() }) });

    expect(server.requests[0]?.headers.authorization).toBe('Bearer t0k3n');
  });
});

describe('apiRequest errors', () => {
  it('maps an API error body to errorCode and errorMessage', async () => {
    server.route('POST /v2/triggers', {
      status: 400,
      body: { errorCode: 'VALIDATION', errorMessage: 'validating data: missing event' },
    });

    const error = await requestError(
      apiRequest('/v2/triggers', { method: 'POST', body: {}, operation: 'v2CreateTrigger' }),
    );

    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('VALIDATION');
    expect(error.errorMessage).toBe('validating data: missing event');
    expect(error.operation).toBe('v2CreateTrigger');
    expect(error.message).toBe('VALIDATION: validating data: missing event');
    expect(error).toBeInstanceOf(Error);
  });

  it('names an empty 401 after its status', async () => {
    let rejected: ApiError | undefined;
    configureApiClient({ onUnauthorized: (error) => (rejected = error) });
    server.route('GET /v2/workflows', { status: 401 });

    const error = await requestError(apiRequest('/v2/workflows'));

    expect(error.status).toBe(401);
    expect(error.errorCode).toBe('HTTP_401');
    expect(error.errorMessage).toMatch(/unauthenticated/);
    expect(rejected).toBe(error);
  });

  it('names a text/plain 404 after its status', async () => {
    server.route('GET /v2/_info', { status: 404, body: '404 page not found' });

    const error = await requestError(apiRequest('/v2/_info'));

    expect(error.errorCode).toBe('HTTP_404');
    expect(error.errorMessage).toBe('GET /v2/_info was not found on the server (404).');
    expect(isNotFound(error)).toBe(true);
  });

  it('names a non-JSON 502 after its status', async () => {
    server.route('GET /v2/instances', { status: 502, body: '<html>Bad gateway</html>' });

    const error = await requestError(apiRequest('/v2/instances'));

    expect(error.status).toBe(502);
    expect(error.errorCode).toBe('HTTP_502');
    expect(error.errorMessage).toContain('HTTP 502');
  });

  it('rejects a body that fails the schema, naming the operation', async () => {
    server.route('GET /v2/workflows/wf-1', {
      body: { data: { id: 'wf-1', config: { stages: [] }, createdAt: 42 } },
    });

    const error = await requestError(
      apiRequest('/v2/workflows/wf-1', {
        schema: dataSchema(workflowSchema),
        operation: 'v2GetWorkflow',
      }),
    );

    expect(error.errorCode).toBe('INVALID_RESPONSE');
    expect(error.status).toBe(200);
    expect(error.errorMessage).toContain('v2GetWorkflow');
    expect(error.errorMessage).toContain('data.createdAt');
  });

  it('rejects a success body that is not JSON', async () => {
    server.route('GET /v2/workflows', { body: '<!doctype html><title>console</title>' });

    const error = await requestError(
      apiRequest('/v2/workflows', { schema: z.object({}), operation: 'v2ListWorkflows' }),
    );

    expect(error.errorCode).toBe('INVALID_RESPONSE');
    expect(error.errorMessage).toBe('v2ListWorkflows returned a body that is not JSON.');
  });

  it('reports an unreachable server as NETWORK', async () => {
    const closed = await startTestApiServer();
    await closed.close();
    setApiBaseUrl(closed.url);

    const error = await requestError(apiRequest('/v2/workflows'));

    expect(error.status).toBe(0);
    expect(error.errorCode).toBe('NETWORK');
    expect(error.errorMessage).toContain(`Cannot reach the orchestration server at ${closed.url}`);
  });

  it('lets an AbortError through unchanged', async () => {
    server.route('GET /v2/workflows', { body: { cursor: {} }, delay: 500 });
    const controller = new AbortController();

    const request = apiRequest('/v2/workflows', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error: unknown = await request.catch((reason: unknown) => reason);

    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('isNotFound', () => {
  const cases: Array<[string, ApiError | Error, boolean]> = [
    [
      '404 NOT_FOUND',
      new ApiError({ status: 404, errorCode: 'NOT_FOUND', errorMessage: 'x' }),
      true,
    ],
    [
      'INTERNAL "Instance not found"',
      new ApiError({ status: 500, errorCode: 'INTERNAL', errorMessage: 'Instance not found' }),
      true,
    ],
    [
      'INTERNAL "no rows"',
      new ApiError({
        status: 500,
        errorCode: 'INTERNAL',
        errorMessage: 'sql: no rows in result set',
      }),
      true,
    ],
    [
      'other INTERNAL',
      new ApiError({ status: 500, errorCode: 'INTERNAL', errorMessage: 'creating workflow: x' }),
      false,
    ],
    [
      'VALIDATION',
      new ApiError({ status: 400, errorCode: 'VALIDATION', errorMessage: 'not found words' }),
      false,
    ],
    ['plain Error', new Error('not found'), false],
  ];

  it.each(cases)('classifies %s', (_name, error, expected) => {
    expect(isNotFound(error)).toBe(expected);
  });

  it('detects the real server INTERNAL not-found over HTTP', async () => {
    server.route('GET /v2/instances/gone', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'Instance not found' },
    });

    const error = await requestError(apiRequest('/v2/instances/gone'));

    expect(error.status).toBe(500);
    expect(isNotFound(error)).toBe(true);
  });
});

describe('isErrorBody', () => {
  it.each<[string, unknown, boolean]>([
    ['an API error body', { errorCode: 'NOT_FOUND', errorMessage: 'not found' }, true],
    ['extra fields', { errorCode: 'X', errorMessage: 'y', details: 1 }, true],
    ['a missing errorMessage', { errorCode: 'X' }, false],
    ['a numeric errorCode', { errorCode: 404, errorMessage: 'y' }, false],
    ['null', null, false],
    ['a string', 'errorCode', false],
    ['an array', ['X', 'y'], false],
  ])('accepts or rejects %s', (_name, value, expected) => {
    expect(isErrorBody(value)).toBe(expected);
  });
});

describe('apiRequest with a hand-written schema', () => {
  const versionBody = {
    safeParse(value: unknown) {
      const version =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>).version
          : undefined;
      if (typeof version === 'string') return { success: true as const, data: { version } };

      return {
        success: false as const,
        error: { issues: [{ path: ['version', Symbol('marker')], message: 'expected a string' }] },
      };
    },
  };

  it('returns the checked body', async () => {
    server.route('GET /v2/_info', { body: { version: '2.1.0' } });

    await expect(apiRequest('/v2/_info', { schema: versionBody })).resolves.toEqual({
      version: '2.1.0',
    });
  });

  it('names the issue path, symbols included', async () => {
    server.route('GET /v2/_info', { body: { version: 2 } });

    const error = await requestError(
      apiRequest('/v2/_info', { schema: versionBody, operation: 'v2GetServerInfo' }),
    );

    expect(error.errorCode).toBe('INVALID_RESPONSE');
    expect(error.errorMessage).toContain('version.Symbol(marker): expected a string');
  });
});
