import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runSend } from './send-stage';
import { nextTick, openStageHarness, rejectionOf, sendInput } from './test-support';

let h: ReturnType<typeof openStageHarness>;

beforeEach(() => {
  h = openStageHarness();
});

afterEach(() => {
  h.t.close();
});

function fund(ledger: string, account: string, amount: number, asset: string) {
  h.t.services.ledger.createTransaction(ledger, {
    postings: [{ source: 'world', destination: account, amount, asset }],
  });
}

const balance = (ledger: string, account: string, asset: string) =>
  h.t.services.ledger.balanceOf(ledger, account, asset);

describe('runSend from an account', () => {
  it('moves money within one ledger', async () => {
    fund('creators-eu', 'fans:f-7731:wallet', 1000, 'EUR/2');
    await runSend(
      sendInput({
        source: { account: { id: 'fans:f-7731:wallet', ledger: 'creators-eu' } },
        destination: { account: { id: 'creators:c-204:earnings', ledger: 'creators-eu' } },
        amount: { amount: '350', asset: 'EUR/2' },
        metadata: { reason: 'tip' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['CreateTransaction']);
    expect(h.history[0]?.input).toEqual({
      Ledger: 'creators-eu',
      Data: {
        postings: [
          {
            source: 'fans:f-7731:wallet',
            destination: 'creators:c-204:earnings',
            amount: 350,
            asset: 'EUR/2',
          },
        ],
        metadata: { reason: 'tip' },
      },
    });
    expect(h.history[0]?.output).toMatchObject({
      data: [{ txid: 1, id: 1, metadata: { reason: 'tip' }, postings: [{ amount: 350 }] }],
    });
    expect(balance('creators-eu', 'fans:f-7731:wallet', 'EUR/2')).toBe(650n);
    expect(balance('creators-eu', 'creators:c-204:earnings', 'EUR/2')).toBe(350n);
  });

  it('uses the default ledger when none is given', async () => {
    fund('default', 'a', 5, 'USD');
    await runSend(
      sendInput({
        source: { account: { id: 'a' } },
        destination: { account: { id: 'b' } },
        amount: { amount: 5, asset: 'USD' },
      }),
      h.ctx,
    );

    expect(balance('default', 'b', 'USD')).toBe(5n);
  });

  it('bridges two ledgers through their through accounts', async () => {
    fund('marketplace', 'escrow:o-1', 9000, 'USD/2');
    await runSend(
      sendInput({
        source: {
          account: {
            id: 'escrow:o-1',
            ledger: 'marketplace',
            throughAccount: 'bridge:to-merchants',
          },
        },
        destination: {
          account: {
            id: 'merchants:m-1',
            ledger: 'merchant-books',
            throughAccount: 'bridge:from-marketplace',
            allowOverdraft: true,
          },
        },
        amount: { amount: 9000, asset: 'USD/2' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['CreateTransaction', 'CreateTransaction']);
    expect(h.history[0]?.input).toMatchObject({
      Ledger: 'marketplace',
      Data: {
        postings: [{ source: 'escrow:o-1', destination: 'bridge:to-merchants', amount: 9000 }],
        metadata: { 'orchestration/move-to-ledger': 'merchant-books' },
      },
    });
    expect(h.history[1]?.input).toEqual({
      Ledger: 'merchant-books',
      Data: {
        script: {
          plain:
            'send [USD/2 9000] (\n  source = @bridge:from-marketplace allowing unbounded overdraft\n' +
            '  destination = @merchants:m-1\n)',
          vars: {},
        },
        metadata: { 'orchestration/move-from-ledger': 'marketplace' },
      },
    });
    expect(balance('marketplace', 'escrow:o-1', 'USD/2')).toBe(0n);
    expect(balance('marketplace', 'bridge:to-merchants', 'USD/2')).toBe(9000n);
    expect(balance('merchant-books', 'bridge:from-marketplace', 'USD/2')).toBe(-9000n);
    expect(balance('merchant-books', 'merchants:m-1', 'USD/2')).toBe(9000n);
  });

  it('lets an overdraft source go negative', async () => {
    await runSend(
      sendInput({
        source: { account: { id: 'credit:line', ledger: 'a', allowOverdraft: 'true' } },
        destination: { account: { id: 'users:1', ledger: 'b' } },
        amount: { amount: 40, asset: 'EUR/2' },
      }),
      h.ctx,
    );

    expect(balance('a', 'credit:line', 'EUR/2')).toBe(-40n);
    expect(balance('a', 'world', 'EUR/2')).toBe(40n);
    expect(balance('b', 'users:1', 'EUR/2')).toBe(40n);
  });

  it('fails at once on insufficient funds', async () => {
    fund('shop', 'revenue:refund-pool', 10, 'CAD/2');
    const error = await rejectionOf(
      runSend(
        sendInput({
          source: { account: { id: 'revenue:refund-pool', ledger: 'shop' } },
          destination: { account: { id: 'escrow:refund:t-1', ledger: 'shop' } },
          amount: { amount: 11, asset: 'CAD/2' },
        }),
        h.ctx,
      ),
    );

    expect(error.code).toBe('INSUFFICIENT_FUND');
    expect(error.retryable).toBe(false);
    expect(h.history[0]).toMatchObject({ name: 'CreateTransaction', retryable: false });
    expect(balance('shop', 'revenue:refund-pool', 'CAD/2')).toBe(10n);
    expect(h.t.services.ledger.listTransactions('shop')).toHaveLength(1);
  });

  it('rejects a bad asset as a validation error', async () => {
    const error = await rejectionOf(
      runSend(
        sendInput({
          source: { account: { id: 'world' } },
          destination: { account: { id: 'b' } },
          amount: { amount: 1, asset: 'eur/2' },
        }),
        h.ctx,
      ),
    );

    expect(error.code).toBe('VALIDATION');
    expect(error.retryable).toBe(false);
  });

  it('rejects a missing amount', async () => {
    const input = sendInput({
      source: { account: { id: 'a' } },
      destination: { account: { id: 'b' } },
      amount: { amount: 1, asset: 'USD' },
    });
    const error = await rejectionOf(runSend({ ...input, amount: undefined }, h.ctx));

    expect(error.message).toMatch(/amount is required/);
    expect(h.history).toEqual([]);
  });

  it('pays out to a PSP account', async () => {
    fund('shop', 'users:42', 700, 'EUR/2');
    h.t.services.ledger.addAccountMetadata('shop', 'users:42', { stripeAccount: 'acct_123' });
    await runSend(
      sendInput({
        source: { account: { id: 'users:42', ledger: 'shop', throughAccount: 'payouts:pending' } },
        destination: { payment: { psp: 'stripe', metadata: 'stripeAccount', connectorId: 'c-1' } },
        amount: { amount: 700, asset: 'EUR/2' },
        metadata: { batch: 'b-1' },
      }),
      h.ctx,
    );

    expect(h.names()).toEqual(['GetAccount', 'CreateTransaction', 'CreateTransferInitiation']);
    expect(h.history[0]).toMatchObject({
      input: { ledger: 'shop', id: 'users:42' },
      output: { data: { address: 'users:42', metadata: { stripeAccount: 'acct_123' } } },
    });
    expect(h.history[2]?.input).toEqual({
      amount: 700,
      asset: 'EUR/2',
      provider: 'stripe',
      type: 'TRANSFER',
      destination: 'acct_123',
      connectorID: 'c-1',
      metadata: { batch: 'b-1' },
      waitingValidation: false,
    });
    expect(balance('shop', 'payouts:pending', 'EUR/2')).toBe(700n);
    expect(h.t.services.payments.listTransferInitiations()).toEqual([
      expect.objectContaining({
        provider: 'STRIPE',
        destination: 'acct_123',
        status: 'PROCESSING',
      }),
    ]);
  });

  it('fails without the payout account id', async () => {
    fund('shop', 'users:42', 700, 'EUR/2');
    const error = await rejectionOf(
      runSend(
        sendInput({
          source: { account: { id: 'users:42', ledger: 'shop' } },
          destination: { payment: { psp: 'wise' } },
          amount: { amount: 1, asset: 'EUR/2' },
        }),
        h.ctx,
      ),
    );

    expect(error.message).toMatch(/no metadata 'formanceAccountID'/);
    expect(error.retryable).toBe(false);
    expect(h.names()).toEqual(['GetAccount']);
    expect(balance('shop', 'users:42', 'EUR/2')).toBe(700n);
  });

  it('posts nothing when the runner rolls back', async () => {
    fund('shop', 'a', 100, 'USD');
    await nextTick();
    const eventsBefore = h.t.events.length;
    const input = sendInput({
      source: { account: { id: 'a', ledger: 'shop' } },
      destination: { account: { id: 'b', ledger: 'shop' } },
      amount: { amount: 60, asset: 'USD' },
    });
    h.control.failAfterExecute = true;
    const crash = await runSend(input, h.ctx).catch((error: { retryable?: boolean }) => error);
    await nextTick();

    expect(crash).toMatchObject({ retryable: true });
    expect(balance('shop', 'b', 'USD')).toBe(0n);
    expect(h.t.services.ledger.listTransactions('shop')).toHaveLength(1);
    expect(h.t.events).toHaveLength(eventsBefore);

    h.control.failAfterExecute = false;
    await runSend(input, h.ctx);
    await nextTick();

    expect(balance('shop', 'b', 'USD')).toBe(60n);
    expect(h.t.services.ledger.listTransactions('shop')).toHaveLength(2);
    expect(h.t.events).toHaveLength(eventsBefore + 1);
  });
});
