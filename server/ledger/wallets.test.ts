import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { errorOf, openTestDatabase, type TestDatabase } from './test-support';
import { defaultWalletsLedger } from './wallets';

let t: TestDatabase;

beforeEach(() => {
  t = openTestDatabase();
});

afterEach(() => {
  t.close();
});

const eur = (amount: number) => ({ amount, asset: 'EUR/2' });

describe('createWallets', () => {
  it('creates a wallet with a main balance', () => {
    const { wallets, ledger } = t.services;
    const wallet = wallets.create({ name: 'alice', metadata: { customer: 'c-1' } });

    expect(wallet).toMatchObject({
      name: 'alice',
      ledger: defaultWalletsLedger,
      metadata: { customer: 'c-1' },
      balances: { main: { assets: {} } },
    });
    expect(wallet.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ledger.findAccount(defaultWalletsLedger, `wallets:${wallet.id}:main`)?.metadata).toEqual(
      {
        'wallets/spec/type': 'wallets.primary',
        'wallets/id': wallet.id,
        'wallets/name': 'alice',
      },
    );
  });

  it('credits from world, accounts and wallets', () => {
    const { wallets, ledger } = t.services;
    const alice = wallets.create({ name: 'alice', ledger: 'shop' });
    const bob = wallets.create({ name: 'bob', ledger: 'shop' });
    wallets.credit(alice.id, { amount: eur(1000) });
    ledger.createTransaction('shop', {
      postings: [{ source: 'world', destination: 'treasury', amount: 300, asset: 'EUR/2' }],
    });
    wallets.credit(bob.id, {
      amount: eur(300),
      sources: [{ type: 'ACCOUNT', identifier: 'treasury' }],
    });
    wallets.credit(bob.id, {
      amount: eur(250),
      sources: [{ type: 'WALLET', identifier: alice.id }],
      metadata: { reason: 'gift' },
    });

    expect(wallets.get(alice.id).balances.main?.assets).toEqual({ 'EUR/2': 750 });
    expect(wallets.get(bob.id).balances.main?.assets).toEqual({ 'EUR/2': 550 });
    expect(ledger.balanceOf('shop', 'treasury', 'EUR/2')).toBe(0n);
    expect(ledger.listTransactions('shop', { limit: 1 })[0]).toMatchObject({
      metadata: { reason: 'gift' },
      postings: [
        { source: `wallets:${alice.id}:main`, destination: `wallets:${bob.id}:main`, amount: 250 },
      ],
    });
  });

  it('rejects a credit from an account without funds', () => {
    const { wallets } = t.services;
    const alice = wallets.create({ name: 'alice' });
    const error = errorOf(() =>
      wallets.credit(alice.id, {
        amount: eur(1),
        sources: [{ type: 'ACCOUNT', identifier: 'empty' }],
      }),
    );

    expect(error.code).toBe('INSUFFICIENT_FUND');
    expect(error.retryable).toBe(false);
  });

  it('credits a named balance only once it exists', () => {
    const { wallets } = t.services;
    const wallet = wallets.create({ name: 'alice', balances: ['available'] });
    wallets.credit(wallet.id, { amount: eur(5), balance: 'available' });

    expect(wallets.get(wallet.id).balances.available?.assets).toEqual({ 'EUR/2': 5 });
    expect(errorOf(() => wallets.credit(wallet.id, { amount: eur(5), balance: 'x' })).code).toBe(
      'VALIDATION',
    );
    expect(errorOf(() => wallets.createBalance(wallet.id, 'hold')).code).toBe('VALIDATION');
  });

  it('debits from several balances', () => {
    const { wallets, ledger } = t.services;
    const wallet = wallets.create({ name: 'alice', ledger: 'shop', balances: ['savings'] });
    wallets.credit(wallet.id, { amount: eur(100) });
    wallets.credit(wallet.id, { amount: eur(50), balance: 'savings' });
    wallets.debit(wallet.id, {
      amount: eur(120),
      balances: ['*'],
      destination: { type: 'ACCOUNT', identifier: 'merchants:1' },
    });

    expect(ledger.balanceOf('shop', 'merchants:1', 'EUR/2')).toBe(120n);
    expect(wallets.get(wallet.id).balances).toEqual({
      main: { assets: { 'EUR/2': 30 } },
      savings: { assets: { 'EUR/2': 0 } },
    });
  });

  it('rejects a debit above the balance', () => {
    const { wallets } = t.services;
    const wallet = wallets.create({ name: 'alice' });
    wallets.credit(wallet.id, { amount: eur(10) });
    const error = errorOf(() => wallets.debit(wallet.id, { amount: eur(11) }));

    expect(error.code).toBe('INSUFFICIENT_FUND');
    expect(wallets.get(wallet.id).balances.main?.assets).toEqual({ 'EUR/2': 10 });
  });

  it('holds a pending debit until it is confirmed', () => {
    const { wallets, ledger } = t.services;
    const wallet = wallets.create({ name: 'alice', ledger: 'shop' });
    wallets.credit(wallet.id, { amount: eur(100) });
    const hold = wallets.debit(wallet.id, {
      amount: eur(60),
      pending: true,
      destination: { type: 'ACCOUNT', identifier: 'merchants:1' },
      description: 'order 7',
    });
    if (!hold) {
      throw new Error('expected a hold');
    }
    const holdAccount = `wallets:${wallet.id}:hold:${hold.id}`;

    expect(hold).toMatchObject({ walletID: wallet.id, description: 'order 7', status: 'PENDING' });
    expect(ledger.balanceOf('shop', holdAccount, 'EUR/2')).toBe(60n);
    expect(wallets.get(wallet.id).balances.main?.assets).toEqual({ 'EUR/2': 40 });

    wallets.confirmHold(hold.id, { amount: 45, final: true });

    expect(ledger.balanceOf('shop', 'merchants:1', 'EUR/2')).toBe(45n);
    expect(ledger.balanceOf('shop', holdAccount, 'EUR/2')).toBe(0n);
    expect(wallets.get(wallet.id).balances.main?.assets).toEqual({ 'EUR/2': 55 });
    expect(wallets.getHold(hold.id).status).toBe('CONFIRMED');
    expect(errorOf(() => wallets.voidHold(hold.id)).code).toBe('VALIDATION');
  });

  it('voids the rest of a partial hold', () => {
    const { wallets, ledger } = t.services;
    const wallet = wallets.create({ name: 'alice', ledger: 'shop' });
    wallets.credit(wallet.id, { amount: eur(100) });
    const hold = wallets.debit(wallet.id, { amount: eur(80), pending: true });
    if (!hold) {
      throw new Error('expected a hold');
    }
    wallets.confirmHold(hold.id, { amount: 30 });

    expect(wallets.getHold(hold.id).status).toBe('PENDING');
    wallets.voidHold(hold.id);

    expect(wallets.getHold(hold.id).status).toBe('VOIDED');
    expect(ledger.balanceOf('shop', 'world', 'EUR/2')).toBe(-70n);
    expect(wallets.get(wallet.id).balances.main?.assets).toEqual({ 'EUR/2': 70 });
  });

  it('requires exactly one wallet for a name', () => {
    const { wallets } = t.services;
    const first = wallets.create({ name: 'shared' });

    expect(wallets.getByName('shared').id).toBe(first.id);
    wallets.create({ name: 'shared' });
    expect(errorOf(() => wallets.getByName('shared')).code).toBe('VALIDATION');
    expect(errorOf(() => wallets.getByName('nobody')).code).toBe('NOT_FOUND');
    expect(wallets.list({ name: 'shared' })).toHaveLength(2);
  });

  it('rejects unknown wallets and holds with NOT_FOUND', () => {
    const { wallets } = t.services;

    expect(errorOf(() => wallets.get('missing')).code).toBe('NOT_FOUND');
    expect(errorOf(() => wallets.credit('missing', { amount: eur(1) })).code).toBe('NOT_FOUND');
    expect(errorOf(() => wallets.confirmHold('missing')).code).toBe('NOT_FOUND');
  });

  it('rejects a wallet id with a colon', () => {
    const error = errorOf(() => t.services.wallets.create({ name: 'x', id: 'a:b' }));

    expect(error.code).toBe('VALIDATION');
    expect(t.services.wallets.list()).toEqual([]);
  });
});
