import { V2Error } from '@formance/formance-sdk/sdk/models/errors/v2error.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSdkHarness, type SdkHarness } from './sdk-harness';

let harness: SdkHarness;

beforeAll(async () => {
  harness = await startSdkHarness();
});

afterAll(async () => {
  await harness.close();
});

async function expectV2Error(call: Promise<unknown>, errorCode: string): Promise<void> {
  const error: unknown = await call.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(V2Error);
  expect((error as V2Error).errorCode).toBe(errorCode);
  expect((error as V2Error).errorMessage).not.toBe('');
}

describe('official SDK 2.7.0, v2 operations', () => {
  it('reads the server info', async () => {
    const response = await harness.sdk.orchestration.v2GetServerInfo();

    expect(response.statusCode).toBe(200);
    expect(response.v2ServerInfo?.version).toBeTruthy();
  });

  it('creates, gets, lists and deletes a workflow', async () => {
    const created = await harness.sdk.orchestration.v2CreateWorkflow({
      name: 'sdk-v2-crud',
      stages: [{ noop: {} }],
    });
    expect(created.statusCode).toBe(201);
    const workflow = created.v2CreateWorkflowResponse?.data;
    expect(workflow?.config.name).toBe('sdk-v2-crud');
    const flowId = workflow?.id ?? '';

    const fetched = await harness.sdk.orchestration.v2GetWorkflow({ flowId });
    expect(fetched.v2GetWorkflowResponse?.data.id).toBe(flowId);
    expect(fetched.v2GetWorkflowResponse?.data.createdAt).toBeInstanceOf(Date);

    const listed = await harness.sdk.orchestration.v2ListWorkflows({ pageSize: 100 });
    const ids = listed.v2ListWorkflowsResponse?.cursor.data.map((item) => item.id);
    expect(ids).toContain(flowId);

    const deleted = await harness.sdk.orchestration.v2DeleteWorkflow({ flowId });
    expect(deleted.statusCode).toBe(204);
    const afterDelete = await harness.sdk.orchestration.v2ListWorkflows({ pageSize: 100 });
    expect(afterDelete.v2ListWorkflowsResponse?.cursor.data.map((item) => item.id)).not.toContain(
      flowId,
    );
  });

  it('follows list cursors across pages', async () => {
    for (let index = 0; index < 5; index += 1) {
      await harness.sdk.orchestration.v2CreateWorkflow({
        name: `sdk-page-${index}`,
        stages: [{ noop: {} }],
      });
    }
    const first = await harness.sdk.orchestration.v2ListWorkflows({ pageSize: 2 });
    const cursor = first.v2ListWorkflowsResponse?.cursor;
    expect(cursor?.pageSize).toBe(2);
    expect(cursor?.hasMore).toBe(true);
    expect(cursor?.data).toHaveLength(2);

    const second = await harness.sdk.orchestration.v2ListWorkflows({ cursor: cursor?.next });
    const secondCursor = second.v2ListWorkflowsResponse?.cursor;
    expect(secondCursor?.data).toHaveLength(2);
    expect(secondCursor?.previous).toBeTruthy();
    expect(secondCursor?.data[0]?.id).not.toBe(cursor?.data[0]?.id);
  });

  it('runs a workflow, waits, and reads its history', async () => {
    const created = await harness.sdk.orchestration.v2CreateWorkflow({
      name: 'sdk-run-wait',
      stages: [{ delay: { duration: '10ms' } }, { noop: {} }],
    });
    const workflowID = created.v2CreateWorkflowResponse?.data.id ?? '';

    const run = await harness.sdk.orchestration.v2RunWorkflow({
      workflowID,
      wait: true,
      requestBody: { unused: 'value' },
    });
    expect(run.statusCode).toBe(201);
    const instance = run.v2RunWorkflowResponse?.data;
    expect(instance?.terminated).toBe(true);
    expect(instance?.terminatedAt).toBeInstanceOf(Date);
    const instanceID = instance?.id ?? '';

    const fetched = await harness.sdk.orchestration.v2GetInstance({ instanceID });
    expect(fetched.v2GetWorkflowInstanceResponse?.data.status).toHaveLength(2);

    const history = await harness.sdk.orchestration.v2GetInstanceHistory({ instanceID });
    const names = history.v2GetWorkflowInstanceHistoryResponse?.data.map((entry) => entry.name);
    expect(names).toEqual(['RunDelay', 'RunNoop']);

    const stageHistory = await harness.sdk.orchestration.v2GetInstanceStageHistory({
      instanceID,
      number: 0,
    });
    expect(stageHistory.v2GetWorkflowInstanceHistoryStageResponse?.data).toEqual([]);

    const listed = await harness.sdk.orchestration.v2ListInstances({ workflowID, pageSize: 10 });
    expect(listed.v2ListRunsResponse?.cursor.data.map((item) => item.id)).toEqual([instanceID]);
  });

  it('sends an event to a waiting instance and cancels another', async () => {
    const created = await harness.sdk.orchestration.v2CreateWorkflow({
      name: 'sdk-wait-event',
      stages: [{ wait_event: { event: 'approved' } }],
    });
    const workflowID = created.v2CreateWorkflowResponse?.data.id ?? '';
    const toApprove = await harness.sdk.orchestration.v2RunWorkflow({ workflowID });
    const toCancel = await harness.sdk.orchestration.v2RunWorkflow({ workflowID });
    const approveID = toApprove.v2RunWorkflowResponse?.data.id ?? '';
    const cancelID = toCancel.v2RunWorkflowResponse?.data.id ?? '';

    const running = await harness.sdk.orchestration.v2ListInstances({ workflowID, running: true });
    expect(running.v2ListRunsResponse?.cursor.data).toHaveLength(2);

    await expect.poll(async () => stageStarted(approveID)).toBe(true);
    const sent = await harness.sdk.orchestration.v2SendEvent({
      instanceID: approveID,
      requestBody: { name: 'approved' },
    });
    expect(sent.statusCode).toBe(204);
    await expect.poll(async () => terminatedWith(approveID)).toEqual({ terminated: true });

    const canceled = await harness.sdk.orchestration.v2CancelEvent({ instanceID: cancelID });
    expect(canceled.statusCode).toBe(204);
    await expect
      .poll(async () => terminatedWith(cancelID))
      .toEqual({ terminated: true, error: 'canceled' });
  });

  it('creates, reads, tests, lists and deletes a trigger', async () => {
    const created = await harness.sdk.orchestration.v2CreateWorkflow({
      name: 'sdk-trigger-target',
      stages: [{ noop: {} }],
    });
    const workflowID = created.v2CreateWorkflowResponse?.data.id ?? '';
    const trigger = await harness.sdk.orchestration.v2CreateTrigger({
      name: 'sdk-large-commit',
      event: 'COMMITTED_TRANSACTIONS',
      workflowID,
      filter: 'event.ledger == "creators-eu"',
      vars: { txid: 'event.transactions[0].id', campaign: 'event.campaign ?? "none"' },
    });
    expect(trigger.statusCode).toBe(201);
    const triggerID = trigger.v2CreateTriggerResponse?.data.id ?? '';

    const read = await harness.sdk.orchestration.v2ReadTrigger({ triggerID });
    expect(read.v2ReadTriggerResponse?.data.filter).toBe('event.ledger == "creators-eu"');

    const listed = await harness.sdk.orchestration.v2ListTriggers({ name: 'sdk-large' });
    expect(listed.v2ListTriggersResponse?.cursor.data.map((item) => item.id)).toEqual([triggerID]);

    const matching = await harness.sdk.orchestration.testTrigger({
      triggerID,
      requestBody: { ledger: 'creators-eu', transactions: [{ id: 981 }] },
    });
    expect(matching.v2TestTriggerResponse?.data.filter?.match).toBe(true);
    expect(matching.v2TestTriggerResponse?.data.variables?.['txid']?.value).toBe('981');
    expect(matching.v2TestTriggerResponse?.data.variables?.['campaign']?.value).toBe('none');

    const notMatching = await harness.sdk.orchestration.testTrigger({
      triggerID,
      requestBody: { ledger: 'other', transactions: [{ id: 1 }] },
    });
    expect(notMatching.v2TestTriggerResponse?.data.filter?.match).toBe(false);
    expect(notMatching.v2TestTriggerResponse?.data.variables).toBeUndefined();

    const empty = await harness.sdk.orchestration.v2ListTriggersOccurrences({ triggerID });
    expect(empty.v2ListTriggersOccurrencesResponse?.cursor.data).toEqual([]);
    await harness.server.app.inject({
      method: 'POST',
      url: '/api/local/events',
      payload: {
        type: 'COMMITTED_TRANSACTIONS',
        payload: { ledger: 'creators-eu', transactions: [{ id: 7 }] },
      },
    });
    const occurrences = await harness.sdk.orchestration.v2ListTriggersOccurrences({ triggerID });
    const occurrence = occurrences.v2ListTriggersOccurrencesResponse?.cursor.data[0];
    expect(occurrence?.workflowInstanceID).toBeTruthy();
    expect(occurrence?.date).toBeInstanceOf(Date);

    const deleted = await harness.sdk.orchestration.v2DeleteTrigger({ triggerID });
    expect(deleted.statusCode).toBe(204);
    await expectV2Error(harness.sdk.orchestration.v2ReadTrigger({ triggerID }), 'NOT_FOUND');
  });

  it('reads send and update activities of a stage', async () => {
    const created = await harness.sdk.orchestration.v2CreateWorkflow({
      name: 'sdk-send-update',
      stages: [
        {
          send: {
            source: { account: { id: 'world', ledger: 'sdk' } },
            destination: { account: { id: 'users:${user}', ledger: 'sdk' } },
            amount: { amount: 1250, asset: 'EUR/2' },
          },
        },
        { update: { account: { id: 'users:${user}', ledger: 'sdk', metadata: { kyc: 'ok' } } } },
      ],
    });
    const workflowID = created.v2CreateWorkflowResponse?.data.id ?? '';
    const run = await harness.sdk.orchestration.v2RunWorkflow({
      workflowID,
      wait: true,
      requestBody: { user: '42' },
    });
    const instanceID = run.v2RunWorkflowResponse?.data.id ?? '';
    expect(run.v2RunWorkflowResponse?.data.error).toBeUndefined();

    const send = await harness.sdk.orchestration.v2GetInstanceStageHistory({
      instanceID,
      number: 0,
    });
    const activities = send.v2GetWorkflowInstanceHistoryStageResponse?.data ?? [];
    expect(activities.map((activity) => activity.name)).toEqual(['CreateTransaction']);
    const transaction = activities[0]?.output?.createTransaction?.data[0];
    expect(transaction?.postings[0]?.destination).toBe('users:42');
    expect(transaction?.postings[0]?.amount).toBe(1250n);

    const update = await harness.sdk.orchestration.v2GetInstanceStageHistory({
      instanceID,
      number: 1,
    });
    const metadata = update.v2GetWorkflowInstanceHistoryStageResponse?.data ?? [];
    expect(metadata.map((activity) => activity.name)).toEqual(['AddAccountMetadata']);
    expect(metadata[0]?.terminated).toBe(true);
  });

  it('reports API errors as V2Error', async () => {
    const unknown = '5f0c2a9e-1d7b-4c1e-9a63-2b8d0e4f7a10';

    await expectV2Error(harness.sdk.orchestration.v2DeleteWorkflow({ flowId: 'x' }), 'VALIDATION');
    await expectV2Error(
      harness.sdk.orchestration.v2DeleteWorkflow({ flowId: unknown }),
      'NOT_FOUND',
    );
    await expectV2Error(harness.sdk.orchestration.v2ListWorkflows({ cursor: '!!' }), 'VALIDATION');
    await expectV2Error(
      harness.sdk.orchestration.v2CreateTrigger({ event: '', workflowID: unknown }),
      'VALIDATION',
    );
    const missing = [
      () => harness.sdk.orchestration.v2GetWorkflow({ flowId: unknown }),
      () => harness.sdk.orchestration.v2GetInstance({ instanceID: unknown }),
      () => harness.sdk.orchestration.v2RunWorkflow({ workflowID: unknown }),
      () => harness.sdk.orchestration.v2CancelEvent({ instanceID: unknown }),
    ];
    for (const call of missing) {
      const error: unknown = await call().then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(V2Error);
      expect(['NOT_FOUND', 'INTERNAL']).toContain((error as V2Error).errorCode);
    }
  });
});

async function stageStarted(instanceID: string): Promise<boolean> {
  const response = await harness.sdk.orchestration.v2GetInstance({ instanceID });

  return (response.v2GetWorkflowInstanceResponse?.data.status ?? []).length > 0;
}

async function terminatedWith(
  instanceID: string,
): Promise<{ terminated: boolean; error?: string }> {
  const response = await harness.sdk.orchestration.v2GetInstance({ instanceID });
  const instance = response.v2GetWorkflowInstanceResponse?.data;
  const result: { terminated: boolean; error?: string } = {
    terminated: instance?.terminated ?? false,
  };
  if (instance?.error !== undefined) result.error = instance.error;

  return result;
}
