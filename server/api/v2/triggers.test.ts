import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
  cursorSchema,
  dataSchema,
  triggerOccurrenceSchema,
  triggerSchema,
  triggerTestSchema,
  type Trigger,
  type Workflow,
} from '@/lib/orchestration/schemas';

import { createWorkflow, expectSucceeded, v2, waitForEnd } from '../../testing/api-fixtures';
import {
  call,
  createTestServer,
  expectBody,
  expectError,
  type TestServer,
} from '../../testing/test-server';

const tipTrigger = (workflowID: string) => ({
  name: 'large-eur-commit',
  event: 'COMMITTED_TRANSACTIONS',
  workflowID,
  filter:
    'event.ledger == "creators-eu" && any(event.transactions[0].postings, {#.asset == "EUR/2" && #.amount >= 100000})',
  vars: {
    fanID: 'event.transactions[0].metadata.fan',
    creatorID: 'event.transactions[0].metadata.creator',
    cents: 'event.transactions[0].postings[0].amount',
    campaign: 'event.transactions[0].metadata.campaign ?? "none"',
  },
});

const committedPayload = (amount: number) => ({
  ledger: 'creators-eu',
  transactions: [
    {
      id: 981,
      metadata: { fan: 'f-12', creator: 'c-9' },
      postings: [
        {
          source: 'fans:f-12:wallet',
          destination: 'creators:c-9:earnings',
          amount,
          asset: 'EUR/2',
        },
      ],
    },
  ],
});

const publishedSchema = dataSchema(
  z.object({ event: z.object({ type: z.string() }), matchedTriggers: z.array(z.string()) }),
);

describe('v2 triggers', () => {
  let server: TestServer;
  let workflow: Workflow;

  beforeEach(async () => {
    server = await createTestServer();
    workflow = await createWorkflow(server.app, {
      name: 'echo',
      stages: [{ wait_event: { event: 'never-${fanID}' } }],
    });
  });
  afterEach(async () => {
    await server.dispose();
  });

  async function createTrigger(body: unknown): Promise<Trigger> {
    const response = await call(server.app, 'POST', `${v2}/triggers`, body);

    return expectBody(response, 201, dataSchema(triggerSchema)).data;
  }

  it('creates, reads, lists and deletes a trigger', async () => {
    const trigger = await createTrigger(tipTrigger(workflow.id));
    expect(trigger).toMatchObject({ name: 'large-eur-commit', event: 'COMMITTED_TRANSACTIONS' });
    expect(trigger.version).toBeUndefined();

    const read = await call(server.app, 'GET', `${v2}/triggers/${trigger.id}`);
    expect(expectBody(read, 200, dataSchema(triggerSchema)).data).toEqual(trigger);

    const list = await call(server.app, 'GET', `${v2}/triggers`);
    expect(expectBody(list, 200, cursorSchema(triggerSchema)).cursor.data).toEqual([trigger]);

    const deleted = await call(server.app, 'DELETE', `${v2}/triggers/${trigger.id}`);
    expect(deleted.status).toBe(204);
    expectError(await call(server.app, 'GET', `${v2}/triggers/${trigger.id}`), 404, 'NOT_FOUND');
    expectError(await call(server.app, 'DELETE', `${v2}/triggers/${trigger.id}`), 404, 'NOT_FOUND');
  });

  it('omits unset optional fields and echoes an empty name', async () => {
    const response = await call(server.app, 'POST', `${v2}/triggers`, {
      event: 'X',
      workflowID: workflow.id,
    });
    const body = response.body as { data: Record<string, unknown> };

    expect(response.status).toBe(201);
    expect(Object.keys(body.data).sort()).toEqual([
      'createdAt',
      'event',
      'id',
      'name',
      'workflowID',
    ]);
    expect(body.data.name).toBe('');
  });

  it.each([
    [{ workflowID: 'x' }, 400, 'VALIDATION', 'validating data: missing event'],
    [{ event: 'X' }, 400, 'VALIDATION', 'validating data: missing workflow id'],
    [
      { event: 'X', workflowID: 'W', filter: 'event.a ==' },
      400,
      'VALIDATION',
      "error compiling expression 'event.a =='",
    ],
    [
      { event: 'X', workflowID: 'W', vars: { a: 'event.(' } },
      400,
      'VALIDATION',
      "error compiling expression 'event.('",
    ],
    [{ event: 'X', workflowID: 'W', vars: { a: 1 } }, 400, 'VALIDATION', 'validating data: vars'],
    [
      { event: 'X', workflowID: '00000000-0000-4000-8000-000000000000' },
      404,
      'NOT_FOUND',
      'workflow does not exists',
    ],
  ])('rejects %j', async (body, status, code, message) => {
    const response = await call(server.app, 'POST', `${v2}/triggers`, body);

    expect(expectError(response, status, code)).toContain(message);
  });

  it('rejects a trigger on a deleted workflow', async () => {
    await call(server.app, 'DELETE', `${v2}/workflows/${workflow.id}`);
    const response = await call(server.app, 'POST', `${v2}/triggers`, {
      event: 'X',
      workflowID: workflow.id,
    });

    expectError(response, 404, 'NOT_FOUND');
  });

  it('filters the list by name, case-insensitively, with a cursor', async () => {
    for (const name of ['Payouts EU', 'payouts-us', 'refunds', 'PAYOUTS-asia']) {
      await createTrigger({ name, event: 'X', workflowID: workflow.id });
    }

    const first = await call(server.app, 'GET', `${v2}/triggers?name=payouts&pageSize=2`);
    const page = expectBody(first, 200, cursorSchema(triggerSchema)).cursor;
    expect(page.data.map((trigger) => trigger.name)).toEqual(['Payouts EU', 'payouts-us']);

    const second = await call(server.app, 'GET', `${v2}/triggers?cursor=${page.next}`);
    const next = expectBody(second, 200, cursorSchema(triggerSchema)).cursor;
    expect(next.data.map((trigger) => trigger.name)).toEqual(['PAYOUTS-asia']);
  });

  it('tests a trigger exactly like the digest example', async () => {
    const trigger = await createTrigger(tipTrigger(workflow.id));
    const matched = await call(
      server.app,
      'POST',
      `${v2}/triggers/${trigger.id}/test`,
      committedPayload(250000),
    );

    expect(expectBody(matched, 200, dataSchema(triggerTestSchema))).toEqual({
      data: {
        filter: { match: true },
        variables: {
          fanID: { value: 'f-12' },
          creatorID: { value: 'c-9' },
          cents: { value: '250000' },
          campaign: { value: 'none' },
        },
      },
    });

    const small = await call(
      server.app,
      'POST',
      `${v2}/triggers/${trigger.id}/test`,
      committedPayload(5),
    );
    expect(small.body).toEqual({ data: { filter: { match: false } } });

    const broken = await call(server.app, 'POST', `${v2}/triggers/${trigger.id}/test`, {
      ledger: 'creators-eu',
      transactions: [],
    });
    const body = expectBody(broken, 200, dataSchema(triggerTestSchema)).data;
    expect(body.filter?.match).toBe(false);
    expect(body.filter?.error).toBeTruthy();
    expect(body.variables).toBeUndefined();
  });

  it('tests a trigger without filter: variables only, empty values omitted', async () => {
    const trigger = await createTrigger({
      event: 'X',
      workflowID: workflow.id,
      vars: { empty: '""', missing: 'event.a.b', id: 'event.id' },
    });
    const response = await call(server.app, 'POST', `${v2}/triggers/${trigger.id}/test`, { id: 7 });
    const data = expectBody(response, 200, dataSchema(triggerTestSchema)).data;

    expect(data.filter).toBeUndefined();
    expect(data.variables?.empty).toEqual({});
    expect(data.variables?.id).toEqual({ value: '7' });
    expect(data.variables?.missing?.error).toBeTruthy();
    expect(data.variables?.missing?.value).toBeUndefined();
  });

  it('rejects tests of unknown triggers and non-object payloads', async () => {
    const trigger = await createTrigger({ event: 'X', workflowID: workflow.id });

    expectError(
      await call(
        server.app,
        'POST',
        `${v2}/triggers/00000000-0000-4000-8000-000000000000/test`,
        {},
      ),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call(server.app, 'POST', `${v2}/triggers/${trigger.id}/test`, [1]),
      400,
      'VALIDATION',
    );
  });

  it('fires on a published event: instance with variables and an occurrence', async () => {
    const trigger = await createTrigger(tipTrigger(workflow.id));
    const other = await createTrigger({
      event: 'COMMITTED_TRANSACTIONS',
      version: 'v1',
      workflowID: workflow.id,
    });

    const published = await call(server.app, 'POST', '/api/local/events', {
      type: 'COMMITTED_TRANSACTIONS',
      payload: committedPayload(250000),
    });
    const result = expectBody(published, 200, publishedSchema).data;
    expect(result.matchedTriggers).toEqual([trigger.id]);

    const occurrences = await call(server.app, 'GET', `${v2}/triggers/${trigger.id}/occurrences`);
    const page = expectBody(occurrences, 200, cursorSchema(triggerOccurrenceSchema)).cursor;
    expect(page.data).toHaveLength(1);
    const [occurrence] = page.data;
    expect(occurrence?.event.type).toBe('COMMITTED_TRANSACTIONS');
    expect(occurrence?.event.version).toBe('v2');
    expect(occurrence?.error).toBeUndefined();
    expect(occurrence?.workflowInstance?.id).toBe(occurrence?.workflowInstanceID);

    const instanceID = occurrence?.workflowInstanceID ?? '';
    const history = await call(server.app, 'GET', `${v2}/instances/${instanceID}/history`);
    expect((history.body as { data: { input: unknown }[] }).data[0]?.input).toEqual({
      event: 'never-f-12',
    });

    const none = await call(server.app, 'GET', `${v2}/triggers/${other.id}/occurrences`);
    expect(expectBody(none, 200, cursorSchema(triggerOccurrenceSchema)).cursor.data).toEqual([]);
  });

  it('records a failed occurrence when a variable fails', async () => {
    const trigger = await createTrigger({
      event: 'X',
      workflowID: workflow.id,
      vars: { fanID: 'event.a.b' },
    });
    await call(server.app, 'POST', '/api/local/events', { type: 'X', payload: {} });

    const response = await call(server.app, 'GET', `${v2}/triggers/${trigger.id}/occurrences`);
    const [occurrence] = expectBody(response, 200, cursorSchema(triggerOccurrenceSchema)).cursor
      .data;
    expect(occurrence?.error).toContain("evaluating variable 'fanID'");
    expect(occurrence?.workflowInstanceID).toBeUndefined();
  });

  it('fires SAVED_PAYMENT triggers once per payload id', async () => {
    const probe = await createWorkflow(server.app, { stages: [{ noop: {} }] });
    const trigger = await createTrigger({ event: 'SAVED_PAYMENT', workflowID: probe.id });
    for (const status of ['PENDING', 'SUCCEEDED']) {
      await call(server.app, 'POST', '/api/local/events', {
        type: 'SAVED_PAYMENT',
        payload: { id: 'p-1', status },
      });
    }
    await call(server.app, 'POST', '/api/local/events', {
      type: 'SAVED_PAYMENT',
      payload: { id: 'p-2' },
    });

    const response = await call(server.app, 'GET', `${v2}/triggers/${trigger.id}/occurrences`);
    const data = expectBody(response, 200, cursorSchema(triggerOccurrenceSchema)).cursor.data;
    expect(data.map((occurrence) => (occurrence.event.payload as { id: string }).id)).toEqual([
      'p-1',
      'p-2',
    ]);
    expectSucceeded(await waitForEnd(server.app, data[0]?.workflowInstanceID ?? ''));
  });

  it('fires on orchestration events such as SUCCEEDED_WORKFLOW', async () => {
    const probe = await createWorkflow(server.app, { stages: [{ noop: {} }] });
    const trigger = await createTrigger({
      event: 'SUCCEEDED_WORKFLOW',
      workflowID: workflow.id,
      filter: `event.id == "${probe.id}"`,
      vars: { fanID: 'event.instanceID' },
    });
    const run = await call(
      server.app,
      'POST',
      `${v2}/workflows/${probe.id}/instances?wait=true`,
      {},
    );
    const { id } = (run.body as { data: { id: string } }).data;

    await server.app.flowdeck.bus.drain();
    const response = await call(server.app, 'GET', `${v2}/triggers/${trigger.id}/occurrences`);
    const data = expectBody(response, 200, cursorSchema(triggerOccurrenceSchema)).cursor.data;
    expect(data).toHaveLength(1);
    expect(data[0]?.event).toMatchObject({
      app: 'orchestration',
      version: 'v2',
      payload: { instanceID: id },
    });
  });

  it('lists no occurrences for an unknown trigger', async () => {
    const response = await call(server.app, 'GET', `${v2}/triggers/unknown/occurrences`);

    expect(expectBody(response, 200, cursorSchema(triggerOccurrenceSchema)).cursor.data).toEqual(
      [],
    );
  });

  it('rejects invalid local events', async () => {
    expectError(
      await call(server.app, 'POST', '/api/local/events', { payload: {} }),
      400,
      'VALIDATION',
    );
    expectError(
      await call(server.app, 'POST', '/api/local/events', { type: 'X', date: 'today' }),
      400,
      'VALIDATION',
    );
  });
});
