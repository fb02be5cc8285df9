/**
 * Activities: the durable, retried steps of `send` and `update` stages (ledger
 * calls). Each call is recorded in the stage history. Its `execute` function
 * runs inside the SQLite transaction that stores its output, so a crash rolls
 * back both or keeps both. A restarted stage then gets the stored output back
 * instead of running the activity twice.
 */
import type { Logger } from 'pino';

import type { Clock } from '../clock';
import type { SqliteDatabase } from '../storage/database';
import type { ActivitiesRepository, ActivityRecord } from '../storage/activities-repository';
import { CancellationError, isInterruption } from './interruptions';
import { sleepUntil } from './timers';

/** Runs activities for one stage; stage executors receive it. */
export interface ActivityRunner {
  /**
   * Records activity `name` with `input`, runs `execute` (synchronous: it runs
   * inside a SQLite transaction) and returns its result. Retries on errors
   * with `retryable: true`; fails the stage on other errors.
   */
  run<T>(name: string, input: Record<string, unknown>, execute: () => T): Promise<T>;
}

/** An activity failure; `retryable` errors are tried again with backoff. */
export class ActivityError extends Error {
  override readonly name = 'ActivityError';
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
  }
}

/** A failure that ends the stage at once with `message` as the stage error. */
export class StageError extends Error {
  override readonly name = 'StageError';
}

/** Exponential backoff between attempts of a retryable activity. */
export type RetryPolicy = {
  /** Wait after the first failure, in ms (the real server uses 1 s). */
  initialIntervalMs: number;
  /** Upper bound of the wait, in ms (the real server uses 100 s). */
  maximumIntervalMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {
  initialIntervalMs: 1_000,
  maximumIntervalMs: 100_000,
};

/** Wait after failed attempt number `attempt` (1-based): initial × 2^(attempt-1), capped. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.initialIntervalMs * 2 ** (attempt - 1), policy.maximumIntervalMs);
}

/** Errors without a `retryable` flag are treated as non-retryable (most likely a bug). */
function isRetryable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'retryable' in error &&
    (error as { retryable: unknown }).retryable === true
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type DurableActivityRunnerOptions = {
  db: SqliteDatabase;
  activities: ActivitiesRepository;
  instanceID: string;
  stage: number;
  clock: Clock;
  retry: RetryPolicy;
  signal: AbortSignal;
  logger: Logger;
};

/** Activity runner backed by the `activities` table; activities are keyed by call order. */
export class DurableActivityRunner implements ActivityRunner {
  private position = 0;

  constructor(private readonly options: DurableActivityRunnerOptions) {}

  async run<T>(name: string, input: Record<string, unknown>, execute: () => T): Promise<T> {
    const { activities, instanceID, stage, clock } = this.options;
    const key = { instanceID, stage, position: this.position };
    this.position += 1;

    let record = activities.get(key);
    if (record && record.name !== name) {
      throw new StageError(
        `cannot resume stage ${stage}: activity ${key.position} was ${record.name} and is now ${name}`,
      );
    }
    if (record?.terminated) {
      if (record.error !== undefined) throw new StageError(record.error);

      return record.output as T;
    }
    record ??= activities.insert({ ...key, name, input, startedAt: clock.now().toISOString() });

    return this.attempt(record, execute);
  }

  private async attempt<T>(initial: ActivityRecord, execute: () => T): Promise<T> {
    const { db, activities, clock, signal, logger } = this.options;
    const key = {
      instanceID: initial.instanceID,
      stage: initial.stage,
      position: initial.position,
    };
    let record = initial;

    for (;;) {
      try {
        if (record.nextExecution !== undefined) {
          await sleepUntil(new Date(record.nextExecution), clock, signal);
        }
        if (signal.aborted) throw signal.reason as Error;

        return db.transaction(() => {
          const result = execute();
          activities.complete(key, result, clock.now().toISOString());

          return result;
        })();
      } catch (error) {
        if (error instanceof CancellationError) {
          // "cancelled" (sic) is what the real server writes on activities.
          activities.fail(key, 'cancelled', clock.now().toISOString());
          throw error;
        }
        if (isInterruption(error)) throw error;

        const message = messageOf(error);
        if (!isRetryable(error)) {
          activities.fail(key, message, clock.now().toISOString());
          logger.warn({ ...key, activity: record.name, err: error }, 'activity failed');
          throw new StageError(message);
        }

        const delayMs = retryDelayMs(this.options.retry, record.attempt);
        const nextExecution = new Date(clock.now().getTime() + delayMs).toISOString();
        const retry = { attempt: record.attempt + 1, lastFailure: message, nextExecution };
        activities.scheduleRetry(key, retry);
        logger.warn({ ...key, activity: record.name, ...retry, err: error }, 'activity will retry');
        record = { ...record, ...retry };
      }
    }
  }
}
