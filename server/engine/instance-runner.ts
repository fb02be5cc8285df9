/**
 * Runs one workflow instance: its stages strictly in order, each stage's
 * start (status row with resolved input and, for delays, the deadline) in one
 * transaction and its end (plus the instance's end) in another. A runner also
 * resumes an instance after a restart from what the database holds.
 */
import type { Workflow } from '@/lib/orchestration/schemas';
import {
  resolveStage,
  stageHistoryNames,
  type ResolvedStage,
  type StageResolution,
} from '@/lib/orchestration/stage-config';

import type { InstanceRecord } from '../storage/instances-repository';
import type { StageRecord } from '../storage/stages-repository';
import { ActivityError, DurableActivityRunner, StageError } from './activities';
import {
  delayDeadline,
  errorMessage,
  publishOrchestrationEvent,
  type EngineContext,
} from './engine-context';
import { CancellationError, ShutdownError } from './interruptions';
import { sleepUntil } from './timers';

export type EventDelivery = 'completed' | 'discarded' | 'lost';

export class InstanceRunner {
  readonly done: Promise<void>;
  private readonly controller = new AbortController();
  private eventWaiter?: { event: string; resolve: () => void };
  private markDone: () => void = () => undefined;

  constructor(
    private readonly context: EngineContext,
    private readonly instance: InstanceRecord,
    private readonly workflow: Workflow,
  ) {
    this.done = new Promise((resolve) => {
      this.markDone = resolve;
    });
  }

  /** Starts (or resumes) the run; the first stage starts before this returns. */
  start(): void {
    void this.run().finally(this.markDone);
  }

  /** Cancels the run: the current stage and the instance end with error "canceled". */
  cancel(): void {
    if (!this.controller.signal.aborted) this.controller.abort(new CancellationError());
  }

  /** Stops the in-process work and leaves the instance to be resumed on restart. */
  shutdown(): void {
    if (!this.controller.signal.aborted) this.controller.abort(new ShutdownError());
  }

  /** Delivers an event to a waiting `wait_event` stage; other names are discarded. */
  deliverEvent(name: string): EventDelivery {
    if (!this.eventWaiter) return 'lost';
    if (this.eventWaiter.event !== name) return 'discarded';
    this.eventWaiter.resolve();

    return 'completed';
  }

  private async run(): Promise<void> {
    try {
      await this.runStages();
    } catch (error) {
      if (error instanceof ShutdownError) return;

      this.context.logger.error(
        { err: error, instanceID: this.instance.id, workflowID: this.workflow.id },
        'instance runner failed',
      );
      this.endInstance(`internal error: ${errorMessage(error)}`);
    }
  }

  private async runStages(): Promise<void> {
    const { stages: stagesRepository } = this.context.repositories;
    const stages = this.workflow.config.stages;
    const { signal } = this.controller;

    for (let index = stagesRepository.last(this.instance.id)?.stage ?? 0; ; index += 1) {
      let record = stagesRepository.get(this.instance.id, index);
      if (record === undefined) {
        if (signal.aborted) {
          if (signal.reason instanceof CancellationError) this.endInstance('canceled');

          return;
        }
        if (index >= stages.length) {
          this.endInstance(undefined);

          return;
        }
        if (this.isNoop(index)) {
          record = this.runNoopStage(index, stages[index]);
          if (record.error !== undefined || index >= stages.length - 1) return;
          // Leave the synchronous part (and so the transaction of Engine.start) before the next stage.
          await Promise.resolve();
          continue;
        }
        record = this.startStage(index, stages[index]);
      }
      const endsInstance = (stage: StageRecord) =>
        stage.error !== undefined || index >= stages.length - 1;
      if (record.terminatedAt === undefined) {
        const stageError = await this.executeStage(record);
        record = this.endStage(record, stageError);
        // endStage ended the instance in the same transaction as the stage.
        if (endsInstance(record)) return;
      }
      if (endsInstance(record)) {
        // A resumed run whose last (or failed) stage had ended before the restart.
        this.endInstance(record.error);

        return;
      }
    }
  }

  private resolve(index: number): StageResolution {
    return resolveStage(this.workflow.config.stages[index], this.instance.variables);
  }

  private isNoop(index: number): boolean {
    const resolution = this.resolve(index);

    return resolution.ok && resolution.stage.kind === 'noop';
  }

  /**
   * Starts and ends a noop stage (and the instance, when it is the last stage)
   * in one transaction: the stage executes nothing, so no state lies between
   * its start and its end.
   */
  private runNoopStage(index: number, element: unknown): StageRecord {
    const { db } = this.context;

    return db.transaction(() => this.endStage(this.startStage(index, element), undefined))();
  }

  private startStage(index: number, element: unknown): StageRecord {
    const { clock, db, repositories } = this.context;
    const startedAt = clock.now();
    const resolution = resolveStage(element, this.instance.variables);
    const kind = resolution.ok ? resolution.stage.kind : (resolution.kind ?? 'noop');
    const deadline =
      resolution.ok && resolution.stage.kind === 'delay'
        ? delayDeadline(resolution.stage.input, startedAt).toISOString()
        : undefined;

    const record = db.transaction(() =>
      repositories.stages.insert({
        instanceID: this.instance.id,
        stage: index,
        kind,
        name: stageHistoryNames[kind],
        input: resolution.ok ? resolution.stage.input : resolution.input,
        startedAt: startedAt.toISOString(),
        deadline,
      }),
    )();
    publishOrchestrationEvent(this.context, 'STARTED_WORKFLOW_STAGE', this.stagePayload(index));

    return record;
  }

  /** Runs a started stage; returns its error message, or undefined on success. */
  private async executeStage(record: StageRecord): Promise<string | undefined> {
    const resolution = this.resolve(record.stage);
    if (!resolution.ok) return resolution.message;

    try {
      await this.execute(record, resolution.stage);

      return undefined;
    } catch (error) {
      if (error instanceof ShutdownError) throw error;
      if (error instanceof CancellationError) return 'canceled';
      if (!(error instanceof StageError || error instanceof ActivityError)) {
        this.context.logger.error(
          { err: error, instanceID: this.instance.id, stage: record.stage },
          'stage failed with an unexpected error',
        );
      }

      return errorMessage(error);
    }
  }

  private async execute(record: StageRecord, stage: ResolvedStage): Promise<void> {
    const { clock, executors } = this.context;
    const { signal } = this.controller;

    switch (stage.kind) {
      case 'noop':
        return;
      case 'delay': {
        const deadline = record.deadline ?? delayDeadline(stage.input, new Date(record.startedAt));
        await sleepUntil(new Date(deadline), clock, signal);

        return;
      }
      case 'wait_event':
        await this.waitForEvent(stage.input.event);

        return;
      case 'send':
        await executors.send(stage.input, this.executorContext(record.stage));

        return;
      case 'update':
        await executors.update(stage.input, this.executorContext(record.stage));

        return;
    }
  }

  private executorContext(stage: number) {
    const { db, repositories, clock, retry, logger } = this.context;
    const { signal } = this.controller;
    const activities = new DurableActivityRunner({
      db,
      activities: repositories.activities,
      instanceID: this.instance.id,
      stage,
      clock,
      retry,
      signal,
      logger,
    });

    return { activities, instance: this.instance, stage, signal, clock, logger };
  }

  private waitForEvent(event: string): Promise<void> {
    const { signal } = this.controller;

    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason as Error);

        return;
      }

      const onAbort = () => {
        this.eventWaiter = undefined;
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.eventWaiter = {
        event,
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          this.eventWaiter = undefined;
          resolve();
        },
      };
    });
  }

  /** Ends a stage, and the instance too when the stage failed or was the last one. */
  private endStage(record: StageRecord, error: string | undefined): StageRecord {
    const { clock, db, repositories } = this.context;
    const terminatedAt = clock.now().toISOString();
    const isLast = record.stage >= this.workflow.config.stages.length - 1;
    const endsInstance = error !== undefined || isLast;

    db.transaction(() => {
      repositories.stages.terminate(this.instance.id, record.stage, terminatedAt, error);
      if (endsInstance) repositories.instances.terminate(this.instance.id, terminatedAt, error);
    })();

    const payload = { ...this.stagePayload(record.stage), error };
    const type = error === undefined ? 'SUCCEEDED_WORKFLOW_STAGE' : 'FAILED_WORKFLOW_STAGE';
    publishOrchestrationEvent(this.context, type, payload);
    if (endsInstance) this.announceEnd(error);

    return { ...record, terminatedAt, error };
  }

  /**
   * Ends the instance with `error` (undefined = success), ending its running
   * stage too. Does nothing when the instance already ended.
   */
  private endInstance(error: string | undefined): void {
    const { clock, db, repositories } = this.context;
    const terminatedAt = clock.now().toISOString();
    const current = repositories.stages.last(this.instance.id);

    const running = current !== undefined && current.terminatedAt === undefined;

    const ended = db.transaction(() => {
      if (running)
        repositories.stages.terminate(this.instance.id, current.stage, terminatedAt, error);

      return repositories.instances.terminate(this.instance.id, terminatedAt, error);
    })();
    if (running) {
      const payload = { ...this.stagePayload(current.stage), error };
      publishOrchestrationEvent(this.context, 'FAILED_WORKFLOW_STAGE', payload);
    }
    if (ended) this.announceEnd(error);
  }

  private announceEnd(error: string | undefined): void {
    const payload = { id: this.workflow.id, instanceID: this.instance.id, error };
    publishOrchestrationEvent(
      this.context,
      error === undefined ? 'SUCCEEDED_WORKFLOW' : 'FAILED_WORKFLOW',
      payload,
    );

    let outcome = 'failed';
    if (error === undefined) outcome = 'succeeded';
    if (error === 'canceled') outcome = 'canceled';
    this.context.logger.info(
      { instanceID: this.instance.id, workflowID: this.workflow.id, outcome, error },
      'instance ended',
    );
  }

  private stagePayload(stage: number): Record<string, unknown> {
    return { id: this.workflow.id, instanceID: this.instance.id, number: stage };
  }
}
