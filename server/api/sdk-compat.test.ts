import { SDK } from '@formance/formance-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTestServer, waitFor, type TestServer } from '../testing/test-server';

// One port per test: fetch keeps connections alive, and a pooled socket of a closed server fails.
const ports = [18093, 18094, 18095];

// Drives the real SDK 2.7.0 against the server: the SDK validates every response with zod.
describe('SDK 2.7.0 compatibility', () => {
  let server: TestServer;
  let sdk: SDK;

  beforeEach(async () => {
    const port = ports.shift() ?? 18096;
    server = await createTestServer();
    await server.app.listen({ port, host: '127.0.0.1' });
    sdk = new SDK({ serverURL: `http://127.0.0.1:${port}` });
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('accepts workflow, instance and history responses', async () => {
    const { orchestration } = sdk;
    const info = await orchestration.v2GetServerInfo();
    expect(info.v2ServerInfo?.version).toBe('develop');
    expect((await orchestration.orchestrationgetServerInfo()).serverInfo?.version).toBe('develop');

    const created = await orchestration.v2CreateWorkflow({
      name: 'gate',
      stages: [{ noop: {} }, { wait_event: { event: 'go' } }, { delay: { duration: '10ms' } }],
    });
    const workflowID = created.v2CreateWorkflowResponse?.data.id ?? '';
    expect(workflowID).not.toBe('');

    const list = await orchestration.v2ListWorkflows({ pageSize: 5 });
    expect(list.v2ListWorkflowsResponse?.cursor.data).toHaveLength(1);
    expect((await orchestration.listWorkflows()).listWorkflowsResponse?.data).toHaveLength(1);
    expect(
      (await orchestration.v2GetWorkflow({ flowId: workflowID })).v2GetWorkflowResponse?.data.id,
    ).toBe(workflowID);

    const run = await orchestration.v2RunWorkflow({ workflowID, requestBody: { x: '1' } });
    const instanceID = run.v2RunWorkflowResponse?.data.id ?? '';
    await waitFor(async () => {
      const instance = await orchestration.v2GetInstance({ instanceID });

      return instance.v2GetWorkflowInstanceResponse?.data.status?.length === 2;
    });
    await orchestration.v2SendEvent({ instanceID, requestBody: { name: 'go' } });
    await waitFor(async () => {
      const instance = await orchestration.v2GetInstance({ instanceID });

      return instance.v2GetWorkflowInstanceResponse?.data.terminated === true;
    });

    const history = await orchestration.v2GetInstanceHistory({ instanceID });
    expect(history.v2GetWorkflowInstanceHistoryResponse?.data).toHaveLength(3);
    const stage = await orchestration.v2GetInstanceStageHistory({ instanceID, number: 1 });
    expect(stage.v2GetWorkflowInstanceHistoryStageResponse?.data).toEqual([]);
    const instances = await orchestration.v2ListInstances({ workflowID, running: false });
    expect(instances.v2ListRunsResponse?.cursor.data).toHaveLength(1);
    expect((await orchestration.listInstances({})).listRunsResponse?.data).toHaveLength(1);

    const waiting = await orchestration.v2RunWorkflow({ workflowID, wait: false });
    await orchestration.v2CancelEvent({ instanceID: waiting.v2RunWorkflowResponse?.data.id ?? '' });
    await orchestration.v2DeleteWorkflow({ flowId: workflowID });
  });

  it('accepts trigger, occurrence and test responses', async () => {
    const { orchestration } = sdk;
    const created = await orchestration.v2CreateWorkflow({ stages: [{ noop: {} }] });
    const workflowID = created.v2CreateWorkflowResponse?.data.id ?? '';
    const trigger = await orchestration.v2CreateTrigger({
      event: 'NEW_TRANSACTION',
      workflowID,
      filter: 'event.amount > 10',
      vars: { amount: 'event.amount' },
    });
    const triggerID = trigger.v2CreateTriggerResponse?.data.id ?? '';

    const tested = await orchestration.testTrigger({ triggerID, requestBody: { amount: 20 } });
    expect(tested.v2TestTriggerResponse?.data.variables?.amount?.value).toBe('20');
    const notMatched = await orchestration.testTrigger({ triggerID, requestBody: { amount: 2 } });
    expect(notMatched.v2TestTriggerResponse?.data.filter?.match).toBe(false);

    await server.app.inject({
      method: 'POST',
      url: '/api/local/events',
      payload: { type: 'NEW_TRANSACTION', payload: { amount: 20 } },
    });
    const occurrences = await orchestration.v2ListTriggersOccurrences({ triggerID });
    expect(occurrences.v2ListTriggersOccurrencesResponse?.cursor.data).toHaveLength(1);
    const v1Occurrences = await orchestration.listTriggersOccurrences({ triggerID });
    expect(v1Occurrences.listTriggersOccurrencesResponse?.data).toHaveLength(1);

    expect(
      (await orchestration.v2ListTriggers({})).v2ListTriggersResponse?.cursor.data,
    ).toHaveLength(1);
    expect((await orchestration.listTriggers({})).listTriggersResponse?.data).toHaveLength(1);
    expect((await orchestration.v2ReadTrigger({ triggerID })).v2ReadTriggerResponse?.data.id).toBe(
      triggerID,
    );
    await orchestration.v2DeleteTrigger({ triggerID });
  });

  it('surfaces API errors as V2Error with the error code', async () => {
    const error = await sdk.orchestration
      .v2GetInstance({ instanceID: 'unknown' })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ errorCode: 'NOT_FOUND' });
  });
});
