import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { offsetClock } from './clock';
import { seedExampleData, type SeedSummary } from './seed';
import { exampleWorkflows } from '@/lib/orchestration/example-workflows';
import type { InstanceRecord } from './storage/instances-repository';
import { createTestServer, waitFor, type TestServer } from './testing/test-server';

type Endpoint = Record<string, { ledger?: string; throughAccount?: string } | undefined>;
type SendConfig = { source: Endpoint; destination: Endpoint };

function endpointKind(endpoint: Endpoint): string {
  return Object.keys(endpoint)[0] ?? 'none';
}

/** Lists `source→destination` per send stage, with `(cross-ledger)` for bridged accounts. */
function sendCombinations(): Set<string> {
  const combinations = new Set<string>();
  for (const workflow of Object.values(exampleWorkflows)) {
    for (const stage of workflow.stages as Array<Record<string, unknown>>) {
      const send = stage.send as SendConfig | undefined;
      if (send === undefined) continue;

      const pair = `${endpointKind(send.source)}→${endpointKind(send.destination)}`;
      const source = send.source.account;
      const destination = send.destination.account;
      const bridged =
        source !== undefined &&
        destination !== undefined &&
        source.ledger !== destination.ledger &&
        source.throughAccount !== undefined;
      combinations.add(bridged ? `${pair} (cross-ledger)` : pair);
    }
  }

  return combinations;
}

describe('seedExampleData', () => {
  let server: TestServer;
  let summary: SeedSummary;

  beforeEach(async () => {
    server = await createTestServer();
    summary = await seedExampleData(server.app.flowdeck);
  });
  afterEach(async () => {
    await server.dispose();
  });

  const runtime = () => server.app.flowdeck;
  const instances = () => runtime().repositories.instances.list({ runningOnly: false });
  const workflowName = (instance: InstanceRecord) =>
    runtime().repositories.workflows.get(instance.workflowID)?.config.name;
  const balance = (ledger: string, address: string, asset: string) =>
    runtime().ledger.ledger.balanceOf(ledger, address, asset);

  it('covers every stage kind and send combination', () => {
    const kinds = new Set(
      Object.values(exampleWorkflows).flatMap((workflow) =>
        workflow.stages.flatMap((stage) => Object.keys(stage)),
      ),
    );

    expect([...kinds].sort()).toEqual(['delay', 'noop', 'send', 'update', 'wait_event']);
    expect([...sendCombinations()].sort()).toEqual([
      'account→account',
      'account→account (cross-ledger)',
      'account→payment',
      'account→wallet',
      'payment→account',
      'payment→wallet',
      'wallet→account',
      'wallet→payment',
      'wallet→wallet',
    ]);
    expect(summary).toEqual({
      workflows: 13,
      triggers: 3,
      instances: instances().length,
      occurrences: 5,
      wallets: 3,
      payments: 6,
    });
  });

  it('leaves instances in every state', () => {
    const { repositories } = runtime();
    const all = instances();
    const lastStage = (instance: InstanceRecord) => repositories.stages.last(instance.id);
    const running = all.filter((instance) => !instance.terminated);
    const errors = all.map((instance) => instance.error).filter((error) => error !== undefined);

    expect(running.filter((instance) => lastStage(instance)?.kind === 'delay')).toHaveLength(3);
    expect(running.filter((instance) => lastStage(instance)?.kind === 'wait_event')).toHaveLength(
      2,
    );
    expect(running).toHaveLength(5);
    expect(
      all.filter((instance) => instance.terminated && instance.error === undefined),
    ).toHaveLength(15);
    expect(errors.filter((error) => error === 'canceled')).toHaveLength(1);
    expect(errors.filter((error) => error.startsWith('insufficient funds'))).toHaveLength(3);
    expect(errors.filter((error) => error.startsWith('invalid delay stage'))).toHaveLength(1);
    expect(errors).toContain("wallet named 'customer-c-99' not found");
    expect(errors).toHaveLength(6);
  });

  it('moves money with the succeeded sends', () => {
    const { wallets } = runtime().ledger;
    const wallet = (name: string) => wallets.get(wallets.getByName(name).id).balances;

    // 350 by hand, 250,000 by the large-eur-commit trigger.
    expect(balance('creators-eu', 'creators:c-204:earnings', 'EUR/2')).toBe(250_350n);
    expect(balance('creators-eu', 'fans:f-7731:wallet', 'EUR/2')).toBe(0n);
    expect(balance('merchant-books', 'merchants:m-17', 'USD/2')).toBe(18_000n);
    expect(balance('marketplace', 'escrow:o-5521', 'USD/2')).toBe(0n);
    expect(balance('shop', 'customers:cu-31', 'CAD/2')).toBe(2_599n);
    expect(balance('shop', 'escrow:refund:T-1001', 'CAD/2')).toBe(2_599n);
    expect(balance('vault', 'unlocked:lk-19', 'TOKEN/0')).toBe(1n);
    expect(balance('bank', 'deposits:c-12', 'EUR/2')).toBe(25_000n);
    expect(balance('bank', 'bank:customers:c-12', 'EUR/2')).toBe(8_000n);
    expect(wallet('customer-c-88')).toEqual({
      main: { assets: { 'EUR/2': 20_000 + 1_500 + 2_500 } },
      available: { assets: { 'EUR/2': 12_000 } },
    });
    expect(wallet('customer-c-12')).toEqual({
      main: { assets: { 'EUR/2': 50_000 - 8_000 - 2_500 } },
      available: { assets: { 'EUR/2': 4_500 } },
    });
    expect(wallet('creator-payouts-gbp')).toEqual({ main: { assets: { 'GBP/2': 75_000 } } });
    expect(
      runtime()
        .ledger.payments.listTransferInitiations()
        .map((transfer) => `${transfer.provider} ${transfer.destination} ${transfer.amount}`)
        .sort(),
    ).toEqual(['STRIPE acct_m17_payouts 30000', 'WISE wise-rcp-vip-01 125000']);
  });

  it('records matched and failed trigger occurrences from real events', () => {
    const { repositories } = runtime();
    const byTrigger = new Map(
      repositories.triggers
        .list({}, { offset: 0, limit: 10 })
        .map((trigger) => [trigger.name ?? '', repositories.occurrences.list(trigger.id)]),
    );
    const started = (name: string) =>
      (byTrigger.get(name) ?? []).flatMap((occurrence) =>
        occurrence.workflowInstanceID === undefined ? [] : [occurrence.workflowInstanceID],
      );

    expect(started('large-eur-commit')).toHaveLength(1);
    expect(started('captured-card-payins')).toHaveLength(2);
    expect(started('vip-payout-probe')).toHaveLength(1);
    const failed = (byTrigger.get('captured-card-payins') ?? []).filter(
      (occurrence) => occurrence.error !== undefined,
    );
    expect(failed.map((occurrence) => (occurrence.event.payload as { id: string }).id)).toEqual([
      'pi-0003',
    ]);
    expect(failed[0]?.error).toContain("evaluating variable 'customerID'");

    for (const id of [...byTrigger.keys()].flatMap(started)) {
      const instance = repositories.instances.get(id);
      expect(instance?.terminated, id).toBe(true);
      expect(instance?.error, id).toBeUndefined();
    }
  });

  it('ends the long waits cleanly after a restart a week later', async () => {
    const weekMs = 8 * 24 * 3_600_000;
    server = await server.reopen({ clock: offsetClock(weekMs) });
    const { repositories } = runtime();
    const delayed = ['settle-to-merchant', 'release-at-date'];

    const settled = (instance: InstanceRecord) =>
      delayed.includes(workflowName(instance) ?? '')
        ? instance.terminated
        : instance.terminated || repositories.stages.last(instance.id)?.kind === 'wait_event';
    await waitFor(() => instances().every(settled), 10_000, 'the ends of the delays');

    const all = instances();
    const errors = all.map((instance) => instance.error).filter((error) => error !== undefined);
    expect(errors).toHaveLength(6);
    expect(balance('vault', 'unlocked:lk-20', 'TOKEN/0')).toBe(1n);
    expect(
      runtime().ledger.ledger.findAccount('merchant-books', 'merchants:m-17')?.metadata,
    ).toMatchObject({ lastSettledOrder: 'o-5521', settlement: 'done' });
    const waiting = all.filter((instance) => !instance.terminated);
    expect(waiting.map((instance) => repositories.stages.last(instance.id)?.kind)).toEqual([
      'wait_event',
      'wait_event',
      'wait_event',
    ]);
  });

  it('marks the database as new only on the first start', async () => {
    expect(server.app.flowdeck.databaseCreated).toBe(true);

    server = await server.reopen();

    expect(server.app.flowdeck.databaseCreated).toBe(false);
  });
});
