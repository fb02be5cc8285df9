import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, triggerSchema } from '@/lib/orchestration/schemas';
import type { Trigger } from '@/lib/orchestration/schemas';
import { triggerKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

const responseSchema = dataSchema(triggerSchema);

async function readTrigger(
  version: ApiVersion,
  triggerID: string,
  signal?: AbortSignal,
): Promise<Trigger> {
  const body = await apiRequest(versionedPath(version, `/triggers/${pathSegment(triggerID)}`), {
    schema: responseSchema,
    operation: version === 'v2' ? 'v2ReadTrigger' : 'readTrigger',
    signal,
  });

  return body.data;
}

export function v2TriggerQuery(triggerID: string) {
  return queryOptions({
    queryKey: triggerKeys.detail('v2', triggerID),
    queryFn: ({ signal }) => readTrigger('v2', triggerID, signal),
  });
}

export function triggerQuery(triggerID: string) {
  return queryOptions({
    queryKey: triggerKeys.detail('v1', triggerID),
    queryFn: ({ signal }) => readTrigger('v1', triggerID, signal),
  });
}

export function useV2ReadTrigger(triggerID: string) {
  return useQuery(v2TriggerQuery(triggerID));
}

export function useReadTrigger(triggerID: string) {
  return useQuery(triggerQuery(triggerID));
}
