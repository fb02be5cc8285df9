/**
 * Pure model of the instances list: the outcome of each row, newest-first
 * order and the filters the API cannot apply.
 */
import { toEpochMs } from '@/lib/format';
import { getCurrentStage, getInstanceState } from '@/lib/orchestration/instance-state';
import type { CurrentStage, InstanceState } from '@/lib/orchestration/instance-state';
import type { Instance } from '@/lib/orchestration/schemas';
import type { OutcomeFilter, RunningFilter } from '@/lib/paths';

export type InstanceRow = {
  /** The list row, or the getInstance response when it is newer (it has `status`). */
  instance: Instance;
  state: InstanceState;
  /**
   * `false` while a running row waits for its getInstance response: until then
   * it reads as "running" and its current stage is unknown.
   */
  stateKnown: boolean;
  currentStage: CurrentStage | undefined;
};

/**
 * Combines a list row with its getInstance response. Terminated rows need no
 * details. A terminated response replaces a running row, since the row is older.
 */
export function toInstanceRow(listed: Instance, detail: Instance | undefined): InstanceRow {
  const instance =
    detail !== undefined && (detail.terminated || !listed.terminated) ? detail : listed;
  const stateKnown = instance.terminated || instance.status !== undefined || detail !== undefined;

  return {
    instance,
    state: getInstanceState(instance),
    stateKnown,
    currentStage: getCurrentStage(instance),
  };
}

/**
 * Sorts instances by `createdAt`, newest first. The API has no order
 * parameter, so this applies to the loaded pages only. Rows with the same
 * date keep the reverse of their API order, which is insertion order on the
 * local server.
 */
export function sortNewestFirst(instances: readonly Instance[]): Instance[] {
  const keyed = instances.map((instance, index) => ({
    instance,
    index,
    time: toEpochMs(instance.createdAt),
  }));

  keyed.sort((a, b) => {
    const byTime = (Number.isNaN(b.time) ? 0 : b.time) - (Number.isNaN(a.time) ? 0 : a.time);

    return byTime !== 0 ? byTime : b.index - a.index;
  });

  return keyed.map((entry) => entry.instance);
}

export type RowFilters = {
  running?: RunningFilter;
  outcome?: OutcomeFilter;
};

/**
 * Checks a row against the filters that the console applies itself: the API
 * filters only `running=true`, and has no outcome filter at all. A running
 * row whose state is still unknown never matches "waiting".
 */
export function matchesRowFilters(row: InstanceRow, { running, outcome }: RowFilters): boolean {
  if (running === 'terminated' && !row.instance.terminated) return false;
  if (running === 'running' && row.instance.terminated) return false;
  if (outcome === undefined) return true;

  return row.state === outcome;
}

/** Counts running rows whose state is not known yet, which an outcome filter may still hide. */
export function countUnknownStates(rows: readonly InstanceRow[]): number {
  return rows.reduce((count, row) => (row.stateKnown ? count : count + 1), 0);
}
