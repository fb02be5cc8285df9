import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  dataSchema,
  instanceHistorySchema,
  instanceSchema,
  serverInfoSchema,
  stageHistorySchema,
  triggerOccurrenceSchema,
  triggerSchema,
  workflowSchema,
} from '@/lib/orchestration/schemas';

import { v1, waitForRunningStage } from '../../testing/api-fixtures';
import {
  call,
  createTestServer,
  expectBody,
  expectError,
  type TestServer,
} from '../../testing/test-server';

describe('v1 API', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await createTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  async function createWorkflow(body: unknown) {
    return expectBody(
      await call(server.app, 'POST', `${v1}/workflows`, body),
      201,
      dataSchema(workflowSchema),
    ).data;
  }

  it('serves _info raw at both versions', async () => {
    const info = expectBody(await call(server.app, 'GET', `${v1}/_info`), 200, serverInfoSchema);
    expect(info).toEqual({ version: 'develop' });

    const infoV2 = expectBody(
      await call(server.app, 'GET', `${v1}/v2/_info`),
      200,
      serverInfoSchema,
    );
    expect(infoV2).toEqual({ version: 'develop' });
  });

  it('serves /_healthcheck', async () => {
    const response = await call(server.app, 'GET', '/_healthcheck');

    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/json/);
  });

  it('creates, lists all, reads and deletes workflows', async () => {
    const created = [];
    for (let index = 0; index < 17; index += 1) created.push(await createWorkflow({ stages: [] }));

    const list = expectBody(
      await call(server.app, 'GET', `${v1}/workflows`),
      200,
      dataSchema(workflowSchema.array()),
    );
    expect(list.data).toHaveLength(17);

    const read = await call(server.app, 'GET', `${v1}/workflows/${created[0]?.id}`);
    expect(expectBody(read, 200, dataSchema(workflowSchema)).data.id).toBe(created[0]?.id);

    expect((await call(server.app, 'DELETE', `${v1}/workflows/${created[0]?.id}`)).status).toBe(
      204,
    );
    expectError(await call(server.app, 'DELETE', `${v1}/workflows/nope`), 400, 'VALIDATION');
    const after = await call(server.app, 'GET', `${v1}/workflows`);
    expect(expectBody(after, 200, dataSchema(workflowSchema.array())).data).toHaveLength(16);
  });

  it('runs, lists, reads, signals and aborts instances', async () => {
    const workflow = await createWorkflow({
      stages: [{ wait_event: { event: 'go' } }, { wait_event: { event: 'go' } }],
    });
    const run = await call(server.app, 'POST', `${v1}/workflows/${workflow.id}/instances`, {});
    const instance = expectBody(run, 201, dataSchema(instanceSchema)).data;
    await waitForRunningStage(server.app, instance.id, 0);

    const list = await call(
      server.app,
      'GET',
      `${v1}/instances?workflowID=${workflow.id}&running=true`,
    );
    expect(expectBody(list, 200, dataSchema(instanceSchema.array())).data.map((i) => i.id)).toEqual(
      [instance.id],
    );

    const event = await call(server.app, 'POST', `${v1}/instances/${instance.id}/events`, {
      name: 'go',
    });
    expect(event.status).toBe(204);
    await waitForRunningStage(server.app, instance.id, 1);

    expect((await call(server.app, 'PUT', `${v1}/instances/${instance.id}/abort`)).status).toBe(
      204,
    );
    const read = await call(server.app, 'GET', `${v1}/instances/${instance.id}`);
    const aborted = expectBody(read, 200, dataSchema(instanceSchema)).data;
    expect(aborted.error).toBe('canceled');
    expect(aborted.status).toHaveLength(2);

    const history = await call(server.app, 'GET', `${v1}/instances/${instance.id}/history`);
    expect(expectBody(history, 200, dataSchema(instanceHistorySchema.array())).data).toHaveLength(
      2,
    );
    const stage = await call(server.app, 'GET', `${v1}/instances/${instance.id}/stages/0/history`);
    expect(expectBody(stage, 200, dataSchema(stageHistorySchema.array())).data).toEqual([]);

    const running = await call(server.app, 'GET', `${v1}/instances?running=1`);
    expect(expectBody(running, 200, dataSchema(instanceSchema.array())).data).toEqual([]);
  });

  it('lists only the first 15 triggers, or pageSize up to 100', async () => {
    const workflow = await createWorkflow({ stages: [{ noop: {} }] });
    for (let index = 0; index < 17; index += 1) {
      const body = { name: `t-${index}`, event: 'NEW_TRANSACTION', workflowID: workflow.id };
      expectBody(
        await call(server.app, 'POST', `${v1}/triggers`, body),
        201,
        dataSchema(triggerSchema),
      );
    }

    const list = await call(server.app, 'GET', `${v1}/triggers`);
    expect(expectBody(list, 200, dataSchema(triggerSchema.array())).data).toHaveLength(15);
    const larger = await call(server.app, 'GET', `${v1}/triggers?pageSize=16`);
    expect(expectBody(larger, 200, dataSchema(triggerSchema.array())).data).toHaveLength(16);
    const named = await call(server.app, 'GET', `${v1}/triggers?name=T-1`);
    expect(expectBody(named, 200, dataSchema(triggerSchema.array())).data).toHaveLength(8);
  });

  it('reads, deletes and lists occurrences of triggers', async () => {
    const workflow = await createWorkflow({ stages: [{ noop: {} }] });
    const created = await call(server.app, 'POST', `${v1}/triggers`, {
      event: 'PING',
      workflowID: workflow.id,
    });
    const trigger = expectBody(created, 201, dataSchema(triggerSchema)).data;
    for (let index = 0; index < 17; index += 1) {
      await call(server.app, 'POST', '/api/local/events', { type: 'PING', payload: { index } });
    }

    const occurrences = await call(server.app, 'GET', `${v1}/triggers/${trigger.id}/occurrences`);
    expect(
      expectBody(occurrences, 200, dataSchema(triggerOccurrenceSchema.array())).data,
    ).toHaveLength(17);

    const read = await call(server.app, 'GET', `${v1}/triggers/${trigger.id}`);
    expect(expectBody(read, 200, dataSchema(triggerSchema)).data).toEqual(trigger);
    expect((await call(server.app, 'DELETE', `${v1}/triggers/${trigger.id}`)).status).toBe(204);
    expectError(await call(server.app, 'GET', `${v1}/triggers/${trigger.id}`), 404, 'NOT_FOUND');
  });

  it('has no v1 test endpoint', async () => {
    expectError(await call(server.app, 'POST', `${v1}/triggers/x/test`, {}), 404, 'NOT_FOUND');
  });
});
