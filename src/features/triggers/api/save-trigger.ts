import { mutationOptions, useMutation } from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import { ApiError } from '@/lib/errors';
import type { Trigger, TriggerData } from '@/lib/orchestration/schemas';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { triggerKeys, triggerSuiteKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

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
 * The old trigger's occurrences stay with the old (deleted) id. v1 triggers
 * have no `version` field, so it is left out of a v1 create.
 */
async function saveTrigger(
  connectionID: string,
  version: ApiVersion,
  { data, replaces }: SaveTriggerVariables,
): Promise<SaveTriggerResult> {
  const { version: _eventVersion, ...v1Data } = data;
  const trigger = await createTrigger(version, version === 'v2' ? data : v1Data);
  const warnings: string[] = [];
  if (replaces === undefined) return { trigger, warnings };

  try {
    await moveTriggerSuite(connectionID, replaces, trigger.id);
  } catch (error) {
    warnings.push(`The test suite was not moved to the new trigger: ${describeError(error)}`);
  }
  try {
    await deleteTrigger(version, { triggerID: replaces });
  } catch (error) {
    warnings.push(
      `The old trigger was not deleted, so both now fire: ${describeError(error)}. Delete it from its page.`,
    );
  }

  return { trigger, warnings };
}

export function saveTriggerMutation(
  connectionID: string,
  options: MutationHookOptions = {},
  version: ApiVersion = 'v2',
) {
  return mutationOptions({
    mutationKey: [...triggerKeys.all(version), 'save'],
    mutationFn: (variables: SaveTriggerVariables) => saveTrigger(connectionID, version, variables),
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
