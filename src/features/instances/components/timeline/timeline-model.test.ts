import { describe, expect, it } from 'vitest';

import { makeInstance } from '@/testing/fixtures';

import type { StageRow } from '../instance-stages-model';
import {
  axisTicks,
  barGeometry,
  fullRange,
  parseSelection,
  positionOf,
  rowEnd,
  tickStep,
  zoomRange,
} from './timeline-model';

const t0 = Date.parse('2025-03-02T09:15:04.000Z');
const iso = (offsetMs: number) => new Date(t0 + offsetMs).toISOString();

function row(overrides: Partial<StageRow>): StageRow {
  return { index: 0, kind: 'noop', config: {}, state: 'succeeded', ...overrides };
}

describe('fullRange', () => {
  it('runs until now while the instance runs', () => {
    const instance = makeInstance({ createdAt: iso(0) });
    const rows = [row({ startedAt: iso(100), state: 'running' })];

    expect(fullRange(instance, rows, t0 + 5_000)).toEqual({ start: t0, end: t0 + 5_000 });
  });

  it('ends at the last stage end of a terminated instance', () => {
    const instance = makeInstance({
      createdAt: iso(0),
      terminated: true,
      terminatedAt: iso(900),
    });
    const rows = [row({ startedAt: iso(100), terminatedAt: iso(1_200) })];

    expect(fullRange(instance, rows, t0 + 60_000)).toEqual({ start: t0, end: t0 + 1_200 });
  });

  it('keeps a minimum width for an instant instance', () => {
    const instance = makeInstance({ createdAt: iso(0), terminated: true, terminatedAt: iso(0) });
    const range = fullRange(instance, [], t0);

    expect(range.end - range.start).toBeGreaterThan(0);
  });
});

describe('rowEnd', () => {
  it('ends an open stage of a terminated instance with the instance', () => {
    const instance = makeInstance({ terminated: true, terminatedAt: iso(700) });

    expect(rowEnd(row({ startedAt: iso(100) }), instance, t0 + 10_000)).toBe(t0 + 700);
  });

  it('has no end before the stage starts', () => {
    expect(rowEnd(row({}), makeInstance(), t0)).toBeUndefined();
  });
});

describe('barGeometry', () => {
  const view = { start: 0, end: 1_000 };

  it('places a bar inside the view', () => {
    expect(barGeometry(250, 500, view)).toEqual({
      left: 0.25,
      width: 0.25,
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('clips a bar that crosses both edges', () => {
    expect(barGeometry(-100, 2_000, view)).toEqual({
      left: 0,
      width: 1,
      clippedStart: true,
      clippedEnd: true,
    });
  });

  it('returns nothing for a bar outside the view', () => {
    expect(barGeometry(1_500, 2_000, view)).toBeUndefined();
  });

  it('positions a time such as the now line', () => {
    expect(positionOf(500, view)).toBe(0.5);
    expect(positionOf(1_500, view)).toBeUndefined();
  });
});

describe('zoomRange', () => {
  const full = { start: 0, end: 1_000 };

  it('halves the range around its centre', () => {
    expect(zoomRange(full, full, 0.5)).toEqual({ start: 250, end: 750 });
  });

  it('stays inside the full range when zooming out', () => {
    expect(zoomRange({ start: 800, end: 1_000 }, full, 4)).toEqual({ start: 200, end: 1_000 });
  });

  it('stops at the minimum span', () => {
    const range = zoomRange({ start: 0, end: 20 }, full, 0.01);

    expect(range.end - range.start).toBe(10);
  });
});

describe('axisTicks', () => {
  it('chooses 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(1_000, 5)).toBe(200);
    expect(tickStep(7_000, 6)).toBe(2_000);
    expect(tickStep(3, 6)).toBe(1);
  });

  it('labels ticks with the time since the origin', () => {
    const ticks = axisTicks({ start: t0, end: t0 + 1_000 }, t0, 5);

    expect(ticks.map((tick) => tick.label)).toEqual([
      '+0 ms',
      '+200 ms',
      '+400 ms',
      '+600 ms',
      '+800 ms',
      '+1.0 s',
    ]);
    expect(ticks[5]?.fraction).toBe(1);
  });
});

describe('parseSelection', () => {
  it('reads a stage and an activity', () => {
    expect(parseSelection(new URLSearchParams('stage=2&activity=0'))).toEqual({
      stage: 2,
      activity: 0,
    });
  });

  it.each(['stage=-1', 'stage=abc', 'stage=1.5', 'activity=3', ''])('ignores %s', (search) => {
    expect(parseSelection(new URLSearchParams(search)).stage).toBeUndefined();
  });
});
