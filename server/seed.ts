/**
 * Example data for a new database: the example workflows and triggers, a
 * funded ledger with wallets and payments, trigger occurrences produced by
 * real ledger commits and saved payments, and instances in every state:
 * running a long delay, waiting for an event, succeeded (with sends that
 * moved money), failed (insufficient funds, invalid delay, unknown wallet)
 * and canceled. Every instance that is meant to end has ended when the seed
 * returns; the ones left running wait for a delay of hours or for an event.
 */
import type { FlowdeckRuntime } from './app';
import { exampleWorkflows, type ExampleWorkflowKey } from '@/lib/orchestration/example-workflows';

import { exampleTriggers } from './seed-fixtures';
import { prepareExampleLedger, publishExampleEvents } from './seed-ledger';

export type SeedSummary = {
  workflows: number;
  triggers: number;
  instances: number;
  occurrences: number;
  wallets: number;
  payments: number;
};

// Upper bound for one instance to reach the state the seed waits for; normally a few ms.
const settleTimeoutMs = 5_000;

/** Polls `condition` every 5 ms until it is true or the timeout passes; returns its last value. */
async function waitUntil(condition: () => boolean, timeoutMs = settleTimeoutMs): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  return true;
}

export async function seedExampleData(runtime: FlowdeckRuntime): Promise<SeedSummary> {
  const { services, repositories, logger, engine, bus, ledger } = runtime;
  const { workflows, instances, triggers } = services;

  const ids = Object.fromEntries(
    Object.entries(exampleWorkflows).map(([key, config]) => [key, workflows.create(config).id]),
  ) as Record<ExampleWorkflowKey, string>;
  const triggerIDs = exampleTriggers(ids).map((trigger) => triggers.create(trigger).id);
  const wallets = prepareExampleLedger(ledger);

  const finish = (key: ExampleWorkflowKey, variables: Record<string, string> = {}) =>
    instances.run(ids[key], variables, true);
  const start = (key: ExampleWorkflowKey, variables: Record<string, string> = {}) =>
    instances.run(ids[key], variables, false);
  /** Waits until stage `stage` of the instance has started and is still running. */
  const reachStage = async (instanceID: string, stage: number) => {
    const reached = await waitUntil(() => {
      const last = repositories.stages.last(instanceID);

      return last?.stage === stage && last.terminatedAt === undefined;
    });
    if (!reached) logger.warn({ instanceID, stage }, 'example instance did not reach its stage');

    return reached;
  };

  // Sends that move money and succeed, one per send combination.
  const tip = { creatorID: 'c-204', campaign: 'spring-drive' };
  await finish('tipCreator', { ...tip, fanID: 'f-1002', cents: '350' });
  await finish('rewardToWallet', { customerID: 'c-88', cents: '1500' });
  await finish('walletCashout', {
    walletID: wallets.customerC12,
    customerID: 'c-12',
    cents: '8000',
  });
  await finish('walletToWallet', { from: 'c-12', to: 'c-88', cents: '2500' });
  await finish('weeklyPayout', { walletID: wallets.creatorPayouts });
  await finish('releaseAtDate', { lockID: 'lk-19', releaseAt: '2025-06-01T08:00:00Z' });
  await finish('noopProbe');

  // Running a long delay after moving money; the merchant then has funds for a payout.
  const settlement = await start('settleToMerchant', {
    orderID: 'o-5521',
    merchantID: 'm-17',
    total: '48000',
  });
  await reachStage(settlement.id, 1);
  await finish('merchantPayout', { merchantID: 'm-17', cents: '30000' });
  const inAWeek = new Date(runtime.clock.now().getTime() + 7 * 24 * 3_600_000).toISOString();
  await start('releaseAtDate', { lockID: 'lk-20', releaseAt: inAWeek });
  await start('delayThenWait', { pause: '1h' });

  // Waiting for an event, and the same workflows released by the event.
  const refund = { customer: 'cu-31', amount: '2599' };
  await reachStage((await start('approvalGatedRefund', { ...refund, ticket: 'T-1001' })).id, 1);
  await reachStage((await start('delayThenWait', { pause: '0s' })).id, 1);
  const approved = await start('approvalGatedRefund', { ...refund, ticket: 'T-1002' });
  if (await reachStage(approved.id, 1)) {
    instances.sendEvent(approved.id, { name: 'refund-approved' });
    await engine.waitForEnd(approved.id, settleTimeoutMs);
  }
  const released = await start('delayThenWait', { pause: '0s' });
  if (await reachStage(released.id, 1)) {
    instances.sendEvent(released.id, { name: 'go' });
    await engine.waitForEnd(released.id, settleTimeoutMs);
  }

  // Canceled during its delay.
  const canceled = await start('delayThenWait', { pause: '1h' });
  await instances.abort(canceled.id);

  // Failed: insufficient funds (three ways), an invalid delay and an unknown wallet.
  await finish('tipCreator', { ...tip, fanID: 'f-0404', cents: '5000' });
  await finish('weeklyPayout', { walletID: wallets.creatorPayouts });
  await finish('approvalGatedRefund', { ...refund, ticket: 'T-1003', amount: '500000' });
  await finish('delayThenWait', { pause: 'soon' });
  await finish('rewardToWallet', { customerID: 'c-99', cents: '100' });

  // Events after the triggers exist: a large commit and payments, then their instances.
  publishExampleEvents(ledger);
  await bus.drain();
  await finish('bankTransferDeposit', { paymentID: 'pi-0004', customerID: 'c-12' });
  const occurrences = triggerIDs.flatMap((id) => repositories.occurrences.list(id));
  for (const occurrence of occurrences) {
    if (occurrence.workflowInstanceID !== undefined) {
      await engine.waitForEnd(occurrence.workflowInstanceID, settleTimeoutMs);
    }
  }
  await bus.drain();

  const summary: SeedSummary = {
    workflows: Object.keys(ids).length,
    triggers: triggerIDs.length,
    instances: repositories.instances.list({ runningOnly: false }).length,
    occurrences: occurrences.length,
    wallets: ledger.wallets.list().length,
    payments: ledger.payments.list().length,
  };
  logger.info(summary, 'example data created');

  return summary;
}
