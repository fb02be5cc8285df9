import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { offsetClock } from '../clock';
import type { BusEvent } from '../events/bus';
import {
  createWorkflow,
  expectSucceeded,
  getInstance,
  runWorkflow,
  v2,
  waitForEnd,
  waitForRunningStage,
} from '../testing/api-fixtures';
import { call, createTestServer, type TestServer } from '../testing/test-server';

const twoHoursMs = 2 * 60 * 60 * 1_000;

describe('engine', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await createTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('resumes a delay after a restart and completes it once the deadline passed', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { duration: '1h' } }, { noop: {} }],
    });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForRunningStage(server.app, id, 0);
    const before = await getInstance(server.app, id);

    server = await server.reopen({ clock: offsetClock(twoHoursMs) });

    const ended = await waitForEnd(server.app, id);
    expectSucceeded(ended);
    expect(ended.status?.[0]?.startedAt).toBe(before.status?.[0]?.startedAt);
    expect(ended.status).toHaveLength(2);
  });

  it('completes a delay whose deadline passed while stopped', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { duration: '300ms' } }],
    });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForRunningStage(server.app, id, 0);
    await server.app.close();
    await new Promise((resolve) => setTimeout(resolve, 400));

    server = await server.reopen();

    expectSucceeded(await waitForEnd(server.app, id, 3_000));
  });

  it('keeps a resumed delay waiting until its stored deadline', async () => {
    const workflow = await createWorkflow(server.app, { stages: [{ delay: { duration: '1h' } }] });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForRunningStage(server.app, id, 0);

    server = await server.reopen({ clock: offsetClock(30 * 60 * 1_000) });
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await getInstance(server.app, id)).terminated).toBe(false);
    expect(server.app.flowdeck.engine.isRunning(id)).toBe(true);
  });

  it('keeps a wait_event waiting across a restart', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ wait_event: { event: 'go' } }],
    });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForRunningStage(server.app, id, 0);

    server = await server.reopen();
    await waitForRunningStage(server.app, id, 0);
    expect(
      (await call(server.app, 'POST', `${v2}/instances/${id}/events`, { name: 'go' })).status,
    ).toBe(204);

    expectSucceeded(await waitForEnd(server.app, id));
  });

  it('restarts a stage left mid-flight and an instance that never started', async () => {
    const workflow = await createWorkflow(server.app, { stages: [{ noop: {} }, { noop: {} }] });
    const { repositories } = server.app.flowdeck;
    const now = new Date().toISOString();
    // Rows as a process killed between transactions would leave them.
    repositories.instances.insert({
      id: 'mid-flight',
      workflowID: workflow.id,
      variables: {},
      createdAt: now,
    });
    repositories.stages.insert({
      instanceID: 'mid-flight',
      stage: 0,
      kind: 'noop',
      name: 'RunNoop',
      input: {},
      startedAt: now,
    });
    repositories.instances.insert({
      id: 'not-started',
      workflowID: workflow.id,
      variables: {},
      createdAt: now,
    });

    server = await server.reopen();

    for (const id of ['mid-flight', 'not-started']) {
      const ended = await waitForEnd(server.app, id);
      expectSucceeded(ended);
      expect(ended.status?.map((status) => status.stage)).toEqual([0, 1]);
    }
  });

  it('cancels a delay at once and records no later stage', async () => {
    const workflow = await createWorkflow(server.app, {
      stages: [{ delay: { duration: '1h' } }, { noop: {} }],
    });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitForRunningStage(server.app, id, 0);

    await call(server.app, 'PUT', `${v2}/instances/${id}/abort`);

    const instance = await getInstance(server.app, id);
    expect(instance.error).toBe('canceled');
    expect(instance.status).toHaveLength(1);
    expect(server.app.flowdeck.engine.isRunning(id)).toBe(false);
  });

  it('publishes workflow and stage events in order', async () => {
    const events: BusEvent[] = [];
    server.app.flowdeck.bus.subscribe((event) => {
      events.push(event);
    });
    const workflow = await createWorkflow(server.app, {
      stages: [{ noop: {} }, { delay: { duration: '${d}' } }],
    });
    const { id } = await runWorkflow(server.app, workflow.id, { d: 'bad' });
    await waitForEnd(server.app, id);
    await server.app.flowdeck.bus.drain();

    expect(events.map((event) => event.type)).toEqual([
      'STARTED_WORKFLOW',
      'STARTED_WORKFLOW_STAGE',
      'SUCCEEDED_WORKFLOW_STAGE',
      'STARTED_WORKFLOW_STAGE',
      'FAILED_WORKFLOW_STAGE',
      'FAILED_WORKFLOW',
    ]);
    expect(events[0]).toMatchObject({
      app: 'orchestration',
      version: 'v2',
      payload: { id: workflow.id, instanceID: id },
    });
    expect(events[4]?.payload).toMatchObject({ number: 1, instanceID: id });
    expect((events[5]?.payload as { error: string }).error).toContain('invalid delay stage');
    expect(
      events.every((event) => event.idempotency_key.length > 0 && event.date.endsWith('Z')),
    ).toBe(true);
  });

  it('ends a workflow without stages at once', async () => {
    const workflow = await createWorkflow(server.app, { stages: [] });

    expectSucceeded(await runWorkflow(server.app, workflow.id, {}, '?wait=true'));
  });
});
