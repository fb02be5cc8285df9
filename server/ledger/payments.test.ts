import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { errorOf, openTestDatabase, type TestDatabase } from './test-support';

let t: TestDatabase;
let now = new Date('2025-03-02T09:00:00.000Z');

beforeEach(() => {
  now = new Date('2025-03-02T09:00:00.000Z');
  t = openTestDatabase(() => now);
});

afterEach(() => {
  t.close();
});

describe('createPayments', () => {
  it('saves a payment with defaults and emits SAVED_PAYMENT', () => {
    const payment = t.services.payments.save({
      id: 'pay-1',
      initialAmount: 1500,
      asset: 'EUR/2',
      metadata: { customer: 'c-9' },
    });

    expect(payment).toEqual({
      id: 'pay-1',
      provider: 'DUMMY-PAY',
      connectorID: 'local-dummy-pay',
      type: 'PAY-IN',
      status: 'SUCCEEDED',
      scheme: 'other',
      initialAmount: 1500,
      amount: 1500,
      asset: 'EUR/2',
      reference: 'pay-1',
      metadata: { customer: 'c-9' },
      sourceAccountID: '',
      destinationAccountID: '',
      createdAt: '2025-03-02T09:00:00.000Z',
      adjustments: [],
      raw: {},
    });
    expect(t.events).toEqual([
      expect.objectContaining({
        app: 'payments',
        version: 'v2',
        type: 'SAVED_PAYMENT',
        payload: { ...payment, links: [] },
      }),
    ]);
  });

  it('replaces a payment but keeps its creation date', () => {
    const { payments } = t.services;
    payments.save({ id: 'pay-1', initialAmount: 10, asset: 'USD/2', status: 'PENDING' });
    now = new Date('2025-03-03T00:00:00.000Z');
    const updated = payments.save({ id: 'pay-1', initialAmount: 10, asset: 'USD/2' });

    expect(updated.status).toBe('SUCCEEDED');
    expect(updated.createdAt).toBe('2025-03-02T09:00:00.000Z');
    expect(payments.list()).toHaveLength(1);
    expect(t.events).toHaveLength(2);
  });

  it('rejects unknown enum values and assets', () => {
    const { payments } = t.services;
    const invalid = [
      { initialAmount: 1, asset: 'EUR/2', provider: 'ADYEN' },
      { initialAmount: 1, asset: 'EUR/2', status: 'DONE' },
      { initialAmount: 1, asset: 'EUR/2', type: 'REFUND' },
      { initialAmount: 1, asset: 'eur' },
      { initialAmount: -5, asset: 'EUR/2' },
    ];
    for (const input of invalid) {
      const error = errorOf(() => payments.save(input as never));
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
    }
    expect(t.events).toEqual([]);
  });

  it('reports an unknown payment as NOT_FOUND', () => {
    expect(errorOf(() => t.services.payments.get('nope')).code).toBe('NOT_FOUND');
  });

  it('records transfer initiations with an upper-cased provider', () => {
    const { payments } = t.services;
    const transfer = payments.createTransferInitiation({
      amount: 125000,
      asset: 'GBP/2',
      provider: 'wise',
      type: 'PAYOUT',
      destination: 'acc-recipient',
      source: 'acc-wise-gbp-01',
      metadata: { week: '12' },
      waitingValidation: true,
    });

    expect(transfer).toMatchObject({
      amount: 125000,
      provider: 'WISE',
      type: 'PAYOUT',
      description: 'wise PAYOUT',
      status: 'WAITING_FOR_VALIDATION',
    });
    expect(payments.listTransferInitiations()).toEqual([transfer]);
  });

  it('rejects invalid transfer initiations', () => {
    const { payments } = t.services;
    const base = { amount: 1, asset: 'USD', destination: 'x' };

    expect(errorOf(() => payments.createTransferInitiation({ ...base, type: 'REFUND' })).code).toBe(
      'VALIDATION',
    );
    expect(
      errorOf(() => payments.createTransferInitiation({ ...base, provider: 'paypal' })).code,
    ).toBe('VALIDATION');
    expect(
      errorOf(() => payments.createTransferInitiation({ ...base, destination: '' })).code,
    ).toBe('VALIDATION');
  });
});
