/**
 * Example data for a new database: the example workflows and triggers, and
 * instances in every state (running a long delay, waiting for an event,
 * succeeded, failed, canceled) so that every console view has something to show.
 */
import type { FlowdeckRuntime } from './app';
import { exampleTriggers, exampleWorkflows } from './seed-fixtures';

export type SeedSummary = { workflows: number; instances: number; triggers: number };

const settleTimeoutMs = 5_000;

/** Polls `condition` every 10 ms until it is true or the timeout passes; returns its last value. */
async function waitUntil(condition: () => boolean, timeoutMs = settleTimeoutMs): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  return true;
}

export async function seedExampleData(runtime: FlowdeckRuntime): Promise<SeedSummary> {
  const { services, repositories, logger } = runtime;
  const { workflows, instances, triggers } = services;

  const ids = Object.fromEntries(
    Object.entries(exampleWorkflows).map(([key, config]) => [key, workflows.create(config).id]),
  ) as Record<keyof typeof exampleWorkflows, string>;

  const isWaiting = (instanceID: string) => {
    const stage = repositories.stages.last(instanceID);

    return stage?.kind === 'wait_event' && stage.terminatedAt === undefined;
  };
  const run = (workflowID: string, variables: Record<string, string>) =>
    instances.run(workflowID, variables, false);

  // Running: a long delay. Canceled: the same, then aborted.
  await run(ids.delayThenWait, { pause: '1h' });
  const canceled = await run(ids.delayThenWait, { pause: '1h' });
  await instances.abort(canceled.id);

  // Waiting for the event "go".
  const waiting = await run(ids.delayThenWait, { pause: '0s' });
  await waitUntil(() => isWaiting(waiting.id));

  // Succeeded: a full delay → event → noop run, and the trigger probe.
  const released = await run(ids.delayThenWait, { pause: '250ms' });
  if (await waitUntil(() => isWaiting(released.id)))
    instances.sendEvent(released.id, { name: 'go' });
  await instances.run(ids.noopProbe, {}, true);

  // Failed: an invalid delay duration. Send stages run on the ledger (or fail without it).
  await instances.run(ids.delayThenWait, { pause: 'soon' }, true);
  const tipVariables = {
    fanID: 'f-7731',
    creatorID: 'c-204',
    cents: '350',
    campaign: 'spring-drive',
  };
  await instances.run(ids.tipCreator, tipVariables, true);
  await run(ids.releaseAtDate, { lockID: 'lk-19', releaseAt: '2025-06-01T08:00:00Z' });

  let triggerCount = 0;
  for (const trigger of exampleTriggers(ids)) {
    try {
      triggers.create(trigger);
      triggerCount += 1;
    } catch (error) {
      logger.warn({ err: error, trigger: trigger.name }, 'example trigger not created');
    }
  }

  const summary = {
    workflows: Object.keys(ids).length,
    instances: repositories.instances.list({ runningOnly: false }).length,
    triggers: triggerCount,
  };
  logger.info(summary, 'example data created');

  return summary;
}
