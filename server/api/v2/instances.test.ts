import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  cursorSchema,
  dataSchema,
  instanceHistorySchema,
  instanceSchema,
  stageHistorySchema,
  type Instance,
} from '@/lib/orchestration/schemas';

import {
  createWorkflow,
  expectSucceeded,
  getInstance,
  runWorkflow,
  v2,
  waitForEnd,
  waitForRunningStage,
} from '../../testing/api-fixtures';
import {
  call,
  createTestServer,
  expectBody,
  expectError,
  type TestServer,
} from '../../testing/test-server';

const approval = {
  name: 'approval',
  stages: [{ noop: {} }, { wait_event: { event: 'approved' } }, { noop: {} }],
};
const unknownID = '00000000-0000-4000-8000-000000000000';

describe('v2 instances', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await createTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('runs a workflow with 201 and a fresh instance', async () => {
    const workflow = await createWorkflow(server.app, approval);
    const instance = await runWorkflow(server.app, workflow.id);

    expect(instance.workflowID).toBe(workflow.id);
    expect(instance.terminated).toBe(false);
    expect(instance.status).toBeUndefined();
    expect(instance.workflow).toBeUndefined();
  });

  it('runs with an empty body and rejects non-string variables', async () => {
    const workflow = await createWorkflow(server.app, { stages: [{ noop: {} }] });

    const empty = await call(server.app, 'POST', `${v2}/workflows/${workflow.id}/instances`, '', {
      'content-type': 'application/json',
    });
    expectBody(empty, 201, dataSchema(instanceSchema));

    const bare = await call(server.app, 'POST', `${v2}/workflows/${workflow.id}/instances`);
    expectBody(bare, 201, dataSchema(instanceSchema));

    const invalid = await call(server.app, 'POST', `${v2}/workflows/${workflow.id}/instances`, {
      cents: 350,
    });
    expectError(invalid, 400, 'VALIDATION');
  });

  it('404s a run of an unknown workflow', async () => {
    const response = await call(server.app, 'POST', `${v2}/workflows/${unknownID}/instances`, {});

    expectError(response, 404, 'NOT_FOUND');
  });

  it('completes a wait_event stage on the matching event only', async () => {
    const workflow = await createWorkflow(server.app, approval);
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForRunningStage(server.app, id, 1);

    const waiting = await getInstance(server.app, id);
    expect(waiting.workflow?.id).toBe(workflow.id);
    expect(waiting.status?.map((status) => status.stage)).toEqual([0, 1]);

    const other = await call(server.app, 'POST', `${v2}/instances/${id}/events`, {
      name: 'rejected',
    });
    expect(other.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await getInstance(server.app, id)).terminated).toBe(false);

    const approved = await call(server.app, 'POST', `${v2}/instances/${id}/events`, {
      name: 'approved',
    });
    expect(approved.status).toBe(204);
    expect(approved.text).toBe('');

    const ended = await waitForEnd(server.app, id);
    expectSucceeded(ended);
    expect(ended.status?.map((status) => status.stage)).toEqual([0, 1, 2]);

    const history = await call(server.app, 'GET', `${v2}/instances/${id}/history`);
    const entries = expectBody(history, 200, dataSchema(instanceHistorySchema.array())).data;
    expect(entries.map((entry) => entry.name)).toEqual(['RunNoop', 'RunWaitEvent', 'RunNoop']);
    expect(entries[1]?.input).toEqual({ event: 'approved' });
    expect(entries.every((entry) => entry.terminated)).toBe(true);

    const stageHistory = await call(server.app, 'GET', `${v2}/instances/${id}/stages/1/history`);
    expect(expectBody(stageHistory, 200, dataSchema(stageHistorySchema.array())).data).toEqual([]);
  });

  it('rejects events on terminated instances and invalid event bodies', async () => {
    const workflow = await createWorkflow(server.app, { stages: [{ noop: {} }] });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForEnd(server.app, id);

    expectError(
      await call(server.app, 'POST', `${v2}/instances/${id}/events`, { name: 'x' }),
      400,
      'VALIDATION',
    );
    expectError(
      await call(server.app, 'POST', `${v2}/instances/${id}/events`, {}),
      400,
      'VALIDATION',
    );
    expectError(
      await call(server.app, 'POST', `${v2}/instances/${unknownID}/events`, { name: 'x' }),
      404,
      'NOT_FOUND',
    );
  });

  it('aborts a waiting instance with "canceled" on stage, history and instance', async () => {
    const workflow = await createWorkflow(server.app, approval);
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForRunningStage(server.app, id, 1);

    const abort = await call(server.app, 'PUT', `${v2}/instances/${id}/abort`);
    expect(abort.status).toBe(204);

    const instance = await getInstance(server.app, id);
    expect(instance.terminated).toBe(true);
    expect(instance.error).toBe('canceled');
    expect(instance.status?.at(-1)?.error).toBe('canceled');
    expect(instance.status).toHaveLength(2);

    const history = await call(server.app, 'GET', `${v2}/instances/${id}/history`);
    const entries = expectBody(history, 200, dataSchema(instanceHistorySchema.array())).data;
    expect(entries.at(-1)?.error).toBe('canceled');

    const again = await call(server.app, 'PUT', `${v2}/instances/${id}/abort`);
    expect(expectError(again, 400, 'VALIDATION')).toContain('already terminated');
    expectError(
      await call(server.app, 'PUT', `${v2}/instances/${unknownID}/abort`),
      404,
      'NOT_FOUND',
    );
  });

  it('runs a short delay to completion', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { duration: '${d}' } }],
    });
    const started = Date.now();
    const { id } = await runWorkflow(server.app, workflow.id, { d: '150ms' });
    const ended = await waitForEnd(server.app, id);

    expectSucceeded(ended);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const history = await call(server.app, 'GET', `${v2}/instances/${id}/history`);
    const [entry] = expectBody(history, 200, dataSchema(instanceHistorySchema.array())).data;
    expect(entry?.input).toEqual({ duration: '150ms' });
  });

  it('completes a delay until a past date at once', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { until: '2020-01-01T00:00:00Z' } }],
    });
    const instance = await runWorkflow(server.app, workflow.id, {}, '?wait=true');

    expectSucceeded(instance);
  });

  it('fails the instance on an invalid resolved config', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { duration: '${d}' } }, { noop: {} }],
    });
    const instance = await runWorkflow(server.app, workflow.id, { d: 'soon' }, '?wait=true');

    expect(instance.terminated).toBe(true);
    expect(instance.error).toContain('invalid delay stage: duration');
    expect(instance.status).toHaveLength(1);
  });

  it('blocks with wait=true until the end and returns status and workflow', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { duration: '100ms' } }, { noop: {} }],
    });
    const instance = await runWorkflow(server.app, workflow.id, {}, '?wait=true');

    expectSucceeded(instance);
    expect(instance.status).toHaveLength(2);
    expect(instance.workflow?.id).toBe(workflow.id);
  });

  it('returns a running instance when wait=true hits the cap', async () => {
    const capped = await server.reopen({ waitCapMs: 100 });
    server = capped;
    const workflow = await createWorkflow(server.app, { stages: [{ delay: { duration: '1h' } }] });
    const instance = await runWorkflow(server.app, workflow.id, {}, '?wait=1');

    expect(instance.terminated).toBe(false);
    expect(instance.status).toHaveLength(1);
  });

  it('runs a send stage on the embedded ledger', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [
        {
          send: {
            source: { account: { id: 'world' } },
            destination: { account: { id: 'users:1' } },
            amount: { amount: 100, asset: 'USD/2' },
          },
        },
      ],
    });
    const instance = await runWorkflow(server.app, workflow.id, {}, '?wait=true');
    const history = await call(server.app, 'GET', `${v2}/instances/${instance.id}/stages/0/history`);

    expect(instance.terminated).toBe(true);
    expect(instance.error).toBeUndefined();
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('CreateTransaction');
  });

  it('fails a send stage at once on insufficient funds', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [
        {
          send: {
            source: { account: { id: 'users:empty' } },
            destination: { account: { id: 'users:2' } },
            amount: { amount: 100, asset: 'USD/2' },
          },
        },
      ],
    });
    const instance = await runWorkflow(server.app, workflow.id, {}, '?wait=true');

    expect(instance.terminated).toBe(true);
    expect(instance.error).toMatch(/insufficient fund/i);
  });

  it('lists instances with workflow, filters and cursor', async () => {
    const first = await createWorkflow(server.app, { stages: [{ noop: {} }] });
    const second = await createWorkflow(server.app, approval);
    const done = await runWorkflow(server.app, first.id, {}, '?wait=true');
    const running: Instance[] = [];
    for (let index = 0; index < 3; index += 1)
      running.push(await runWorkflow(server.app, second.id));

    const all = await call(server.app, 'GET', `${v2}/instances`);
    const page = expectBody(all, 200, cursorSchema(instanceSchema)).cursor;
    expect(page.data.map((instance) => instance.id)).toEqual([
      done.id,
      ...running.map((i) => i.id),
    ]);
    expect(page.data.every((instance) => instance.status === undefined)).toBe(true);
    expect(page.data[0]?.workflow?.id).toBe(first.id);

    const byWorkflow = await call(server.app, 'GET', `${v2}/instances?workflowID=${first.id}`);
    expect(expectBody(byWorkflow, 200, cursorSchema(instanceSchema)).cursor.data).toHaveLength(1);

    const runningOnly = await call(server.app, 'GET', `${v2}/instances?running=true&pageSize=2`);
    const runningPage = expectBody(runningOnly, 200, cursorSchema(instanceSchema)).cursor;
    expect(runningPage.data.map((instance) => instance.id)).toEqual(
      running.slice(0, 2).map((i) => i.id),
    );
    expect(runningPage.hasMore).toBe(true);

    // The filters travel in the cursor; query parameters next to it are ignored.
    const next = await call(
      server.app,
      'GET',
      `${v2}/instances?cursor=${runningPage.next}&running=false`,
    );
    const nextPage = expectBody(next, 200, cursorSchema(instanceSchema)).cursor;
    expect(nextPage.data.map((instance) => instance.id)).toEqual([running[2]?.id]);
    expect(nextPage.hasMore).toBe(false);

    const other = await call(server.app, 'GET', `${v2}/instances?running=yes`);
    expect(expectBody(other, 200, cursorSchema(instanceSchema)).cursor.data).toHaveLength(4);
  });

  it('404s unknown instances, histories and stages', async () => {
    const workflow = await createWorkflow(server.app, approval);
    const { id } = await runWorkflow(server.app, workflow.id);

    expectError(await call(server.app, 'GET', `${v2}/instances/${unknownID}`), 404, 'NOT_FOUND');
    expectError(
      await call(server.app, 'GET', `${v2}/instances/${unknownID}/history`),
      404,
      'NOT_FOUND',
    );
    const unknownStage = await call(server.app, 'GET', `${v2}/instances/${id}/stages/9/history`);
    expectError(unknownStage, 404, 'NOT_FOUND');
    const badNumber = await call(server.app, 'GET', `${v2}/instances/${id}/stages/one/history`);
    expectError(badNumber, 404, 'NOT_FOUND');
  });
});
