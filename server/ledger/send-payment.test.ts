import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { paymentHoldingAccount } from './send-common';
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

function payment(id: string, initialAmount: number, asset = 'EUR/2') {
  return h.t.services.payments.save({
    id,
    initialAmount,
    asset,
    provider: 'STRIPE',
    scheme: 'visa',
  });
}

describe('runSend from a payment', () => {
  it('moves a whole payment to an account', async () => {
    payment('pay-1', 1000);
    await runSend(
      sendInput({
        source: { payment: { id: 'pay-1' } },
        destination: { account: { id: 'users:1' } },
      }),
      h.ctx,
    );

    const ledger = 'orchestration-000-internal';
    expect(h.names()).toEqual([
      'GetPayment',
      'CreateTransaction',
      'CreateTransaction',
      'CreateTransaction',
    ]);
    expect(h.history[0]?.output).toMatchObject({
      data: {
        id: 'pay-1',
        provider: 'STRIPE',
        status: 'SUCCEEDED',
        type: 'PAY-IN',
        scheme: 'visa',
      },
    });
    expect(h.history[1]?.input).toEqual({
      Ledger: ledger,
      Data: {
        postings: [{ source: 'world', destination: 'payment:pay_1', amount: 1000, asset: 'EUR/2' }],
        metadata: {},
        reference: 'payment:pay_1',
      },
    });
    // The holding account is in the payment ledger and the destination in `default`.
    expect(h.history[2]?.input).toMatchObject({
      Ledger: ledger,
      Data: { postings: [{ source: 'payment:pay_1', destination: 'world' }] },
    });
    expect(h.history[3]?.input).toMatchObject({
      Ledger: 'default',
      Data: { postings: [{ source: 'world', destination: 'users:1' }] },
    });
    expect(balance(ledger, 'payment:pay_1', 'EUR/2')).toBe(0n);
    expect(balance(ledger, 'world', 'EUR/2')).toBe(0n);
    expect(balance('default', 'users:1', 'EUR/2')).toBe(1000n);
  });

  it('tolerates a payment that was ingested before', async () => {
    payment('pay-2', 1000);
    const send = (amount: number) =>
      runSend(
        sendInput({
          source: { payment: { id: 'pay-2', ledger: 'psp' } },
          destination: { account: { id: 'users:1', ledger: 'psp' } },
          amount: { amount, asset: 'EUR/2' },
        }),
        h.ctx,
      );
    await send(400);
    await send(600);

    expect(h.history[4]).toMatchObject({ name: 'CreateTransaction', code: 'CONFLICT' });
    expect(h.names()).toHaveLength(6);
    expect(balance('psp', 'payment:pay_2', 'EUR/2')).toBe(0n);
    expect(balance('psp', 'users:1', 'EUR/2')).toBe(1000n);
    expect(h.t.services.ledger.listTransactions('psp')).toHaveLength(3);
  });

  it('credits a wallet through custom ingestion accounts', async () => {
    payment('pay-3', 2500);
    const wallet = h.t.services.wallets.create({ name: 'customer-c1', balances: ['available'] });
    await runSend(
      sendInput({
        source: {
          payment: {
            id: 'pay-3',
            ledger: 'treasury',
            holdingAccount: 'psp:adyen:held:pay-3',
            throughAccount: 'psp:adyen:clearing',
            allowOverdraft: true,
          },
        },
        destination: { wallet: { name: 'customer-c1', balance: 'available' } },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual([
      'GetPayment',
      'CreateTransaction',
      'ListWallets',
      'CreateTransaction',
      'CreditWallet',
    ]);
    expect(h.history[1]?.input).toMatchObject({
      Ledger: 'treasury',
      Data: { reference: 'psp:adyen:held:pay-3', script: { vars: {} } },
    });
    expect(balance('treasury', 'psp:adyen:clearing', 'EUR/2')).toBe(-2500n);
    expect(balance('treasury', 'psp:adyen:held:pay-3', 'EUR/2')).toBe(0n);
    expect(h.t.services.wallets.get(wallet.id).balances.available?.assets).toEqual({
      'EUR/2': 2500,
    });
    expect(balance(defaultWalletsLedger, 'world', 'EUR/2')).toBe(-2500n);
  });

  it('credits a wallet in the payment ledger', async () => {
    payment('pay-4', 300);
    const wallet = h.t.services.wallets.create({ name: 'w', ledger: 'orchestration-000-internal' });
    await runSend(
      sendInput({
        source: { payment: { id: 'pay-4' } },
        destination: { wallet: { id: wallet.id } },
        amount: { amount: 100, asset: 'EUR/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetPayment', 'CreateTransaction', 'GetWallet', 'CreditWallet']);
    expect(h.history[3]?.input).toMatchObject({
      data: { sources: [{ type: 'ACCOUNT', identifier: 'payment:pay_4' }] },
    });
    expect(h.t.services.wallets.get(wallet.id).balances.main?.assets).toEqual({ 'EUR/2': 100 });
    expect(balance('orchestration-000-internal', 'payment:pay_4', 'EUR/2')).toBe(200n);
  });

  it('fails at once on an unknown payment', async () => {
    const error = await rejectionOf(
      runSend(
        sendInput({
          source: { payment: { id: 'missing' } },
          destination: { account: { id: 'users:1' } },
        }),
        h.ctx,
      ),
    );

    expect(error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
    expect(h.names()).toEqual(['GetPayment']);
  });

  it('rejects a payment to a payment', async () => {
    const input = sendInput({
      source: { payment: { id: 'p' } },
      destination: { account: { id: 'a' } },
    });
    const error = await rejectionOf(
      runSend(
        {
          ...input,
          destination: {
            payment: { psp: 'stripe', type: 'TRANSFER', metadata: 'k', waitingValidation: false },
          },
        },
        h.ctx,
      ),
    );

    expect(error.message).toBe('sending from a payment to a payment is not supported');
    expect(error.retryable).toBe(false);
    expect(h.history).toEqual([]);
  });

  it('names the default holding account', () => {
    expect(paymentHoldingAccount('5f0c2a9e-1d7b-4c1e')).toBe('payment:5f0c2a9e_1d7b_4c1e');
  });
});
