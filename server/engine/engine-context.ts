import type { Logger } from 'pino';

import { parseGoDuration } from '@/lib/orchestration/duration';
import type { DelayStageInput } from '@/lib/orchestration/stage-config';

import type { Clock } from '../clock';
import type { EventBus } from '../events/bus';
import { orchestrationEvent, type OrchestrationEventType } from '../events/orchestration-events';
import type { SqliteDatabase } from '../storage/database';
import type { Repositories } from '../storage/repositories';
import type { RetryPolicy } from './activities';
import type { StageExecutorRegistry } from './stage-executors';

/** Dependencies shared by the engine and its instance runners. */
export type EngineContext = {
  db: SqliteDatabase;
  repositories: Repositories;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  retry: RetryPolicy;
  executors: StageExecutorRegistry;
};

/** Publishes an orchestration event without waiting for its listeners. */
export function publishOrchestrationEvent(
  context: EngineContext,
  type: OrchestrationEventType,
  payload: Record<string, unknown>,
): void {
  void context.bus.publish(orchestrationEvent(type, payload, context.clock.now()));
}

/** Computes when a delay stage that starts at `startedAt` ends; a past `until` ends it at once. */
export function delayDeadline(input: DelayStageInput, startedAt: Date): Date {
  if (input.until !== undefined) return new Date(input.until);

  const nanoseconds = parseGoDuration(input.duration ?? '0s') ?? 0;

  return new Date(startedAt.getTime() + nanoseconds / 1e6);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
