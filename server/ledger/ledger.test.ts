import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { errorOf, nextTick, openTestDatabase, type TestDatabase } from './test-support';

let t: TestDatabase;

beforeEach(() => {
  t = openTestDatabase(() => new Date('2025-03-02T09:15:04.000Z'));
});

afterEach(() => {
  t.close();
});

function fund(ledger: string, account: string, amount: number, asset = 'EUR/2') {
  return t.services.ledger.createTransaction(ledger, {
    postings: [{ source: 'world', destination: account, amount, asset }],
  });
}

describe('createLedger', () => {
  it('tracks volumes and balances per account and asset', () => {
    const { ledger } = t.services;
    fund('shop', 'users:1', 500);
    ledger.createTransaction('shop', {
      postings: [{ source: 'users:1', destination: 'users:2', amount: 120, asset: 'EUR/2' }],
    });

    expect(ledger.findAccount('shop', 'users:1')?.volumes['EUR/2']).toEqual({
      input: 500,
      output: 120,
      balance: 380,
    });
    expect(ledger.findAccount('shop', 'users:2')?.balances).toEqual({ 'EUR/2': 120 });
    expect(ledger.findAccount('shop', 'world')?.balances).toEqual({ 'EUR/2': -500 });
    expect(ledger.balanceOf('shop', 'users:1', 'USD')).toBe(0n);
  });

  it('numbers transactions from 0 in each ledger', () => {
    expect(fund('a', 'x', 1).id).toBe(0);
    expect(fund('a', 'x', 1).id).toBe(1);
    expect(fund('b', 'x', 1).id).toBe(0);
    expect(t.services.ledger.listLedgers().map((l) => l.name)).toEqual(['a', 'b']);
  });

  it('rejects an overdraft with a non-retryable INSUFFICIENT_FUND', () => {
    fund('shop', 'users:1', 100);
    const error = errorOf(() =>
      t.services.ledger.createTransaction('shop', {
        postings: [{ source: 'users:1', destination: 'users:2', amount: 101, asset: 'EUR/2' }],
      }),
    );

    expect(error.code).toBe('INSUFFICIENT_FUND');
    expect(error.retryable).toBe(false);
    expect(t.services.ledger.balanceOf('shop', 'users:1', 'EUR/2')).toBe(100n);
    expect(t.services.ledger.findAccount('shop', 'users:2')).toBeUndefined();
  });

  it('lets an overdraft account go negative', () => {
    t.services.ledger.createTransaction('shop', {
      postings: [{ source: 'bridge:out', destination: 'users:2', amount: 70, asset: 'USD/2' }],
      overdraftAccounts: ['bridge:out'],
    });

    expect(t.services.ledger.balanceOf('shop', 'bridge:out', 'USD/2')).toBe(-70n);
  });

  it('applies postings in order within one transaction', () => {
    const transaction = t.services.ledger.createTransaction('shop', {
      postings: [
        { source: 'world', destination: 'a', amount: 10, asset: 'TOKEN/0' },
        { source: 'a', destination: 'b', amount: 10, asset: 'TOKEN/0' },
      ],
    });

    expect(transaction.postings).toHaveLength(2);
    expect(t.services.ledger.balanceOf('shop', 'b', 'TOKEN/0')).toBe(10n);
  });

  it('rejects a duplicate reference with CONFLICT', () => {
    const { ledger } = t.services;
    const posting = { source: 'world', destination: 'a', amount: 1, asset: 'USD' };
    ledger.createTransaction('shop', { postings: [posting], reference: 'order-1' });
    const error = errorOf(() =>
      ledger.createTransaction('shop', { postings: [posting], reference: 'order-1' }),
    );

    expect(error.code).toBe('CONFLICT');
    expect(error.httpStatus).toBe(409);
    expect(
      ledger.createTransaction('other', { postings: [posting], reference: 'order-1' }).id,
    ).toBe(0);
  });

  it('validates addresses, assets, amounts and ledger names', () => {
    const { ledger } = t.services;
    const cases = [
      { ledger: 'shop', source: 'users::1', asset: 'USD', amount: 1 },
      { ledger: 'shop', source: 'users:1', asset: 'usd', amount: 1 },
      { ledger: 'shop', source: 'users:1', asset: 'USD/1234567', amount: 1 },
      { ledger: 'shop', source: 'users:1', asset: 'USD', amount: 1.5 },
      { ledger: 'shop', source: 'users:1', asset: 'USD', amount: -1 },
      { ledger: 'shop', source: 'users:1', asset: 'USD', amount: 2 ** 60 },
      { ledger: 'bad name', source: 'users:1', asset: 'USD', amount: 1 },
    ];
    for (const c of cases) {
      const error = errorOf(() =>
        ledger.createTransaction(c.ledger, {
          postings: [{ source: c.source, destination: 'x', amount: c.amount, asset: c.asset }],
        }),
      );
      expect(error.code, JSON.stringify(c)).toBe('VALIDATION');
    }
    expect(ledger.listLedgers()).toEqual([]);
  });

  it('accepts hyphens and integer-string amounts', () => {
    const transaction = t.services.ledger.createTransaction('shop', {
      postings: [{ source: 'world', destination: 'psp:held:p-1', amount: '42', asset: 'EUR' }],
    });

    expect(transaction.postings[0]?.amount).toBe(42);
  });

  it('emits COMMITTED_TRANSACTIONS after each commit', () => {
    const transaction = fund('shop', 'users:1', 250);

    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({
      app: 'ledger',
      version: 'v2',
      type: 'COMMITTED_TRANSACTIONS',
      date: '2025-03-02T09:15:04.000Z',
      payload: { ledger: 'shop', transactions: [transaction], accountMetadata: {} },
    });
    expect(typeof t.events[0]?.idempotency_key).toBe('string');
  });

  it('delays events until the outer commit', async () => {
    t.db.transaction(() => {
      fund('shop', 'users:1', 1);
      fund('shop', 'users:1', 2);
      expect(t.events).toHaveLength(0);
    })();
    await nextTick();

    expect(t.events.map((e) => e.type)).toEqual([
      'COMMITTED_TRANSACTIONS',
      'COMMITTED_TRANSACTIONS',
    ]);
  });

  it('emits nothing on rollback', async () => {
    expect(() =>
      t.db.transaction(() => {
        fund('shop', 'users:1', 1);
        t.services.ledger.addAccountMetadata('shop', 'users:1', { role: 'x' });
        throw new Error('rollback');
      })(),
    ).toThrow('rollback');
    await nextTick();

    expect(t.events).toEqual([]);
    expect(t.services.ledger.hasLedger('shop')).toBe(false);
  });

  it('merges account metadata and emits SAVED_METADATA', () => {
    const { ledger } = t.services;
    ledger.addAccountMetadata('shop', 'users:1', { tier: 'vip', country: 'FR' });
    ledger.addAccountMetadata('shop', 'users:1', { tier: 'gold' });

    expect(ledger.findAccount('shop', 'users:1')?.metadata).toEqual({
      tier: 'gold',
      country: 'FR',
    });
    expect(t.events[1]).toMatchObject({
      app: 'ledger',
      version: 'v2',
      type: 'SAVED_METADATA',
      payload: {
        ledger: 'shop',
        targetType: 'ACCOUNT',
        targetId: 'users:1',
        metadata: { tier: 'gold' },
      },
    });
  });

  it('lists accounts by prefix and transactions newest first', () => {
    const { ledger } = t.services;
    fund('shop', 'users:1', 1);
    fund('shop', 'users:2', 2);
    fund('shop', 'merchants:1', 3);

    expect(ledger.listAccounts('shop', { addressPrefix: 'users:' }).map((a) => a.address)).toEqual([
      'users:1',
      'users:2',
    ]);
    expect(ledger.listTransactions('shop').map((tx) => tx.id)).toEqual([2, 1, 0]);
    expect(ledger.listTransactions('shop', { limit: 1, offset: 1 }).map((tx) => tx.id)).toEqual([
      1,
    ]);
    expect(errorOf(() => ledger.listTransactions('nope')).code).toBe('NOT_FOUND');
  });

  it('keeps undelivered events across restarts', async () => {
    t.db.exec('BEGIN');
    fund('shop', 'users:1', 9);
    t.db.exec('COMMIT');
    // The event is still in the outbox: delivery was deferred to a later tick.
    expect(t.events).toHaveLength(0);
    t.reopen();
    await nextTick();

    expect(t.events).toHaveLength(1);
    expect(t.services.ledger.balanceOf('shop', 'users:1', 'EUR/2')).toBe(9n);
    await nextTick();
    expect(t.events).toHaveLength(1);
  });
});
