import { describe, expect, it } from 'vitest';

import { findEventSample } from '@/lib/orchestration/event-samples';

import {
  compileDiagnostics,
  evaluateTrigger,
  fromTriggerTest,
  matchesEnvelope,
  startsWorkflow,
} from './draft-evaluation';

const payload = findEventSample('COMMITTED_TRANSACTIONS')?.payload ?? {};

const definition = {
  event: 'COMMITTED_TRANSACTIONS',
  filter: 'event.ledger == "creators-eu" && event.transactions[0].postings[0].amount >= 100000',
  vars: {
    fanID: 'event.transactions[0].metadata.fan',
    cents: 'event.transactions[0].postings[0].amount',
    campaign: 'event.transactions[0].metadata.campaign ?? "none"',
  },
};

describe('evaluateTrigger', () => {
  it('runs in a browser-like environment', () => {
    // The evaluator is shared with the server; these tests run under jsdom (Vitest project "web").
    expect(typeof window).toBe('object');
    expect(typeof document.createElement).toBe('function');
  });

  it('matches and formats variables like testTrigger', () => {
    const result = evaluateTrigger(definition, payload);

    expect(result.filter).toEqual({ match: true });
    expect(result.variables).toEqual({
      fanID: { value: 'f-12' },
      cents: { value: '250000' },
      campaign: { value: 'none' },
    });
    expect(startsWorkflow(result)).toBe(true);
  });

  it('omits variables when the filter does not match', () => {
    const result = evaluateTrigger(definition, { ...payload, ledger: 'other' });

    expect(result.filter).toEqual({ match: false });
    expect(result.variables).toBeUndefined();
    expect(startsWorkflow(result)).toBe(false);
  });

  it('omits the filter when there is none', () => {
    const result = evaluateTrigger({ event: 'X', vars: { a: 'event.a' } }, { a: 1 });

    expect(result.filter).toBeUndefined();
    expect(result.variables).toEqual({ a: { value: '1' } });
  });

  it('reports a filter error as no match', () => {
    const result = evaluateTrigger({ event: 'X', filter: 'event.a.b == 1' }, {});

    expect(result.filter?.match).toBe(false);
    expect(result.filter?.error).toContain('cannot fetch b from <nil> (1:9)');
  });

  it('reports a variable error and does not start', () => {
    const result = evaluateTrigger({ event: 'X', vars: { sum: 'event.a + event.b' } }, {});

    expect(result.variables?.sum?.error).toContain('invalid operation');
    expect(startsWorkflow(result)).toBe(false);
  });

  it('does not follow link() in the browser', () => {
    const result = evaluateTrigger(
      { event: 'X', vars: { tier: 'link(event, "account").metadata.tier' } },
      { links: [{ name: 'account', uri: '/api/local/x' }] },
    );

    expect(result.variables?.tier?.error).toContain('not evaluated in the browser');
  });
});

describe('matchesEnvelope', () => {
  it('compares the type exactly', () => {
    expect(matchesEnvelope({ event: 'A' }, { type: 'A' })).toBe(true);
    expect(matchesEnvelope({ event: 'A' }, { type: 'a' })).toBe(false);
  });

  it('checks the version only when set', () => {
    expect(matchesEnvelope({ event: 'A', version: 'v2' }, { type: 'A', version: 'v1' })).toBe(
      false,
    );
    expect(matchesEnvelope({ event: 'A' }, { type: 'A', version: 'v1' })).toBe(true);
  });
});

describe('compileDiagnostics', () => {
  it('locates a syntax error', () => {
    const [error] = compileDiagnostics('event.ledger == ');

    expect(error?.message).toContain('unexpected token EOF');
    expect(error?.from).toBe(15);
  });

  it('locates an unknown name', () => {
    const [error] = compileDiagnostics('evnt.type == "A"');

    expect(error?.message).toContain('unknown name evnt');
    expect(error?.from).toBe(0);
  });

  it('accepts an empty or valid source', () => {
    expect(compileDiagnostics('  ')).toEqual([]);
    expect(compileDiagnostics('event.a > 1')).toEqual([]);
  });
});

describe('fromTriggerTest', () => {
  it('restores empty values the service omits', () => {
    const result = fromTriggerTest({
      filter: { match: true },
      variables: { a: {}, b: { value: 'x' }, c: { error: 'boom' } },
    });

    expect(result.variables).toEqual({ a: { value: '' }, b: { value: 'x' }, c: { error: 'boom' } });
  });

  it('treats a missing match as no match', () => {
    expect(fromTriggerTest({ filter: { error: 'bad' } }).filter).toEqual({
      match: false,
      error: 'bad',
    });
  });
});
