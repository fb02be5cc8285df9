import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import type { SendEventBody } from '@/lib/orchestration/schemas';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

export type SendEventVariables = { instanceID: string; name: string };

/**
 * Delivers an event to the instance's current stage. Only a running
 * `wait_event` stage consumes it; the server drops events sent at other times.
 */
function sendEvent(version: ApiVersion, { instanceID, name }: SendEventVariables): Promise<void> {
  const body: SendEventBody = { name };

  return apiRequest(versionedPath(version, `/instances/${pathSegment(instanceID)}/events`), {
    method: 'POST',
    body,
    operation: version === 'v2' ? 'v2SendEvent' : 'sendEvent',
  });
}

export function sendEventMutation(version: ApiVersion, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...instanceKeys.all(version), 'send-event'],
    mutationFn: (variables: SendEventVariables) => sendEvent(version, variables),
    // The detail key prefixes the instance's history and stage histories.
    onSuccess: (_data, { instanceID }, _result, { client }) =>
      Promise.all([
        invalidateAllVersions(client, (v) => instanceKeys.detail(v, instanceID)),
        invalidateAllVersions(client, instanceKeys.lists),
      ]),
    meta: { errorTitle: 'Could not send the event', ...options.meta },
  });
}

export function useV2SendEvent(options: MutationHookOptions = {}) {
  return useMutation(sendEventMutation('v2', options));
}

export function useSendEvent(options: MutationHookOptions = {}) {
  return useMutation(sendEventMutation('v1', options));
}
