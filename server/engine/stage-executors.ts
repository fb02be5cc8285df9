/**
 * Executors of the stage kinds that move money (`send`, `update`). They run
 * their ledger calls through the `ActivityRunner` so that each call is
 * recorded, retried and never executed twice.
 */
import type { Logger } from 'pino';

import type { SendStageInput, UpdateStageInput } from '@/lib/orchestration/stage-config';

import type { Clock } from '../clock';
import type { InstanceRecord } from '../storage/instances-repository';
import type { ActivityRunner } from './activities';

export type StageExecutorContext = {
  activities: ActivityRunner;
  instance: InstanceRecord;
  /** 0-based index of the stage in the workflow. */
  stage: number;
  /** Aborts when the instance is canceled or the server stops. */
  signal: AbortSignal;
  clock: Clock;
  logger: Logger;
};

export type StageExecutor<Input> = (input: Input, context: StageExecutorContext) => Promise<void>;

export type StageExecutorRegistry = {
  send: StageExecutor<SendStageInput>;
  update: StageExecutor<UpdateStageInput>;
};
