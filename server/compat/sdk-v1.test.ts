import { ErrorT } from '@formance/formance-sdk/sdk/models/errors/error.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSdkHarness, type SdkHarness } from './sdk-harness';

let harness: SdkHarness;

beforeAll(async () => {
  harness = await startSdkHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('official SDK 2.7.0, v1 operations', () => {
  it('reads the server info', async () => {
    const response = await harness.sdk.orchestration.orchestrationgetServerInfo();

    expect(response.statusCode).toBe(200);
    expect(response.serverInfo?.version).toBeTruthy();
  });

  it('creates, gets, lists and deletes a workflow', async () => {
    const created = await harness.sdk.orchestration.createWorkflow({
      name: 'sdk-v1-crud',
      stages: [{ noop: {} }],
    });
    expect(created.statusCode).toBe(201);
    const flowId = created.createWorkflowResponse?.data.id ?? '';

    const fetched = await harness.sdk.orchestration.getWorkflow({ flowId });
    expect(fetched.getWorkflowResponse?.data.config.name).toBe('sdk-v1-crud');

    const listed = await harness.sdk.orchestration.listWorkflows();
    expect(listed.listWorkflowsResponse?.data.map((item) => item.id)).toContain(flowId);

    const deleted = await harness.sdk.orchestration.deleteWorkflow({ flowId });
    expect(deleted.statusCode).toBe(204);
    const afterDelete = await harness.sdk.orchestration.listWorkflows();
    expect(afterDelete.listWorkflowsResponse?.data.map((item) => item.id)).not.toContain(flowId);
  });

  it('runs, lists, reads history, sends an event and cancels', async () => {
    const created = await harness.sdk.orchestration.createWorkflow({
      name: 'sdk-v1-run',
      stages: [{ wait_event: { event: 'go' } }, { noop: {} }],
    });
    const workflowID = created.createWorkflowResponse?.data.id ?? '';

    const first = await harness.sdk.orchestration.runWorkflow({ workflowID });
    const second = await harness.sdk.orchestration.runWorkflow({ workflowID });
    expect(first.statusCode).toBe(201);
    const firstID = first.runWorkflowResponse?.data.id ?? '';
    const secondID = second.runWorkflowResponse?.data.id ?? '';

    const running = await harness.sdk.orchestration.listInstances({ workflowID, running: true });
    expect(running.listRunsResponse?.data).toHaveLength(2);

    await expect
      .poll(async () => {
        const instance = await harness.sdk.orchestration.getInstance({ instanceID: firstID });
        return instance.getWorkflowInstanceResponse?.data.status?.length ?? 0;
      })
      .toBe(1);
    const sent = await harness.sdk.orchestration.sendEvent({
      instanceID: firstID,
      requestBody: { name: 'go' },
    });
    expect(sent.statusCode).toBe(204);
    await expect
      .poll(async () => {
        const instance = await harness.sdk.orchestration.getInstance({ instanceID: firstID });
        return instance.getWorkflowInstanceResponse?.data.terminated;
      })
      .toBe(true);

    const history = await harness.sdk.orchestration.getInstanceHistory({ instanceID: firstID });
    const names = history.getWorkflowInstanceHistoryResponse?.data.map((entry) => entry.name);
    expect(names).toEqual(['RunWaitEvent', 'RunNoop']);
    const stageHistory = await harness.sdk.orchestration.getInstanceStageHistory({
      instanceID: firstID,
      number: 1,
    });
    expect(stageHistory.getWorkflowInstanceHistoryStageResponse?.data).toEqual([]);

    const canceled = await harness.sdk.orchestration.cancelEvent({ instanceID: secondID });
    expect(canceled.statusCode).toBe(204);
    await expect
      .poll(async () => {
        const instance = await harness.sdk.orchestration.getInstance({ instanceID: secondID });
        return instance.getWorkflowInstanceResponse?.data.error;
      })
      .toBe('canceled');
  });

  it('creates, reads, lists and deletes a trigger', async () => {
    const created = await harness.sdk.orchestration.createWorkflow({
      name: 'sdk-v1-trigger-target',
      stages: [{ noop: {} }],
    });
    const workflowID = created.createWorkflowResponse?.data.id ?? '';
    const trigger = await harness.sdk.orchestration.createTrigger({
      name: 'sdk-v1-probe',
      event: 'NEW_TRANSACTION',
      workflowID,
    });
    expect(trigger.statusCode).toBe(201);
    const triggerID = trigger.createTriggerResponse?.data.id ?? '';

    const read = await harness.sdk.orchestration.readTrigger({ triggerID });
    expect(read.readTriggerResponse?.data.event).toBe('NEW_TRANSACTION');

    const listed = await harness.sdk.orchestration.listTriggers({ name: 'sdk-v1-probe' });
    expect(listed.listTriggersResponse?.data.map((item) => item.id)).toEqual([triggerID]);

    const occurrences = await harness.sdk.orchestration.listTriggersOccurrences({ triggerID });
    expect(occurrences.listTriggersOccurrencesResponse?.data).toEqual([]);

    const deleted = await harness.sdk.orchestration.deleteTrigger({ triggerID });
    expect(deleted.statusCode).toBe(204);
    const error: unknown = await harness.sdk.orchestration.readTrigger({ triggerID }).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(ErrorT);
    expect((error as ErrorT).errorCode).toBe('NOT_FOUND');
  });
});
