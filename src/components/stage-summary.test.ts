import { describe, expect, it } from 'vitest';

import { describeSubject, splitStage, stageOneLiner, summarizeStage } from './stage-summary';

describe('splitStage', () => {
  it('returns the only key and its config', () => {
    expect(splitStage({ delay: { duration: '45s' } })).toEqual({
      kind: 'delay',
      config: { duration: '45s' },
    });
  });

  it('treats an empty element as unknown', () => {
    expect(splitStage({})).toEqual({ kind: 'unknown', config: {} });
  });
});

describe('describeSubject', () => {
  it.each([
    [{ account: { id: 'users:1', ledger: 'shop' } }, 'users:1 @ shop'],
    [{ account: { id: 'world' } }, 'world'],
    [
      { wallet: { name: 'customer-${id}', balance: 'available' } },
      'wallet customer-${id} (available)',
    ],
    [{ payment: { id: 'pay-1' } }, 'payment pay-1'],
    [{ payment: { psp: 'wise', type: 'PAYOUT' } }, 'payment via wise (PAYOUT)'],
    [undefined, '?'],
  ])('describes %j as %s', (subject, expected) => {
    expect(describeSubject(subject)).toBe(expected);
  });
});

describe('summarizeStage', () => {
  it('summarizes a send with its amount', () => {
    const fields = summarizeStage('send', {
      source: { account: { id: 'a' } },
      destination: { account: { id: 'b' } },
      amount: { amount: 125000, asset: 'GBP/2' },
    });

    expect(fields).toEqual([
      { label: 'From', value: 'a' },
      { label: 'To', value: 'b' },
      { label: 'Amount', value: '125000 GBP/2' },
    ]);
  });

  it('uses the full payment when a payment source has no amount', () => {
    const fields = summarizeStage('send', {
      source: { payment: { id: 'p' } },
      destination: { wallet: { id: 'w' } },
    });

    expect(fields[2]).toEqual({ label: 'Amount', value: 'full payment' });
  });

  it('shows delay until, wait_event and update fields', () => {
    expect(summarizeStage('delay', { until: '2025-06-01T08:00:00Z' })).toEqual([
      { label: 'Until', value: '2025-06-01T08:00:00Z' },
    ]);
    expect(summarizeStage('wait_event', { event: 'approve' })).toEqual([
      { label: 'Event', value: 'approve' },
    ]);
    expect(
      summarizeStage('update', { account: { id: 'm:1', metadata: { a: '1', b: '2' } } }),
    ).toEqual([
      { label: 'Account', value: 'm:1' },
      { label: 'Metadata', value: 'a, b' },
    ]);
  });

  it('has no fields for noop', () => {
    expect(summarizeStage('noop', {})).toEqual([]);
  });
});

describe('stageOneLiner', () => {
  it('joins a send into one line', () => {
    const line = stageOneLiner('send', {
      source: { account: { id: 'a' } },
      destination: { account: { id: 'b' } },
      amount: { amount: '350', asset: 'EUR/2' },
    });

    expect(line).toBe('a → b · 350 EUR/2');
  });

  it('labels other kinds', () => {
    expect(stageOneLiner('delay', { duration: '72h' })).toBe('duration: 72h');
  });
});
