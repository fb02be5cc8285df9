import { describe, expect, it } from 'vitest';

import { eventSamples } from '@/lib/orchestration/event-samples';

import { listPayloadPaths } from './payload-paths';
import { parsePayload } from './payload-text';
import { draftFromTrigger, emptyDraft, toTriggerData, validateDraft } from './trigger-draft';

describe('toTriggerData', () => {
  it('leaves empty optional fields out', () => {
    const data = toTriggerData({ ...emptyDraft(), event: 'TX', workflowID: 'w' });

    expect(data).toEqual({ event: 'TX', workflowID: 'w' });
  });

  it('round-trips a trigger', () => {
    const trigger = {
      id: 't',
      createdAt: '2026-01-01T00:00:00Z',
      event: 'TX',
      workflowID: 'w',
      name: 'n',
      version: 'v2',
      filter: 'event.a == 1',
      vars: { a: 'event.a' },
    };
    const { id: _id, createdAt: _createdAt, ...data } = trigger;

    expect(toTriggerData(draftFromTrigger(trigger))).toEqual(data);
  });
});

describe('validateDraft', () => {
  const valid = { ...emptyDraft(), event: 'TX', workflowID: 'w' };

  it('accepts a minimal draft', () => {
    expect(validateDraft(valid)).toEqual([]);
  });

  it('requires an event and a workflow', () => {
    expect(validateDraft(emptyDraft()).map((problem) => problem.field)).toEqual([
      'event',
      'workflow',
    ]);
  });

  it('reports filter compile errors', () => {
    const [problem] = validateDraft({ ...valid, filter: 'event.a ==' });

    expect(problem?.message).toContain('Filter: unexpected token EOF');
  });

  it.each([
    ['no name', { id: 1, name: ' ', expression: 'event.a' }, 'has no name'],
    ['no expression', { id: 1, name: 'a', expression: '' }, 'has no expression'],
    ['a brace', { id: 1, name: 'a}', expression: 'event.a' }, 'cannot be used'],
    ['a compile error', { id: 1, name: 'a', expression: 'event.' }, 'Variable "a":'],
  ])('reports a variable with %s', (_label, variable, message) => {
    const problems = validateDraft({ ...valid, vars: [variable] });

    expect(problems[0]?.message).toContain(message);
  });

  it('reports duplicate variable names', () => {
    const vars = [
      { id: 1, name: 'a', expression: 'event.a' },
      { id: 2, name: 'a', expression: 'event.b' },
    ];

    expect(validateDraft({ ...valid, vars }).map((problem) => problem.message)).toEqual([
      'Variable "a" is defined twice.',
    ]);
  });
});

describe('parsePayload', () => {
  it('accepts an object', () => {
    expect(parsePayload('{"a": 1}')).toEqual({ ok: true, payload: { a: 1 } });
  });

  it('rejects non-objects', () => {
    for (const text of ['[1]', 'null', '"x"']) {
      expect(parsePayload(text).ok).toBe(false);
    }
  });

  it('locates a syntax error', () => {
    const result = parsePayload('{"a": }');

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.message).toContain('Invalid JSON');
  });
});

describe('listPayloadPaths', () => {
  it('lists nested paths with array elements', () => {
    const labels = listPayloadPaths({ ledger: 'x', txs: [{ amount: 1 }], 'a b': 1 }).map(
      (path) => path.label,
    );

    expect(labels).toEqual([
      'event',
      'event.ledger',
      'event.txs',
      'event.txs[0]',
      'event.txs[0].amount',
      'event["a b"]',
    ]);
  });

  it('covers the known event samples', () => {
    for (const sample of eventSamples) {
      expect(listPayloadPaths(sample.payload).length, sample.type).toBeGreaterThan(1);
    }
  });

  it('stops at 400 paths', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));

    expect(listPayloadPaths(wide)).toHaveLength(400);
  });
});
