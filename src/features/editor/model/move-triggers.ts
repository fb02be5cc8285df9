/**
 * Moves triggers from one workflow to another. Triggers cannot be updated on
 * the service, so each one is re-created for the new workflow, then the old
 * ones are deleted. A failure rolls back what it can:
 * - while creating, the triggers created so far are deleted again, so the
 *   original workflow keeps all its triggers;
 * - while deleting, the copies of the triggers not yet deleted are removed,
 *   so each trigger exists exactly once (moved or not).
 */
import type { Trigger, TriggerData } from '@/lib/orchestration/schemas';

export type TriggerOperations = {
  createTrigger: (data: TriggerData) => Promise<Trigger>;
  deleteTrigger: (triggerID: string) => Promise<void>;
};

export type MoveTriggersResult =
  | { ok: true; created: Trigger[] }
  | {
      ok: false;
      /** What failed, e.g. `Creating the copy of trigger "payins" failed: …`. */
      error: string;
      /** Triggers now attached to the new workflow. */
      moved: Trigger[];
      /** Rollback steps that failed too; these triggers may exist twice. */
      rollbackErrors: string[];
    };

/** The create request that copies `trigger` onto `workflowID`, with every other field kept. */
export function copyTriggerData(trigger: Trigger, workflowID: string): TriggerData {
  const data: TriggerData = { event: trigger.event, workflowID };
  if (trigger.name !== undefined) data.name = trigger.name;
  if (trigger.filter !== undefined) data.filter = trigger.filter;
  if (trigger.vars !== undefined) data.vars = trigger.vars;
  if (trigger.version !== undefined) data.version = trigger.version;

  return data;
}

function label(trigger: Trigger): string {
  return trigger.name ? `"${trigger.name}"` : trigger.id;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function deleteAll(
  triggers: readonly Trigger[],
  operations: TriggerOperations,
): Promise<string[]> {
  const errors: string[] = [];

  for (const trigger of triggers) {
    try {
      await operations.deleteTrigger(trigger.id);
    } catch (error) {
      errors.push(`Deleting trigger ${label(trigger)} (${trigger.id}) failed: ${message(error)}`);
    }
  }

  return errors;
}

export async function moveTriggers(
  triggers: readonly Trigger[],
  workflowID: string,
  operations: TriggerOperations,
): Promise<MoveTriggersResult> {
  const created: Trigger[] = [];

  for (const trigger of triggers) {
    try {
      created.push(await operations.createTrigger(copyTriggerData(trigger, workflowID)));
    } catch (error) {
      const rollbackErrors = await deleteAll(created, operations);

      return {
        ok: false,
        error: `Creating the copy of trigger ${label(trigger)} failed: ${message(error)}`,
        moved: [],
        rollbackErrors,
      };
    }
  }

  for (let index = 0; index < triggers.length; index += 1) {
    const trigger = triggers[index];
    if (!trigger) continue;

    try {
      await operations.deleteTrigger(trigger.id);
    } catch (error) {
      // The old triggers from `index` on still exist: drop their copies.
      const rollbackErrors = await deleteAll(created.slice(index), operations);

      return {
        ok: false,
        error: `Deleting the original trigger ${label(trigger)} failed: ${message(error)}`,
        moved: created.slice(0, index),
        rollbackErrors,
      };
    }
  }

  return { ok: true, created };
}
