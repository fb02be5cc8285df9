import { mutationOptions, useMutation } from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import { ApiError } from '@/lib/errors';
import type { Trigger, TriggerData } from '@/lib/orchestration/schemas';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { triggerKeys, triggerSuiteKeys } from '@/lib/query-keys';

import { createTrigger } from './create-trigger';
import { deleteTrigger } from './delete-trigger';
import { moveTriggerSuite } from './trigger-suites';

export type SaveTriggerVariables = {
  data: TriggerData;
  /** Id of the trigger being edited: it is deleted once the new one exists. */
  replaces?: string;
};

export type SaveTriggerResult = {
  trigger: Trigger;
  /** Steps after the create that failed; the new trigger exists regardless. */
  warnings: string[];
};

function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.errorMessage;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Saves a trigger. The API has no update operation, so saving an edit creates
 * a new trigger, moves the test suite to it and then deletes the old trigger.
 * The old trigger's occurrences stay with the old (deleted) id.
 */
async function saveTrigger(
  connectionID: string,
  { data, replaces }: SaveTriggerVariables,
): Promise<SaveTriggerResult> {
  const trigger = await createTrigger('v2', data);
  const warnings: string[] = [];
  if (replaces === undefined) return { trigger, warnings };

  try {
    await moveTriggerSuite(connectionID, replaces, trigger.id);
  } catch (error) {
    warnings.push(`The test suite was not moved to the new trigger: ${describeError(error)}`);
  }
  try {
    await deleteTrigger('v2', { triggerID: replaces });
  } catch (error) {
    warnings.push(
      `The old trigger was not deleted, so both now fire: ${describeError(error)}. Delete it from its page.`,
    );
  }

  return { trigger, warnings };
}

export function saveTriggerMutation(connectionID: string, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...triggerKeys.all('v2'), 'save'],
    mutationFn: (variables: SaveTriggerVariables) => saveTrigger(connectionID, variables),
    onSuccess: (_result, { replaces }, _context, { client }) =>
      Promise.all([
        invalidateAllVersions(client, triggerKeys.lists),
        replaces === undefined
          ? undefined
          : invalidateAllVersions(client, (v) => triggerKeys.detail(v, replaces), {
              refetchType: 'none',
            }),
        client.invalidateQueries({ queryKey: triggerSuiteKeys.all(connectionID) }),
      ]),
    meta: { errorTitle: 'Could not save the trigger', ...options.meta },
  });
}

export function useSaveTrigger(options: MutationHookOptions = {}) {
  const { id } = useConnection();
  return useMutation(saveTriggerMutation(id, options));
}
