import { randomUUID } from 'node:crypto';

import type { Workflow } from '@/lib/orchestration/schemas';

import type { InstanceRecord } from '../storage/instances-repository';
import { publishOrchestrationEvent, type EngineContext } from './engine-context';
import { InstanceRunner, type EventDelivery } from './instance-runner';
import { waitAtMost } from './timers';

// How long abort() waits for the runner to record the cancellation.
const cancelTimeoutMs = 5_000;

/**
 * The instance engine: starts instances, keeps one runner per running
 * instance, resumes them after a restart and routes abort and sendEvent.
 * Callers check that instances exist and are running; the engine trusts them.
 */
export class Engine {
  private readonly runners = new Map<string, InstanceRunner>();
  private closed = false;

  constructor(private readonly context: EngineContext) {}

  /**
   * Creates an instance of `workflow` and starts its run; returns the new
   * instance. The instance row and its first stage's start are committed in one
   * transaction, because the runner starts that stage synchronously.
   */
  start(workflow: Workflow, variables: Record<string, string>): InstanceRecord {
    const { clock, db, logger, repositories } = this.context;
    let runner: InstanceRunner | undefined;
    let instance: InstanceRecord;
    try {
      instance = db.transaction(() => {
        const record = repositories.instances.insert({
          id: randomUUID(),
          workflowID: workflow.id,
          variables,
          createdAt: clock.now().toISOString(),
        });
        // Published here so that it precedes the first stage's events, which the runner
        // publishes as it starts. Delivery waits for the next turn of the event loop.
        publishOrchestrationEvent(this.context, 'STARTED_WORKFLOW', {
          id: workflow.id,
          instanceID: record.id,
        });
        runner = this.launch(record, workflow);

        return record;
      })();
    } catch (error) {
      // The rows were rolled back: stop the runner, which has nothing to resume.
      // NOTE: the STARTED_WORKFLOW event above is still delivered in that case.
      runner?.shutdown();
      throw error;
    }
    logger.info(
      { instanceID: instance.id, workflowID: workflow.id, workflowName: workflow.config.name },
      'instance started',
    );

    return instance;
  }

  /** Resumes every instance that is not terminated; returns how many were resumed. */
  recover(): number {
    const { logger, repositories } = this.context;
    let resumed = 0;

    for (const instance of repositories.instances.listRunning()) {
      const workflow = repositories.workflows.get(instance.workflowID);
      if (workflow === undefined) {
        logger.error({ instanceID: instance.id }, 'cannot resume instance: workflow not found');
        continue;
      }
      this.launch(instance, workflow);
      resumed += 1;
    }
    if (resumed > 0) logger.info({ count: resumed }, 'resumed running instances');

    return resumed;
  }

  /** Cancels a running instance and waits (briefly) until the cancellation is stored. */
  async abort(instanceID: string): Promise<void> {
    this.context.logger.info({ instanceID }, 'instance abort requested');

    const runner = this.runners.get(instanceID) ?? this.launchCanceled(instanceID);
    runner?.cancel();
    if (runner) await waitAtMost(runner.done, cancelTimeoutMs);
  }

  /** Delivers a sendEvent to the instance's running stage. */
  sendEvent(instanceID: string, name: string): EventDelivery {
    const delivery = this.runners.get(instanceID)?.deliverEvent(name) ?? 'lost';
    this.context.logger.info({ instanceID, event: name, delivery }, 'event sent to instance');

    return delivery;
  }

  /** Resolves when the instance's run ends, or after `timeoutMs`, whichever comes first. */
  async waitForEnd(instanceID: string, timeoutMs: number): Promise<void> {
    const runner = this.runners.get(instanceID);
    if (runner === undefined) return;

    await waitAtMost(runner.done, timeoutMs);
  }

  /** True while the instance has a runner in this process. */
  isRunning(instanceID: string): boolean {
    return this.runners.has(instanceID);
  }

  /** Stops all runners without ending their instances; they resume on the next start. */
  async close(): Promise<void> {
    this.closed = true;
    const runners = [...this.runners.values()];
    runners.forEach((runner) => runner.shutdown());
    await Promise.all(runners.map((runner) => runner.done));
  }

  private launch(
    instance: InstanceRecord,
    workflow: Workflow,
    options: { canceled: boolean } = { canceled: false },
  ): InstanceRunner | undefined {
    if (this.closed) return undefined;

    const runner = new InstanceRunner(this.context, instance, workflow);
    this.runners.set(instance.id, runner);
    void runner.done.then(() => this.runners.delete(instance.id));
    if (options.canceled) runner.cancel();
    runner.start();

    return runner;
  }

  /**
   * Ends a running instance that has no runner in this process (possible only
   * when recovery skipped it) through a runner that is canceled before it starts.
   */
  private launchCanceled(instanceID: string): InstanceRunner | undefined {
    const { repositories } = this.context;
    const instance = repositories.instances.get(instanceID);
    const workflow = instance && repositories.workflows.get(instance.workflowID);
    if (instance === undefined || workflow === undefined || instance.terminated) return undefined;

    return this.launch(instance, workflow, { canceled: true });
  }
}
