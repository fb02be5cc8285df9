import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { triggerKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

export type DeleteTriggerVariables = { triggerID: string };

export function deleteTrigger(
  version: ApiVersion,
  { triggerID }: DeleteTriggerVariables,
): Promise<void> {
  return apiRequest(versionedPath(version, `/triggers/${pathSegment(triggerID)}`), {
    method: 'DELETE',
    operation: version === 'v2' ? 'v2DeleteTrigger' : 'deleteTrigger',
  });
}

export function deleteTriggerMutation(version: ApiVersion, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...triggerKeys.all(version), 'delete'],
    mutationFn: (variables: DeleteTriggerVariables) => deleteTrigger(version, variables),
    // A deleted trigger reads as 404, so its open detail is only marked stale, not refetched.
    onSuccess: (_data, { triggerID }, _result, { client }) =>
      Promise.all([
        invalidateAllVersions(client, triggerKeys.lists),
        invalidateAllVersions(client, (v) => triggerKeys.detail(v, triggerID), {
          refetchType: 'none',
        }),
      ]),
    meta: { errorTitle: 'Could not delete the trigger', ...options.meta },
  });
}

export function useV2DeleteTrigger(options: MutationHookOptions = {}) {
  return useMutation(deleteTriggerMutation('v2', options));
}

export function useDeleteTrigger(options: MutationHookOptions = {}) {
  return useMutation(deleteTriggerMutation('v1', options));
}
