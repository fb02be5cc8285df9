import { describe, expect, it } from 'vitest';

import {
  approvalGatedRefund,
  cardTopupToWallet,
  tipCreator,
  weeklyPayout,
} from './example-workflows';
import { formatMonetary, previewPostings } from './postings';

describe('previewPostings', () => {
  it('shows movements with sample values substituted', () => {
    const preview = previewPostings(tipCreator.stages, {
      fanID: 'f-1',
      creatorID: 'c-2',
      cents: '350',
    });

    expect(preview.movements).toEqual([
      {
        stageIndex: 0,
        source: 'fans:f-1:wallet @ creators-eu',
        destination: 'creators:c-2:earnings @ creators-eu',
        amount: 350n,
        amountText: '350',
        asset: 'EUR/2',
      },
    ]);
    expect(preview.totals).toEqual([{ asset: 'EUR/2', amount: 350n, movements: 1 }]);
  });

  it('adds up amounts per asset across stages', () => {
    const preview = previewPostings(approvalGatedRefund.stages, { amount: '1200', ticket: 't' });

    expect(preview.movements.map((movement) => movement.stageIndex)).toEqual([0, 2]);
    expect(preview.totals).toEqual([{ asset: 'CAD/2', amount: 2400n, movements: 2 }]);
  });

  it('leaves unknown amounts out of the totals', () => {
    const preview = previewPostings(approvalGatedRefund.stages, {});

    expect(preview.totals).toEqual([]);
    expect(preview.unknownAmounts).toBe(2);
    expect(preview.movements[0]?.amountText).toBe('?');
  });

  it('describes wallets and payments with defaults', () => {
    const topup = previewPostings(cardTopupToWallet.stages, { paymentID: 'p1', customerID: '7' });
    const payout = previewPostings(weeklyPayout.stages, { walletID: 'w1' });

    expect(topup.movements[0]).toMatchObject({
      source: 'payment p1 @ treasury',
      destination: 'wallet "customer-7" / available',
      amountText: 'full payment amount',
    });
    expect(payout.movements[0]).toMatchObject({
      source: 'wallet w1 / main',
      destination: 'WISE PAYOUT',
      amount: 125000n,
    });
  });
});

describe('formatMonetary', () => {
  it('places the decimal point from the asset precision', () => {
    expect(formatMonetary(35000n, 'EUR/2')).toBe('350.00 EUR');
    expect(formatMonetary(5n, 'USD/2')).toBe('0.05 USD');
    expect(formatMonetary(12n, 'TOKEN/0')).toBe('12 TOKEN');
    expect(formatMonetary(7n, 'JPY')).toBe('7 JPY');
  });
});
