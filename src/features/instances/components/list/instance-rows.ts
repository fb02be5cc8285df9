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
  /**
   * Text of the stage column: `#1 delay` for the running stage, or for a
   * terminated instance the stage it ended at, e.g. `Failed at #0 send`.
   * `…` while getInstance has not returned, `—` before any stage started.
   */
  stageLabel: string;
};

const endVerbs: Record<InstanceState, string> = {
  succeeded: 'Ended at',
  failed: 'Failed at',
  canceled: 'Canceled at',
  running: 'At',
  waiting: 'At',
};

/**
 * Describes the row's stage for the stage column. A terminated instance's
 * last stage is prefixed with how it ended, so that it does not read as a
 * stage still running.
 */
export function describeStage(
  instance: Instance,
  state: InstanceState,
  currentStage: CurrentStage | undefined,
  detailKnown: boolean,
): string {
  if (currentStage === undefined) return detailKnown ? '—' : '…';

  const stage = `#${currentStage.index} ${currentStage.kind ?? 'unknown kind'}`;

  return instance.terminated ? `${endVerbs[state]} ${stage}` : stage;
}

/**
 * Combines a list row with its getInstance response, which brings the stage
 * statuses. A terminated response replaces a running row, since the row is older.
 */
export function toInstanceRow(listed: Instance, detail: Instance | undefined): InstanceRow {
  const instance =
    detail !== undefined && (detail.terminated || !listed.terminated) ? detail : listed;
  const stateKnown = instance.terminated || instance.status !== undefined || detail !== undefined;
  const state = getInstanceState(instance);
  const currentStage = getCurrentStage(instance);
  const detailKnown = instance.status !== undefined || detail !== undefined;

  return {
    instance,
    state,
    stateKnown,
    currentStage,
    stageLabel: describeStage(instance, state, currentStage, detailKnown),
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
