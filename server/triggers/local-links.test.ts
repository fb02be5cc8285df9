import { createServer, type Server } from 'node:http';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  cursorSchema,
  dataSchema,
  triggerOccurrenceSchema,
  triggerSchema,
  triggerTestSchema,
  type Trigger,
  type TriggerTest,
  type Workflow,
} from '@/lib/orchestration/schemas';

import { createWorkflow, expectSucceeded, v2, waitForEnd } from '../testing/api-fixtures';
import { call, createTestServer, expectBody, type TestServer } from '../testing/test-server';

// Ports of the servers this file starts on 127.0.0.1.
const serverPort = 18155;
const outsidePort = 18156;

const vipFilter =
  'event.type == "PAYOUT" && link(event, "destination_account").metadata.tier == "vip"';
const accountPath = (id: string) => `/api/local/ledgers/psp-accounts/accounts/${id}`;

describe('link() in trigger expressions', () => {
  let server: TestServer;
  let probe: Workflow;

  beforeEach(async () => {
    server = await createTestServer();
    probe = await createWorkflow(server.app, { name: 'probe', stages: [{ noop: {} }] });
    const { ledger } = server.app.flowdeck.ledger;
    ledger.addAccountMetadata('psp-accounts', 'acc-vip', { tier: 'vip', owner: 'Ada' });
    ledger.addAccountMetadata('psp-accounts', 'acc-std', { tier: 'standard' });
  });
  afterEach(async () => {
    await server.dispose();
  });

  async function createTrigger(body: Record<string, unknown>): Promise<Trigger> {
    const response = await call(server.app, 'POST', `${v2}/triggers`, {
      workflowID: probe.id,
      ...body,
    });

    return expectBody(response, 201, dataSchema(triggerSchema)).data;
  }

  async function testTrigger(id: string, payload: unknown): Promise<TriggerTest> {
    const response = await call(server.app, 'POST', `${v2}/triggers/${id}/test`, payload);

    return expectBody(response, 200, dataSchema(triggerTestSchema)).data;
  }

  async function occurrencesOf(id: string) {
    await server.app.flowdeck.bus.drain();
    const response = await call(server.app, 'GET', `${v2}/triggers/${id}/occurrences`);

    return expectBody(response, 200, cursorSchema(triggerOccurrenceSchema)).cursor.data;
  }

  const payout = (destination: string) => ({
    type: 'PAYOUT',
    links: [{ name: 'destination_account', uri: accountPath(destination) }],
  });

  it('gives SAVED_PAYMENT payloads links to the local PSP accounts', async () => {
    const trigger = await createTrigger({ event: 'SAVED_PAYMENT' });
    server.app.flowdeck.ledger.payments.save({
      id: 'po-1',
      type: 'PAYOUT',
      initialAmount: 100,
      asset: 'EUR/2',
      sourceAccountID: 'acc-std',
      destinationAccountID: 'acc-vip',
    });

    const [occurrence] = await occurrencesOf(trigger.id);

    expect(occurrence?.event.payload).toMatchObject({
      id: 'po-1',
      links: [
        { name: 'source_account', uri: accountPath('acc-std') },
        { name: 'destination_account', uri: accountPath('acc-vip') },
      ],
    });
  });

  it('matches a filter through a relative link in testTrigger', async () => {
    const trigger = await createTrigger({
      event: 'SAVED_PAYMENT',
      filter: vipFilter,
      vars: { owner: 'link(event, "destination_account").metadata.owner' },
    });

    expect(await testTrigger(trigger.id, payout('acc-vip'))).toEqual({
      filter: { match: true },
      variables: { owner: { value: 'Ada' } },
    });
    expect(await testTrigger(trigger.id, payout('acc-std'))).toEqual({
      filter: { match: false },
    });
  });

  it('fires only for payouts to a vip account', async () => {
    const trigger = await createTrigger({ event: 'SAVED_PAYMENT', filter: vipFilter });
    const { payments } = server.app.flowdeck.ledger;
    const base = { type: 'PAYOUT' as const, initialAmount: 5_000, asset: 'EUR/2' };
    payments.save({ ...base, id: 'po-std', destinationAccountID: 'acc-std' });
    payments.save({ ...base, id: 'po-vip', destinationAccountID: 'acc-vip' });
    payments.save({ ...base, id: 'pi-vip', type: 'PAY-IN', destinationAccountID: 'acc-vip' });

    const occurrences = await occurrencesOf(trigger.id);

    expect(occurrences.map((item) => (item.event.payload as { id: string }).id)).toEqual([
      'po-vip',
    ]);
    expectSucceeded(await waitForEnd(server.app, occurrences[0]?.workflowInstanceID ?? ''));
  });

  it('records a failed occurrence when a variable follows a missing link', async () => {
    const trigger = await createTrigger({
      event: 'SAVED_PAYMENT',
      vars: { tier: 'link(event, "source_account").metadata.tier' },
    });
    server.app.flowdeck.ledger.payments.save({
      id: 'po-2',
      initialAmount: 1,
      asset: 'EUR/2',
      destinationAccountID: 'acc-vip',
    });

    const [occurrence] = await occurrencesOf(trigger.id);

    expect(occurrence?.workflowInstanceID).toBeUndefined();
    expect(occurrence?.error).toBe(
      "evaluating variable 'tier': link 'source_account' not defined for object",
    );
  });

  it('reports unknown resources, duplicate links and missing links', async () => {
    const trigger = await createTrigger({ event: 'SAVED_PAYMENT', filter: vipFilter });

    const unknown = await testTrigger(trigger.id, payout('acc-nobody'));
    expect(unknown.filter?.match).toBe(false);
    expect(unknown.filter?.error).toContain(
      `link(): reading ${accountPath('acc-nobody')} failed with status 404`,
    );

    const duplicate = await testTrigger(trigger.id, {
      type: 'PAYOUT',
      links: [...payout('acc-vip').links, ...payout('acc-std').links],
    });
    expect(duplicate.filter?.error).toBe("multiple link 'destination_account' found for object");

    const missing = await testTrigger(trigger.id, { type: 'PAYOUT' });
    expect(missing.filter?.error).toBe("link 'destination_account' not defined for object");
  });

  it('reads wallets and orchestration resources too', async () => {
    const wallet = server.app.flowdeck.ledger.wallets.create({
      name: 'vip-wallet',
      metadata: { tier: 'vip' },
    });
    const trigger = await createTrigger({
      event: 'ANY',
      vars: {
        tier: 'link(event, "wallet").metadata.tier',
        workflow: 'link(event, "workflow").config.name',
      },
    });

    const result = await testTrigger(trigger.id, {
      links: [
        { name: 'wallet', uri: `/api/local/wallets/${wallet.id}` },
        { name: 'workflow', uri: `${v2}/workflows/${probe.id}` },
      ],
    });

    expect(result.variables).toEqual({ tier: { value: 'vip' }, workflow: { value: 'probe' } });
  });
});

describe('link() uri checks', () => {
  let server: TestServer;
  let outside: Server;
  let outsideRequests: number;

  beforeEach(async () => {
    server = await createTestServer();
    await server.app.listen({ port: serverPort, host: '127.0.0.1' });
    server.app.flowdeck.ledger.ledger.addAccountMetadata('psp-accounts', 'acc-vip', {
      tier: 'vip',
    });
    outsideRequests = 0;
    outside = createServer((_request, response) => {
      outsideRequests += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { metadata: { tier: 'vip' } } }));
    });
    await new Promise<void>((resolve) => outside.listen(outsidePort, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await new Promise((resolve) => outside.close(resolve));
    await server.dispose();
  });

  async function tierVia(uri: string): Promise<TriggerTest> {
    const workflow = await createWorkflow(server.app, { stages: [{ noop: {} }] });
    const created = await call(server.app, 'POST', `${v2}/triggers`, {
      event: 'SAVED_PAYMENT',
      workflowID: workflow.id,
      vars: { tier: 'link(event, "destination_account").metadata.tier' },
    });
    const trigger = expectBody(created, 201, dataSchema(triggerSchema)).data;
    const payload = { links: [{ name: 'destination_account', uri }] };
    const response = await call(server.app, 'POST', `${v2}/triggers/${trigger.id}/test`, payload);

    return expectBody(response, 200, dataSchema(triggerTestSchema)).data;
  }

  it('accepts absolute uris on the server’s own origin', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const uri = `http://${host}:${serverPort}${accountPath('acc-vip')}`;

      expect((await tierVia(uri)).variables, uri).toEqual({ tier: { value: 'vip' } });
    }
  });

  it('rejects uris outside this server without sending a request', async () => {
    const path = accountPath('acc-vip');
    const rejected = [
      `http://127.0.0.1:${outsidePort}${path}`,
      `http://example.com${path}`,
      `https://127.0.0.1:${serverPort}${path}`,
      `http://user@127.0.0.1:${serverPort}${path}`,
      `//127.0.0.1:${outsidePort}${path}`,
      `/\\127.0.0.1:${outsidePort}${path}`,
      `file:///etc/passwd`,
      `/api/local/../../etc/passwd`,
      `/api/local/%2e%2e/%2e%2e/index.html`,
      `/index.html`,
      `relative/${path}`,
    ];

    for (const uri of rejected) {
      const result = await tierVia(uri);

      expect(result.variables?.tier, uri).toEqual({
        error: `link(): only resources of this local server can be fetched, not ${uri}`,
      });
    }
    expect(outsideRequests).toBe(0);
  });
});
