import { describe, expect, it } from 'vitest';

import { makeInstance, makeStageStatus, makeWorkflow } from '@/testing/fixtures';

import {
  countUnknownStates,
  matchesRowFilters,
  sortNewestFirst,
  toInstanceRow,
} from './instance-rows';

const waitingWorkflow = makeWorkflow();

describe('toInstanceRow', () => {
  it('reads succeeded from a terminated row without error', () => {
    const row = toInstanceRow(makeInstance({ terminated: true }), undefined);

    expect(row.state).toBe('succeeded');
    expect(row.stateKnown).toBe(true);
  });

  it('reads canceled and failed from the error', () => {
    expect(
      toInstanceRow(makeInstance({ terminated: true, error: 'canceled' }), undefined).state,
    ).toBe('canceled');
    expect(toInstanceRow(makeInstance({ terminated: true, error: 'boom' }), undefined).state).toBe(
      'failed',
    );
  });

  it('marks a running row without details as unknown', () => {
    const row = toInstanceRow(makeInstance({ workflow: waitingWorkflow }), undefined);

    expect(row.state).toBe('running');
    expect(row.stateKnown).toBe(false);
    expect(row.currentStage).toBeUndefined();
  });

  it('reads waiting and the stage from the details', () => {
    const listed = makeInstance({ workflow: waitingWorkflow });
    const detail = makeInstance({ workflow: waitingWorkflow, status: [makeStageStatus()] });
    const row = toInstanceRow(listed, detail);

    expect(row.state).toBe('waiting');
    expect(row.stateKnown).toBe(true);
    expect(row.currentStage?.kind).toBe('wait_event');
  });

  it('prefers terminated details over a running row', () => {
    const detail = makeInstance({ terminated: true, error: 'canceled' });
    const row = toInstanceRow(makeInstance(), detail);

    expect(row.state).toBe('canceled');
  });

  it('keeps a terminated row over stale running details', () => {
    const row = toInstanceRow(makeInstance({ terminated: true }), makeInstance());

    expect(row.state).toBe('succeeded');
  });
});

describe('sortNewestFirst', () => {
  it('orders by createdAt descending', () => {
    const sorted = sortNewestFirst([
      makeInstance({ id: 'a', createdAt: '2025-03-02T09:00:00Z' }),
      makeInstance({ id: 'b', createdAt: '2025-03-02T10:00:00.123456789Z' }),
      makeInstance({ id: 'c', createdAt: '2025-03-01T10:00:00Z' }),
    ]);

    expect(sorted.map((instance) => instance.id)).toEqual(['b', 'a', 'c']);
  });

  it('puts later API rows first on equal dates', () => {
    const sorted = sortNewestFirst([makeInstance({ id: 'first' }), makeInstance({ id: 'second' })]);

    expect(sorted.map((instance) => instance.id)).toEqual(['second', 'first']);
  });

  it('sorts 10,000 rows', () => {
    const base = Date.parse('2025-01-01T00:00:00Z');
    const instances = Array.from({ length: 10_000 }, (_, index) =>
      makeInstance({ id: String(index), createdAt: new Date(base + index * 1000).toISOString() }),
    );
    const sorted = sortNewestFirst(instances);

    expect(sorted[0]?.id).toBe('9999');
    expect(sorted.at(-1)?.id).toBe('0');
  });
});

describe('matchesRowFilters', () => {
  const running = toInstanceRow(makeInstance(), undefined);
  const succeeded = toInstanceRow(makeInstance({ terminated: true }), undefined);
  const waiting = toInstanceRow(
    makeInstance({ workflow: waitingWorkflow }),
    makeInstance({ workflow: waitingWorkflow, status: [makeStageStatus()] }),
  );

  it('applies the terminated filter', () => {
    expect(matchesRowFilters(running, { running: 'terminated' })).toBe(false);
    expect(matchesRowFilters(succeeded, { running: 'terminated' })).toBe(true);
  });

  it('applies the outcome filter', () => {
    expect(matchesRowFilters(succeeded, { outcome: 'succeeded' })).toBe(true);
    expect(matchesRowFilters(succeeded, { outcome: 'failed' })).toBe(false);
    expect(matchesRowFilters(waiting, { outcome: 'waiting' })).toBe(true);
  });

  it('never matches waiting for an unknown state', () => {
    expect(matchesRowFilters(running, { outcome: 'waiting' })).toBe(false);
    expect(countUnknownStates([running, succeeded, waiting])).toBe(1);
  });
});

describe('stageLabel', () => {
  const sendWorkflow = makeWorkflow({
    config: { name: 'payout', stages: [{ send: {} }, { delay: { duration: '1h' } }] },
  });
  const ended = (overrides: Parameters<typeof makeInstance>[0]) =>
    makeInstance({
      workflow: sendWorkflow,
      terminated: true,
      status: [
        makeStageStatus({ stage: 0, terminatedAt: '2025-03-02T09:15:05Z' }),
        makeStageStatus({
          stage: 1,
          terminatedAt: '2025-03-02T09:15:06Z',
          error: overrides?.error,
        }),
      ],
      ...overrides,
    });

  it('names the failing stage of a failed instance', () => {
    const detail = ended({ error: 'insufficient funds' });
    const row = toInstanceRow(
      makeInstance({ terminated: true, error: 'insufficient funds' }),
      detail,
    );

    expect(row.currentStage?.index).toBe(1);
    expect(row.stageLabel).toBe('Failed at #1 delay');
  });

  it('marks the last stage of succeeded and canceled instances', () => {
    expect(toInstanceRow(makeInstance({ terminated: true }), ended({})).stageLabel).toBe(
      'Ended at #1 delay',
    );
    expect(
      toInstanceRow(
        makeInstance({ terminated: true, error: 'canceled' }),
        ended({ error: 'canceled' }),
      ).stageLabel,
    ).toBe('Canceled at #1 delay');
  });

  it('shows a running stage without prefix', () => {
    const detail = makeInstance({
      workflow: sendWorkflow,
      status: [makeStageStatus({ stage: 0 })],
    });

    expect(toInstanceRow(makeInstance(), detail).stageLabel).toBe('#0 send');
  });

  it('waits for the details of a terminated row', () => {
    const row = toInstanceRow(makeInstance({ terminated: true }), undefined);

    expect(row.stageLabel).toBe('…');
  });

  it('shows a dash when no stage started', () => {
    const row = toInstanceRow(makeInstance({ terminated: true }), ended({ status: [] }));

    expect(row.stageLabel).toBe('—');
  });
});
