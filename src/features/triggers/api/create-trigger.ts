import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, versionedPath } from '@/lib/api-client';
import { dataSchema, triggerSchema } from '@/lib/orchestration/schemas';
import type { Trigger, TriggerData } from '@/lib/orchestration/schemas';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { triggerKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

const responseSchema = dataSchema(triggerSchema);

export async function createTrigger(version: ApiVersion, data: TriggerData): Promise<Trigger> {
  const body = await apiRequest(versionedPath(version, '/triggers'), {
    method: 'POST',
    body: data,
    schema: responseSchema,
    operation: version === 'v2' ? 'v2CreateTrigger' : 'createTrigger',
  });

  return body.data;
}

export function createTriggerMutation(version: ApiVersion, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...triggerKeys.all(version), 'create'],
    mutationFn: (data: TriggerData) => createTrigger(version, data),
    onSuccess: (_trigger, _data, _result, { client }) =>
      invalidateAllVersions(client, triggerKeys.lists),
    meta: { errorTitle: 'Could not create the trigger', ...options.meta },
  });
}

export function useV2CreateTrigger(options: MutationHookOptions = {}) {
  return useMutation(createTriggerMutation('v2', options));
}

export function useCreateTrigger(options: MutationHookOptions = {}) {
  return useMutation(createTriggerMutation('v1', options));
}
