import { describe, expect, it } from 'vitest';

import type { TriggerOccurrence } from '@/lib/orchestration/schemas';
import type { TriggerSuiteCase } from '@/lib/orchestration/event-samples';

import { runSuiteCase, summarizeSuite } from './suite-run';
import { compareOnOccurrences } from './what-if';

function occurrence(id: string, payload: Record<string, unknown>, type = 'TX'): TriggerOccurrence {
  return {
    id,
    triggerID: 't',
    date: '2026-03-02T09:15:04Z',
    event: { type, version: 'v2', payload },
  };
}

const before = { event: 'TX', filter: 'event.amount >= 100', vars: { amount: 'event.amount' } };

describe('compareOnOccurrences', () => {
  const occurrences = [occurrence('a', { amount: 150 }), occurrence('b', { amount: 500 })];

  it('marks events that stop matching', () => {
    const after = { ...before, filter: 'event.amount >= 200' };
    const [first, second] = compareOnOccurrences(before, after, occurrences);

    expect(first?.before.matched).toBe(true);
    expect(first?.after.matched).toBe(false);
    expect(first?.changed).toBe(true);
    expect(second?.changed).toBe(false);
  });

  it('shows variable values before and after', () => {
    const after = { ...before, vars: { amount: 'event.amount * 2' } };
    const [first] = compareOnOccurrences(before, after, occurrences);

    expect(first?.variables).toEqual([
      { name: 'amount', before: '150', after: '300', changed: true },
    ]);
  });

  it('lists added and removed variables', () => {
    const after = { ...before, vars: { cents: 'event.amount' } };
    const [first] = compareOnOccurrences(before, after, occurrences);

    expect(first?.variables.map((change) => [change.name, change.before, change.after])).toEqual([
      ['amount', '150', '—'],
      ['cents', '—', '150'],
    ]);
  });

  it('does not match another event type', () => {
    const after = { ...before, event: 'OTHER' };
    const [first] = compareOnOccurrences(before, after, occurrences);

    expect(first?.after).toMatchObject({ matched: false, reason: 'other event type' });
  });

  it('keeps the filter error as the reason', () => {
    const after = { ...before, filter: 'event.missing.field == 1' };
    const [first] = compareOnOccurrences(before, after, occurrences);

    expect(first?.after.matched).toBe(false);
    expect(first?.after.reason).toContain('(1:15)');
  });
});

describe('runSuiteCase', () => {
  const matching: TriggerSuiteCase = {
    name: 'big',
    payload: { amount: 150 },
    expect: { match: true, variables: { amount: '150' } },
  };
  const small: TriggerSuiteCase = {
    name: 'small',
    payload: { amount: 5 },
    expect: { match: false },
  };

  it('passes when outcome and values agree', () => {
    expect(runSuiteCase(before, matching)).toMatchObject({ pass: true, failures: [] });
    expect(runSuiteCase(before, small).pass).toBe(true);
  });

  it('fails on an unexpected match', () => {
    const result = runSuiteCase({ ...before, filter: 'event.amount > 1' }, small);

    expect(result.pass).toBe(false);
    expect(result.failures).toEqual(['expected no match, but the filter matched']);
  });

  it('fails on a different value', () => {
    const result = runSuiteCase({ ...before, vars: { amount: 'event.amount + 1' } }, matching);

    expect(result.failures).toEqual(['amount: expected "150", got "151"']);
  });

  it('fails on a variable the trigger lacks', () => {
    const result = runSuiteCase({ ...before, vars: {} }, matching);

    expect(result.failures[0]).toContain('does not define it');
  });

  it('summarizes a suite', () => {
    const strict = { ...before, filter: 'event.amount >= 1000' };

    expect(summarizeSuite(before, [matching, small])).toEqual({ passed: 2, failed: 0 });
    expect(summarizeSuite(strict, [matching, small])).toEqual({ passed: 1, failed: 1 });
  });
});
