import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

export type CancelEventVariables = { instanceID: string };

/**
 * Cancels a running instance (`PUT …/abort`, the SDK's `cancelEvent`). The
 * current stage stops with error "canceled"; a terminated instance is an error.
 */
function cancelInstance(version: ApiVersion, { instanceID }: CancelEventVariables): Promise<void> {
  return apiRequest(versionedPath(version, `/instances/${pathSegment(instanceID)}/abort`), {
    method: 'PUT',
    operation: version === 'v2' ? 'v2CancelEvent' : 'cancelEvent',
  });
}

export function cancelEventMutation(version: ApiVersion, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...instanceKeys.all(version), 'cancel'],
    mutationFn: (variables: CancelEventVariables) => cancelInstance(version, variables),
    onSuccess: (_data, { instanceID }, _result, { client }) =>
      Promise.all([
        invalidateAllVersions(client, (v) => instanceKeys.detail(v, instanceID)),
        invalidateAllVersions(client, instanceKeys.lists),
      ]),
    meta: { errorTitle: 'Could not cancel the instance', ...options.meta },
  });
}

export function useV2CancelEvent(options: MutationHookOptions = {}) {
  return useMutation(cancelEventMutation('v2', options));
}

export function useCancelEvent(options: MutationHookOptions = {}) {
  return useMutation(cancelEventMutation('v1', options));
}
