/**
 * UI state of a workflow instance, derived from the API fields: the API only
 * reports `terminated`, `error` and one status row per started stage.
 */
import type { Instance, Stage, StageStatus, WorkflowConfig } from '@/lib/orchestration/schemas';

export type InstanceState = 'running' | 'waiting' | 'succeeded' | 'failed' | 'canceled';

export const instanceStates: readonly InstanceState[] = [
  'running',
  'waiting',
  'succeeded',
  'failed',
  'canceled',
];

/** Error the server writes on a stage and an instance that were canceled. */
export const canceledError = 'canceled';

/** Returns the kind of a stage element: its only key (`send`, `wait_event`, …). */
export function getStageKind(stage: Stage | undefined): string | undefined {
  if (stage === undefined) {
    return undefined;
  }

  return Object.keys(stage)[0];
}

/** Returns the status row of the highest-numbered stage that has started. */
export function getLastStatus(instance: Instance): StageStatus | undefined {
  let last: StageStatus | undefined;

  for (const status of instance.status ?? []) {
    if (last === undefined || status.stage >= last.stage) {
      last = status;
    }
  }

  return last;
}

export type CurrentStage = {
  /** 0-based index in `config.stages`. */
  index: number;
  /** Stage kind, or `undefined` when the workflow definition is not known. */
  kind: string | undefined;
  status: StageStatus;
};

/**
 * Returns the last started stage: the running one, or for a terminated
 * instance the one that ended it. `undefined` before the first stage starts
 * and for list rows, which carry no status.
 */
export function getCurrentStage(
  instance: Instance,
  config: WorkflowConfig | undefined = instance.workflow?.config,
): CurrentStage | undefined {
  const status = getLastStatus(instance);
  if (status === undefined) {
    return undefined;
  }

  return { index: status.stage, kind: getStageKind(config?.stages[status.stage]), status };
}

/**
 * Derives the UI state. "waiting" needs the status rows and the workflow
 * definition (embedded by getInstance, or passed as `config`). Without them a
 * running instance reads as "running".
 */
export function getInstanceState(
  instance: Instance,
  config: WorkflowConfig | undefined = instance.workflow?.config,
): InstanceState {
  if (instance.terminated) {
    if (!instance.error) {
      return 'succeeded';
    }

    return instance.error === canceledError ? 'canceled' : 'failed';
  }

  const current = getCurrentStage(instance, config);
  if (current?.kind === 'wait_event' && current.status.terminatedAt === undefined) {
    return 'waiting';
  }

  return 'running';
}

/** Returns the event name that the waiting `wait_event` stage expects, if the instance waits. */
export function getWaitingEventName(
  instance: Instance,
  config: WorkflowConfig | undefined = instance.workflow?.config,
): string | undefined {
  if (getInstanceState(instance, config) !== 'waiting') {
    return undefined;
  }

  const current = getCurrentStage(instance, config);
  const stage = current === undefined ? undefined : config?.stages[current.index];
  const waitEvent = stage?.wait_event;
  if (typeof waitEvent !== 'object' || waitEvent === null || !('event' in waitEvent)) {
    return undefined;
  }

  return typeof waitEvent.event === 'string' ? waitEvent.event : undefined;
}

/**
 * Parses an RFC 3339 date-time into epoch milliseconds. The server writes up
 * to nine fractional digits; they are cut to milliseconds before parsing.
 */
export function parseDateTime(value: string): number {
  const normalized = value.replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(normalized);
}

/**
 * Returns how long the instance has run, in milliseconds: until `terminatedAt`
 * (or the last stage's end) once terminated, until `now` otherwise.
 */
export function getInstanceDuration(instance: Instance, now: number = Date.now()): number {
  const start = parseDateTime(instance.createdAt);
  let end = now;

  if (instance.terminated) {
    const terminatedAt = instance.terminatedAt ?? getLastStatus(instance)?.terminatedAt;
    end =
      terminatedAt === undefined ? parseDateTime(instance.updatedAt) : parseDateTime(terminatedAt);
  }

  return Math.max(0, end - start);
}
