import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { v2 } from '../testing/api-fixtures';
import { call, createTestServer, expectError, type TestServer } from '../testing/test-server';

describe('API error handling', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await createTestServer({ bodyLimit: 1_024 });
  });
  afterEach(async () => {
    await server.dispose();
  });

  it.each([
    ['POST', `${v2}/workflows`],
    ['POST', `${v2}/triggers`],
    ['POST', `${v2}/triggers/x/test`],
    ['POST', `${v2}/instances/x/events`],
    ['POST', '/api/local/events'],
  ] as const)('answers 400 VALIDATION to invalid JSON on %s %s', async (method, url) => {
    const response = await call(server.app, method, url, '{"stages": [', {
      'content-type': 'application/json',
    });

    expect(expectError(response, 400, 'VALIDATION')).toContain('invalid JSON body');
    expect(response.text).not.toContain('    at ');
  });

  it('answers 400 to invalid YAML', async () => {
    const response = await call(server.app, 'POST', `${v2}/workflows`, 'stages: [', {
      'content-type': 'text/vnd.yaml',
    });

    expect(expectError(response, 400, 'VALIDATION')).toContain('invalid YAML body');
  });

  it('answers 413 in the error format above the body limit', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(2_000), stages: [] });
    const response = await call(server.app, 'POST', `${v2}/workflows`, body, {
      'content-type': 'application/json',
    });

    expect(expectError(response, 413, 'VALIDATION')).toContain('1024 bytes');
  });

  it('answers 415 to content types without a parser', async () => {
    const response = await call(server.app, 'POST', `${v2}/workflows`, '{}', {
      'content-type': 'text/plain',
    });

    expectError(response, 415, 'VALIDATION');
  });

  it('answers 404 NOT_FOUND for unknown API routes and methods', async () => {
    expect(
      expectError(
        await call(server.app, 'GET', '/api/orchestration/v3/workflows'),
        404,
        'NOT_FOUND',
      ),
    ).toContain('no route for GET /api/orchestration/v3/workflows');
    expectError(await call(server.app, 'PATCH', `${v2}/workflows`), 404, 'NOT_FOUND');
    expectError(await call(server.app, 'GET', '/anything'), 404, 'NOT_FOUND');
  });
});
