/**
 * Builds the instance page's stage rows from the workflow config, the
 * instance's `status[]` rows and its history (one entry per started stage,
 * in stage order, with the resolved input).
 */
import type { DisplayState } from '@/components/state-badge';
import { canceledError } from '@/lib/orchestration/instance-state';
import type { Instance, InstanceHistory, WorkflowConfig } from '@/lib/orchestration/schemas';

export type StageRow = {
  /** 0-based stage number, as in the API. */
  index: number;
  kind: string;
  /** Stage config as stored, with `${name}` placeholders. */
  config: Record<string, unknown>;
  /** Resolved input from the history, once the stage has started. */
  input?: Record<string, unknown>;
  state: DisplayState;
  startedAt?: string;
  terminatedAt?: string;
  error?: string;
};

/** Maps a history name such as `RunWaitEvent` to its stage kind (`wait_event`). */
export function kindFromHistoryName(name: string): string {
  const base = name.startsWith('Run') ? name.slice(3) : name;

  return base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function buildStageRows(
  instance: Instance,
  config: WorkflowConfig | undefined,
  history: InstanceHistory[] = [],
): StageRow[] {
  // A map keeps this linear: instances may have thousands of stages.
  const statuses = new Map((instance.status ?? []).map((status) => [status.stage, status]));
  let startedCount = history.length;
  for (const stage of statuses.keys()) startedCount = Math.max(startedCount, stage + 1);
  const count = Math.max(config?.stages.length ?? 0, startedCount);

  return Array.from({ length: count }, (_, index): StageRow => {
    const [configKind, stageConfig] = Object.entries(config?.stages[index] ?? {})[0] ?? [];
    const entry = history[index];
    const status = statuses.get(index);
    const kind = configKind ?? (entry ? kindFromHistoryName(entry.name) : 'unknown');
    const error = status?.error ?? entry?.error;
    const terminatedAt = status?.terminatedAt ?? entry?.terminatedAt;
    const started = Boolean(status ?? entry);

    return {
      index,
      kind,
      config: asRecord(stageConfig),
      input: entry?.input,
      state: stageState({ started, kind, error, terminatedAt, instance }),
      startedAt: status?.startedAt ?? entry?.startedAt,
      terminatedAt,
      error,
    };
  });
}

type StageStateInput = {
  started: boolean;
  kind: string;
  error: string | undefined;
  terminatedAt: string | undefined;
  instance: Instance;
};

function stageState({ started, kind, error, terminatedAt, instance }: StageStateInput) {
  const endedWith = (message: string): DisplayState =>
    message === canceledError ? 'canceled' : 'failed';

  if (!started) return instance.terminated ? 'skipped' : 'pending';
  if (error) return endedWith(error);
  if (terminatedAt) return 'succeeded';
  // A started stage without an end in a terminated instance ended with the instance.
  if (instance.terminated) return instance.error ? endedWith(instance.error) : 'succeeded';

  return kind === 'wait_event' ? 'waiting' : 'running';
}
