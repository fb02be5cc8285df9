/**
 * Geometry of the instance timeline: the shared time axis of all stages, the
 * bar of each stage on it, zooming, and the axis ticks. Times are epoch
 * milliseconds; positions are fractions of the visible range (0 = left edge).
 */
import { formatDuration, toEpochMs } from '@/lib/format';
import type { Instance } from '@/lib/orchestration/schemas';

import type { StageRow } from '../instance-stages-model';

export type TimeRange = { start: number; end: number };

/** Horizontal placement of a bar, as fractions of the visible range. */
export type BarGeometry = {
  left: number;
  width: number;
  /** The bar continues past the left or right edge of the visible range. */
  clippedStart: boolean;
  clippedEnd: boolean;
};

/** Width in pixels below which the timeline's columns scroll sideways. */
export const timelineMinWidth = 920;

/** Smallest range the axis zooms into, in milliseconds. */
export const minRangeMs = 10;

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

/** Returns the start of a stage in epoch ms, or `undefined` before it starts. */
export function rowStart(row: StageRow): number | undefined {
  return row.startedAt === undefined ? undefined : finite(toEpochMs(row.startedAt));
}

/**
 * Returns the end of a stage in epoch ms. A stage that has not ended runs
 * until `now` while the instance runs, or until the instance's end.
 */
export function rowEnd(row: StageRow, instance: Instance, now: number): number | undefined {
  if (row.startedAt === undefined) return undefined;
  if (row.terminatedAt !== undefined) return finite(toEpochMs(row.terminatedAt));
  if (!instance.terminated) return now;

  return instance.terminatedAt === undefined ? undefined : finite(toEpochMs(instance.terminatedAt));
}

/**
 * Returns the full range of the axis: from the instance's creation (or its
 * first stage, if earlier) to `now` while it runs, or to its last end.
 */
export function fullRange(instance: Instance, rows: readonly StageRow[], now: number): TimeRange {
  let start = finite(toEpochMs(instance.createdAt)) ?? now;
  let end = instance.terminated
    ? (finite(toEpochMs(instance.terminatedAt ?? instance.updatedAt)) ?? start)
    : now;

  for (const row of rows) {
    const rowStartMs = rowStart(row);
    const rowEndMs = rowEnd(row, instance, now);

    if (rowStartMs !== undefined) start = Math.min(start, rowStartMs);
    if (rowEndMs !== undefined) end = Math.max(end, rowEndMs);
  }

  return { start, end: Math.max(end, start + minRangeMs) };
}

/** Returns where a bar from `start` to `end` sits in `view`, or `undefined` when it is outside. */
export function barGeometry(start: number, end: number, view: TimeRange): BarGeometry | undefined {
  const span = view.end - view.start;
  if (span <= 0 || end < view.start || start > view.end) return undefined;

  const clippedStart = start < view.start;
  const clippedEnd = end > view.end;
  const left = (Math.max(start, view.start) - view.start) / span;
  const right = (Math.min(end, view.end) - view.start) / span;

  return { left, width: Math.max(0, right - left), clippedStart, clippedEnd };
}

/** Returns the fraction of `view` at which `time` sits, or `undefined` outside it. */
export function positionOf(time: number, view: TimeRange): number | undefined {
  const span = view.end - view.start;
  if (span <= 0 || time < view.start || time > view.end) return undefined;

  return (time - view.start) / span;
}

/**
 * Zooms `view` by `factor` (below 1 zooms in) around `center`, keeping the
 * result inside `full` and no shorter than `minRangeMs`.
 */
export function zoomRange(
  view: TimeRange,
  full: TimeRange,
  factor: number,
  center: number = (view.start + view.end) / 2,
): TimeRange {
  const fullSpan = full.end - full.start;
  const span = Math.min(fullSpan, Math.max(minRangeMs, (view.end - view.start) * factor));
  const ratio = view.end === view.start ? 0.5 : (center - view.start) / (view.end - view.start);
  let start = center - span * ratio;

  start = Math.min(Math.max(start, full.start), full.end - span);

  return { start, end: start + span };
}

/** Returns a range centred on `start`–`end` with some margin, inside `full`. */
export function focusRange(start: number, end: number, full: TimeRange): TimeRange {
  const margin = Math.max((end - start) * 0.15, minRangeMs);
  const from = Math.max(full.start, start - margin);
  const to = Math.min(full.end, end + margin);

  return to - from < minRangeMs ? full : { start: from, end: to };
}

export type AxisTick = { fraction: number; label: string };

const niceSteps = [1, 2, 5];

/** Returns a step of 1, 2 or 5 × 10^n ms that puts at most `maxTicks` ticks in `span`. */
export function tickStep(span: number, maxTicks: number): number {
  const raw = span / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));

  for (const step of niceSteps) {
    if (step * magnitude >= raw) return step * magnitude;
  }

  return 10 * magnitude;
}

/**
 * Ticks of the visible range, labelled by the time elapsed since `origin` (the instance start).
 * The default of 4 keeps labels such as "+10 ms" apart on the narrowest axis, about 200 px.
 */
export function axisTicks(view: TimeRange, origin: number, maxTicks = 4): AxisTick[] {
  const span = view.end - view.start;
  if (span <= 0) return [];

  const step = tickStep(span, maxTicks);
  const first = origin + Math.ceil((view.start - origin) / step) * step;
  const ticks: AxisTick[] = [];

  for (let time = first; time <= view.end; time += step) {
    ticks.push({
      fraction: (time - view.start) / span,
      label: `+${formatDuration(time - origin)}`,
    });
  }

  return ticks;
}

/** Deep link of the page: `?stage=2&activity=0`, both 0-based integers. */
export type TimelineSelection = { stage?: number; activity?: number };

function parseIndex(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;

  const number = Number(value);

  return Number.isSafeInteger(number) ? number : undefined;
}

/** Reads the selected stage and activity from the URL; an activity without a stage is ignored. */
export function parseSelection(params: URLSearchParams): TimelineSelection {
  const stage = parseIndex(params.get('stage'));
  if (stage === undefined) return {};

  return { stage, activity: parseIndex(params.get('activity')) };
}
