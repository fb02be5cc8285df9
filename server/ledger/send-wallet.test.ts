import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runSend } from './send-stage';
import { openStageHarness, rejectionOf, sendInput } from './test-support';
import { defaultWalletsLedger } from './wallets';

let h: ReturnType<typeof openStageHarness>;

beforeEach(() => {
  h = openStageHarness();
});

afterEach(() => {
  h.t.close();
});

const balance = (ledger: string, account: string, asset: string) =>
  h.t.services.ledger.balanceOf(ledger, account, asset);

function walletWith(
  name: string,
  amount: number,
  ledger?: string,
  metadata?: Record<string, string>,
) {
  const wallet = h.t.services.wallets.create({ name, ledger, metadata });
  if (amount > 0) {
    h.t.services.wallets.credit(wallet.id, { amount: { amount, asset: 'GBP/2' } });
  }
  return wallet;
}

const mainAssets = (id: string) => h.t.services.wallets.get(id).balances.main?.assets;

describe('runSend with wallets', () => {
  it('credits a wallet in the same ledger', async () => {
    h.t.services.ledger.createTransaction('shop', {
      postings: [{ source: 'world', destination: 'users:1', amount: 300, asset: 'GBP/2' }],
    });
    const wallet = walletWith('alice', 0, 'shop');
    await runSend(
      sendInput({
        source: { account: { id: 'users:1', ledger: 'shop' } },
        destination: { wallet: { id: wallet.id } },
        amount: { amount: 300, asset: 'GBP/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetWallet', 'CreditWallet']);
    expect(h.history[0]?.output).toMatchObject({
      data: { id: wallet.id, ledger: 'shop', balances: { main: { assets: {} } } },
    });
    expect(h.history[1]?.input).toEqual({
      id: wallet.id,
      data: {
        amount: { amount: 300, asset: 'GBP/2' },
        balance: 'main',
        metadata: {},
        sources: [{ type: 'ACCOUNT', identifier: 'users:1' }],
      },
    });
    expect(mainAssets(wallet.id)).toEqual({ 'GBP/2': 300 });
    expect(balance('shop', 'users:1', 'GBP/2')).toBe(0n);
  });

  it('credits a wallet in another ledger', async () => {
    const wallet = walletWith('customer-7', 0);
    h.t.services.ledger.createTransaction('shop', {
      postings: [{ source: 'world', destination: 'users:1', amount: 80, asset: 'GBP/2' }],
    });
    await runSend(
      sendInput({
        source: { account: { id: 'users:1', ledger: 'shop' } },
        destination: { wallet: { name: 'customer-7' } },
        amount: { amount: 80, asset: 'GBP/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['ListWallets', 'CreateTransaction', 'CreditWallet']);
    expect(h.history[0]).toMatchObject({
      input: { name: 'customer-7' },
      output: { cursor: { pageSize: 15, hasMore: false, data: [{ id: wallet.id }] } },
    });
    expect(h.history[2]?.input).toMatchObject({
      data: {
        sources: [{ type: 'ACCOUNT', identifier: 'world' }],
        metadata: { 'orchestration/move-from-ledger': 'shop' },
      },
    });
    expect(balance('shop', 'world', 'GBP/2')).toBe(0n);
    expect(mainAssets(wallet.id)).toEqual({ 'GBP/2': 80 });
  });

  it('debits to an account, same ledger', async () => {
    const wallet = walletWith('alice', 500, defaultWalletsLedger);
    await runSend(
      sendInput({
        source: { wallet: { id: wallet.id } },
        destination: { account: { id: 'merchants:1', ledger: defaultWalletsLedger } },
        amount: { amount: 200, asset: 'GBP/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetWallet', 'DebitWallet']);
    expect(h.history[1]?.input).toEqual({
      id: wallet.id,
      data: {
        amount: { amount: 200, asset: 'GBP/2' },
        balances: ['main'],
        metadata: {},
        destination: { type: 'ACCOUNT', identifier: 'merchants:1' },
      },
    });
    expect(h.history[1]?.output).toBeUndefined();
    expect(balance(defaultWalletsLedger, 'merchants:1', 'GBP/2')).toBe(200n);
  });

  it('debits to an account, other ledger', async () => {
    const wallet = walletWith('alice', 500);
    await runSend(
      sendInput({
        source: { wallet: { id: wallet.id } },
        destination: {
          account: {
            id: 'users:1',
            ledger: 'bank',
            throughAccount: 'bridge:in',
            allowOverdraft: true,
          },
        },
        amount: { amount: 120, asset: 'GBP/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetWallet', 'DebitWallet', 'CreateTransaction']);
    expect(mainAssets(wallet.id)).toEqual({ 'GBP/2': 380 });
    expect(balance('bank', 'bridge:in', 'GBP/2')).toBe(-120n);
    expect(balance('bank', 'users:1', 'GBP/2')).toBe(120n);
  });

  it('moves between wallets, same ledger', async () => {
    const alice = walletWith('alice', 100);
    const bob = walletWith('bob', 0);
    await runSend(
      sendInput({
        source: { wallet: { id: alice.id } },
        destination: { wallet: { name: 'bob' } },
        amount: { amount: 60, asset: 'GBP/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetWallet', 'ListWallets', 'CreditWallet']);
    expect(h.history[2]?.input).toMatchObject({
      id: bob.id,
      data: { sources: [{ type: 'WALLET', identifier: alice.id, balance: 'main' }] },
    });
    expect(mainAssets(alice.id)).toEqual({ 'GBP/2': 40 });
    expect(mainAssets(bob.id)).toEqual({ 'GBP/2': 60 });
  });

  it('moves between wallets, two ledgers', async () => {
    const alice = walletWith('alice', 100, 'wallets-eu');
    const bob = walletWith('bob', 0, 'wallets-uk');
    await runSend(
      sendInput({
        source: { wallet: { id: alice.id } },
        destination: { wallet: { id: bob.id } },
        amount: { amount: 100, asset: 'GBP/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetWallet', 'GetWallet', 'DebitWallet', 'CreditWallet']);
    expect(h.history[2]?.input).toMatchObject({
      data: { metadata: { 'orchestration/move-to-ledger': 'wallets-uk' } },
    });
    expect(mainAssets(alice.id)).toEqual({ 'GBP/2': 0 });
    expect(mainAssets(bob.id)).toEqual({ 'GBP/2': 100 });
  });

  it('pays a wallet out to a PSP', async () => {
    const wallet = walletWith('alice', 200000, undefined, { wiseRecipientID: 'rcp-88' });
    await runSend(
      sendInput({
        source: { wallet: { id: wallet.id, balance: 'main' } },
        destination: {
          payment: {
            psp: 'wise',
            type: 'PAYOUT',
            sourceAccount: 'acc-wise-gbp-01',
            metadata: 'wiseRecipientID',
          },
        },
        amount: { amount: 125000, asset: 'GBP/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetWallet', 'DebitWallet', 'CreateTransferInitiation']);
    expect(h.history[2]?.input).toMatchObject({
      provider: 'wise',
      type: 'PAYOUT',
      source: 'acc-wise-gbp-01',
      destination: 'rcp-88',
      amount: 125000,
    });
    expect(mainAssets(wallet.id)).toEqual({ 'GBP/2': 75000 });
    expect(h.t.services.payments.listTransferInitiations()[0]).toMatchObject({
      provider: 'WISE',
      type: 'PAYOUT',
    });
  });

  it('fails without funds before the payout', async () => {
    const wallet = walletWith('alice', 10, undefined, { formanceAccountID: 'x' });
    const error = await rejectionOf(
      runSend(
        sendInput({
          source: { wallet: { id: wallet.id } },
          destination: { payment: { psp: 'wise' } },
          amount: { amount: 11, asset: 'GBP/2' },
        }),
        h.ctx,
      ),
    );

    expect(error.code).toBe('INSUFFICIENT_FUND');
    expect(error.retryable).toBe(false);
    expect(h.names()).toEqual(['GetWallet', 'DebitWallet']);
    expect(h.t.services.payments.listTransferInitiations()).toEqual([]);
  });

  it('fails on unknown or ambiguous wallets', async () => {
    const send = (wallet: Record<string, string>) =>
      runSend(
        sendInput({
          source: { account: { id: 'world' } },
          destination: { wallet },
          amount: { amount: 1, asset: 'GBP/2' },
        }),
        h.ctx,
      );
    walletWith('twin', 0);
    walletWith('twin', 0);

    const unknownId = await rejectionOf(send({ id: 'no-such-wallet' }));
    const unknownName = await rejectionOf(send({ name: 'nobody' }));
    const ambiguous = await rejectionOf(send({ name: 'twin' }));

    expect(unknownId).toMatchObject({ code: 'NOT_FOUND', retryable: false });
    expect(unknownName).toMatchObject({ code: 'NOT_FOUND', retryable: false });
    expect(ambiguous).toMatchObject({ code: 'VALIDATION', retryable: false });
    expect(ambiguous.message).toMatch(/found 2 wallets named 'twin'/);
  });
});
