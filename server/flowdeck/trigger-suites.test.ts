import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { triggerSuiteLimits } from '@/lib/orchestration/event-samples';

import { call, createTestServer, type TestServer } from '../testing/test-server';

const base = '/api/flowdeck/connections/local/trigger-suites';

const matchingCase = {
  name: 'large EUR tip',
  payload: { ledger: 'creators-eu', transactions: [{ metadata: { fan: 'f-1' } }] },
  expect: { match: true, variables: { fanID: 'f-1' } },
};
const otherCase = { name: 'other ledger', payload: { ledger: 'eu' }, expect: { match: false } };

let server: TestServer;

beforeEach(async () => {
  server = await createTestServer();
});

afterEach(async () => {
  await server.dispose();
});

describe('trigger suite routes', () => {
  it('returns an empty suite when none was saved', async () => {
    const response = await call(server.app, 'GET', `${base}/t-1`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { connectionID: 'local', triggerID: 't-1', cases: [] },
    });
  });

  it('saves, lists and replaces a suite', async () => {
    const saved = await call(server.app, 'PUT', `${base}/t-1`, { cases: [matchingCase] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ data: { triggerID: 't-1', cases: [matchingCase] } });

    await call(server.app, 'PUT', `${base}/t-1`, { cases: [matchingCase, otherCase] });
    const read = await call(server.app, 'GET', `${base}/t-1`);
    expect(read.body).toMatchObject({ data: { cases: [matchingCase, otherCase] } });

    const list = await call(server.app, 'GET', base);
    expect(list.status).toBe(200);
    expect((list.body as { data: unknown[] }).data).toHaveLength(1);
  });

  it('keeps suites of connections apart', async () => {
    await call(server.app, 'PUT', `${base}/t-1`, { cases: [matchingCase] });

    const other = await call(
      server.app,
      'GET',
      '/api/flowdeck/connections/staging/trigger-suites/t-1',
    );
    expect(other.body).toMatchObject({ data: { connectionID: 'staging', cases: [] } });
  });

  it('keeps suites across a restart', async () => {
    await call(server.app, 'PUT', `${base}/t-1`, { cases: [otherCase] });
    server = await server.reopen();

    const read = await call(server.app, 'GET', `${base}/t-1`);
    expect(read.body).toMatchObject({ data: { cases: [otherCase] } });
  });

  it('deletes a suite, twice without error', async () => {
    await call(server.app, 'PUT', `${base}/t-1`, { cases: [otherCase] });

    expect((await call(server.app, 'DELETE', `${base}/t-1`)).status).toBe(204);
    expect((await call(server.app, 'DELETE', `${base}/t-1`)).status).toBe(204);
    const read = await call(server.app, 'GET', `${base}/t-1`);
    expect(read.body).toMatchObject({ data: { cases: [] } });
  });

  it('moves a suite to the new trigger id', async () => {
    await call(server.app, 'PUT', `${base}/old`, { cases: [matchingCase] });

    const moved = await call(server.app, 'POST', `${base}/old/move`, { triggerID: 'new' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ data: { triggerID: 'new', cases: [matchingCase] } });
    const old = await call(server.app, 'GET', `${base}/old`);
    expect(old.body).toMatchObject({ data: { cases: [] } });
  });

  it('rejects a move onto a trigger with a suite', async () => {
    await call(server.app, 'PUT', `${base}/old`, { cases: [matchingCase] });
    await call(server.app, 'PUT', `${base}/new`, { cases: [otherCase] });

    const moved = await call(server.app, 'POST', `${base}/old/move`, { triggerID: 'new' });
    expect(moved.status).toBe(400);
    expect(moved.body).toMatchObject({ errorCode: 'VALIDATION' });
    const target = await call(server.app, 'GET', `${base}/new`);
    expect(target.body).toMatchObject({ data: { cases: [otherCase] } });
  });

  it('moves nothing when the source has no suite', async () => {
    const moved = await call(server.app, 'POST', `${base}/none/move`, { triggerID: 'new' });

    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ data: { triggerID: 'new', cases: [] } });
  });
});

describe('trigger suite input validation', () => {
  const tooMany = Array.from({ length: triggerSuiteLimits.maxCases + 1 }, (_, index) => ({
    ...otherCase,
    name: `case ${index}`,
  }));
  const invalidBodies: Array<[string, unknown]> = [
    ['missing body', undefined],
    ['string body', '"cases"'],
    ['array body', []],
    ['cases not an array', { cases: {} }],
    ['case without name', { cases: [{ payload: {}, expect: { match: true } }] }],
    ['blank name', { cases: [{ ...otherCase, name: '   ' }] }],
    ['payload not an object', { cases: [{ ...otherCase, payload: [1] }] }],
    ['match not boolean', { cases: [{ ...otherCase, expect: { match: 'yes' } }] }],
    [
      'variable value not string',
      { cases: [{ ...matchingCase, expect: { match: true, variables: { a: 1 } } }] },
    ],
    ['duplicate names', { cases: [otherCase, otherCase] }],
    ['too many cases', { cases: tooMany }],
  ];

  it.each(invalidBodies)('rejects %s with 400', async (_label, body) => {
    const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
    const response = await call(server.app, 'PUT', `${base}/t-1`, payload, {
      'content-type': 'application/json',
    });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errorCode: 'VALIDATION' });
    expect((response.body as { errorMessage: string }).errorMessage).not.toBe('');
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await call(server.app, 'PUT', `${base}/t-1`, '{"cases": [', {
      'content-type': 'application/json',
    });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errorCode: 'VALIDATION' });
  });

  it('rejects an invalid connection id', async () => {
    const response = await call(
      server.app,
      'GET',
      '/api/flowdeck/connections/has%20space/trigger-suites/t-1',
    );

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errorCode: 'VALIDATION' });
  });

  it('rejects a move without a target', async () => {
    const response = await call(server.app, 'POST', `${base}/t-1/move`, {});

    expect(response.status).toBe(400);
    expect((response.body as { errorMessage: string }).errorMessage).toContain('triggerID');
  });
});
