import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { systemClock } from '../clock';
import { DurableActivityRunner, StageError } from '../engine/activities';
import { ActivitiesRepository } from '../storage/activities-repository';
import { migrate } from '../storage/database';
import { coreMigrations } from '../storage/migrations';
import { createLedgerStageExecutors } from './ledger-executors';
import { openTestDatabase, sendInput, type TestDatabase } from './test-support';

// Runs the send stage on the engine's own activity runner and activity table.
// Foreign keys are turned off (better-sqlite3 turns them on), so no instance or stage rows are needed.

let t: TestDatabase;
let repository: ActivitiesRepository;

beforeEach(() => {
  t = openTestDatabase();
  t.db.pragma('foreign_keys = OFF');
  migrate(t.db, coreMigrations);
  repository = new ActivitiesRepository(t.db);
});

afterEach(() => {
  t.close();
});

function engineContext(instanceID: string) {
  const activities = new DurableActivityRunner({
    db: t.db,
    activities: repository,
    instanceID,
    stage: 0,
    clock: systemClock,
    retry: { initialIntervalMs: 1, maximumIntervalMs: 1 },
    signal: new AbortController().signal,
    logger: pino({ level: 'silent' }),
  });
  // The ledger executors only use `activities`; the rest of the context is the engine's.
  return { activities } as unknown as Parameters<
    ReturnType<typeof createLedgerStageExecutors>['send']
  >[1];
}

function sendPayment(amount: number) {
  return sendInput({
    source: { payment: { id: 'pay-1', ledger: 'psp' } },
    destination: { account: { id: 'users:1', ledger: 'psp' } },
    amount: { amount, asset: 'EUR/2' },
  });
}

describe('send stage on the engine runner', () => {
  it('tolerates re-ingestion live and on replay', async () => {
    const executors = createLedgerStageExecutors(t.services);
    t.services.payments.save({ id: 'pay-1', initialAmount: 1000, asset: 'EUR/2' });
    await executors.send(sendPayment(400), engineContext('instance-a'));
    await executors.send(sendPayment(600), engineContext('instance-b'));

    const records = repository.list('instance-b', 0);
    expect(records.map((r) => r.name)).toEqual([
      'GetPayment',
      'CreateTransaction',
      'CreateTransaction',
    ]);
    expect(records[1]?.error).toMatch(/reference 'payment:pay_1' already exists/);
    expect(t.services.ledger.balanceOf('psp', 'users:1', 'EUR/2')).toBe(1000n);

    // A restarted engine replays the stored activities instead of running them again.
    await executors.send(sendPayment(600), engineContext('instance-b'));

    expect(t.services.ledger.listTransactions('psp')).toHaveLength(3);
    expect(t.services.ledger.balanceOf('psp', 'users:1', 'EUR/2')).toBe(1000n);
  });

  it('fails the stage on insufficient funds', async () => {
    const executors = createLedgerStageExecutors(t.services);
    const input = sendInput({
      source: { account: { id: 'empty', ledger: 'shop' } },
      destination: { account: { id: 'users:1', ledger: 'shop' } },
      amount: { amount: 5, asset: 'USD' },
    });
    const failure = await executors
      .send(input, engineContext('instance-c'))
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StageError);
    expect((failure as Error).message).toMatch(/insufficient funds on account 'empty'/);
    expect(repository.list('instance-c', 0)).toEqual([
      expect.objectContaining({ name: 'CreateTransaction', terminated: true, attempt: 1 }),
    ]);
  });

  it('reports a missing wallet as a StageError', async () => {
    const executors = createLedgerStageExecutors(t.services);
    const input = sendInput({
      source: { account: { id: 'world' } },
      destination: { wallet: { name: 'nobody' } },
      amount: { amount: 5, asset: 'USD' },
    });
    const failure = await executors
      .send(input, engineContext('instance-d'))
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(StageError);
    expect((failure as Error).message).toBe("wallet named 'nobody' not found");
  });
});
