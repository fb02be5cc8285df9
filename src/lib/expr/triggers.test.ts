import { describe, expect, it, vi } from 'vitest';

import {
  ExprError,
  compile,
  evaluate,
  evaluateAsync,
  formatExprError,
  formatFlowsError,
  formatVarValue,
} from './index';

/* Trigger fixtures of the Formance Flows API digest, with its testTrigger payload and response. */
const largeEurCommit = {
  filter:
    'event.ledger == "creators-eu" && any(event.transactions[0].postings, {#.asset == "EUR/2" && #.amount >= 100000})',
  vars: {
    fanID: 'event.transactions[0].metadata.fan',
    creatorID: 'event.transactions[0].metadata.creator',
    cents: 'event.transactions[0].postings[0].amount',
    campaign: 'event.transactions[0].metadata.campaign ?? "none"',
  },
};
const capturedCardPayins = {
  filter: 'event.type == "PAY-IN" && event.status == "SUCCEEDED"',
  vars: { paymentID: 'event.id', customerID: 'event.metadata.customer' },
};
const vipPayoutProbe =
  'event.type == "PAYOUT" && link(event, "destination_account").metadata.tier == "vip"';

const testPayload = JSON.parse(
  '{"ledger":"creators-eu","transactions":[{"id":981,"metadata":{"fan":"f-12","creator":"c-9"},' +
    '"postings":[{"source":"fans:f-12:wallet","destination":"creators:c-9:earnings",' +
    '"amount":250000,"asset":"EUR/2"}]}]}',
) as unknown;

function filterMatches(source: string, payload: unknown): boolean {
  return evaluate(compile(source), { event: payload }) === true;
}

function evaluateVars(vars: Record<string, string>, payload: unknown) {
  return Object.fromEntries(
    Object.entries(vars).map(([name, source]) => [
      name,
      formatVarValue(evaluate(compile(source), { event: payload })),
    ]),
  );
}

function failure(run: () => unknown): ExprError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExprError) return error;
    throw error;
  }
  throw new Error('expected an ExprError');
}

describe('trigger fixtures', () => {
  it('matches the testTrigger payload and produces the documented variables', () => {
    expect(filterMatches(largeEurCommit.filter, testPayload)).toBe(true);
    expect(evaluateVars(largeEurCommit.vars, testPayload)).toEqual({
      fanID: 'f-12',
      creatorID: 'c-9',
      cents: '250000',
      campaign: 'none',
    });
  });

  it('does not match small or non-EUR postings', () => {
    const small = structuredClone(testPayload) as {
      transactions: { postings: { amount: number; asset: string }[] }[];
    };
    (small.transactions[0]?.postings[0] as { amount: number }).amount = 99999;
    expect(filterMatches(largeEurCommit.filter, small)).toBe(false);
    expect(filterMatches(largeEurCommit.filter, { ledger: 'other' })).toBe(false);
  });

  it('keeps the campaign when the metadata has one', () => {
    const payload = structuredClone(testPayload) as {
      transactions: { metadata: Record<string, string> }[];
    };
    (payload.transactions[0] as { metadata: Record<string, string> }).metadata.campaign = 'spring';
    expect(evaluateVars(largeEurCommit.vars, payload).campaign).toBe('spring');
  });

  it('fails the filter on a payload without transactions', () => {
    const error = failure(() => filterMatches(largeEurCommit.filter, { ledger: 'creators-eu' }));
    const column = largeEurCommit.filter.indexOf('[0]') + 1;
    expect(error.message).toBe(`cannot fetch 0 from <nil> (1:${column})`);
  });

  it('evaluates the card pay-in trigger', () => {
    const payment = {
      id: 'pay_1',
      type: 'PAY-IN',
      status: 'SUCCEEDED',
      metadata: { customer: 'c1' },
    };
    expect(filterMatches(capturedCardPayins.filter, payment)).toBe(true);
    expect(filterMatches(capturedCardPayins.filter, { ...payment, status: 'PENDING' })).toBe(false);
    expect(evaluateVars(capturedCardPayins.vars, payment)).toEqual({
      paymentID: 'pay_1',
      customerID: 'c1',
    });
    expect(() => evaluateVars(capturedCardPayins.vars, { id: 'p' })).toThrow(
      'cannot fetch customer from <nil> (1:16)',
    );
  });

  it('reproduces the Formance error for a missing nested key', () => {
    const source = 'get(event.transactions[0].metadata, "payout_cycle") ?? ""';
    const error = failure(() => evaluate(compile(source), { event: { id: 'adj-1' } }));
    expect(error.message).toBe('cannot fetch 0 from <nil> (1:23)');
    expect(formatExprError(source, error)).toBe(
      `cannot fetch 0 from <nil> (1:23)\n | ${source}\n | ${'.'.repeat(22)}^`,
    );
  });
});

describe('link()', () => {
  const payout = {
    type: 'PAYOUT',
    links: [{ name: 'destination_account', uri: 'http://127.0.0.1/accounts/a1' }],
  };

  it('delegates to the link option', () => {
    const link = vi.fn((_target: unknown, rel: string) => {
      return rel === 'destination_account' ? { metadata: { tier: 'vip' } } : null;
    });
    expect(evaluate(compile(vipPayoutProbe), { event: payout }, { link })).toBe(true);
    expect(link).toHaveBeenCalledWith(payout, 'destination_account');
  });

  it('is not called when the filter short-circuits', () => {
    const link = vi.fn(() => ({ metadata: { tier: 'vip' } }));
    expect(evaluate(compile(vipPayoutProbe), { event: { type: 'PAY-IN' } }, { link })).toBe(false);
    expect(link).not.toHaveBeenCalled();
  });

  it('fails without a link option', () => {
    const error = failure(() => evaluate(compile(vipPayoutProbe), { event: payout }));
    expect(error.reason).toBe('link() is not available here');
  });

  it('reports link errors with their own message, as Formance does', () => {
    const link = () => {
      throw new Error("link 'destination_account' not defined for object");
    };
    const error = failure(() => evaluate(compile(vipPayoutProbe), { event: payout }, { link }));
    expect(error.wrapped).toBe(true);
    expect(formatFlowsError(vipPayoutProbe, error)).toBe(
      "link 'destination_account' not defined for object",
    );
  });

  it('checks the argument count and the rel type', () => {
    const link = () => ({});
    const run = (source: string) => evaluate(compile(source), { event: payout }, { link });
    expect(failure(() => run('link(event)')).reason).toBe('expect two arguments, got 1');
    expect(failure(() => run('link(event, 1)')).reason).toBe('second parameter must be a string');
  });

  it('awaits asynchronous links and fetches each one once', async () => {
    const link = vi.fn(async (_target: unknown, rel: string) => ({ metadata: { tier: rel } }));
    const source =
      'link(event, "destination_account").metadata.tier + "/" + link(event, "source").metadata.tier' +
      ' + "/" + link(event, "source").metadata.tier';
    const value = await evaluateAsync(compile(source), { event: payout }, { link });
    expect(value).toBe('destination_account/source/source');
    expect(link).toHaveBeenCalledTimes(2);
  });

  it('rejects a promise in synchronous evaluation', () => {
    const link = async () => ({});
    const error = failure(() => evaluate(compile(vipPayoutProbe), { event: payout }, { link }));
    expect(error.reason).toContain('evaluateAsync');
  });

  it('propagates asynchronous link failures', async () => {
    const link = async () => {
      throw new Error('unexpected status code when reading resource: 404');
    };
    await expect(
      evaluateAsync(compile(vipPayoutProbe), { event: payout }, { link }),
    ).rejects.toThrow('unexpected status code when reading resource: 404');
  });
});
