import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, instanceHistorySchema } from '@/lib/orchestration/schemas';
import type { InstanceHistory } from '@/lib/orchestration/schemas';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

export type InstanceHistoryOptions = {
  /** @default true */
  enabled?: boolean;
  /** Poll period in ms, e.g. while the instance runs. @default false */
  refetchInterval?: number | false;
};

const responseSchema = dataSchema(instanceHistorySchema.array());

/** Fetches one entry per started stage, in stage order. */
async function getInstanceHistory(
  version: ApiVersion,
  instanceID: string,
  signal?: AbortSignal,
): Promise<InstanceHistory[]> {
  const path = versionedPath(version, `/instances/${pathSegment(instanceID)}/history`);
  const body = await apiRequest(path, {
    schema: responseSchema,
    operation: version === 'v2' ? 'v2GetInstanceHistory' : 'getInstanceHistory',
    signal,
  });

  return body.data;
}

export function v2InstanceHistoryQuery(instanceID: string) {
  return queryOptions({
    queryKey: instanceKeys.history('v2', instanceID),
    queryFn: ({ signal }) => getInstanceHistory('v2', instanceID, signal),
  });
}

export function instanceHistoryQuery(instanceID: string) {
  return queryOptions({
    queryKey: instanceKeys.history('v1', instanceID),
    queryFn: ({ signal }) => getInstanceHistory('v1', instanceID, signal),
  });
}

export function useV2GetInstanceHistory(instanceID: string, options: InstanceHistoryOptions = {}) {
  return useQuery({
    ...v2InstanceHistoryQuery(instanceID),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval ?? false,
    refetchIntervalInBackground: false,
  });
}

export function useGetInstanceHistory(instanceID: string, options: InstanceHistoryOptions = {}) {
  return useQuery({
    ...instanceHistoryQuery(instanceID),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval ?? false,
    refetchIntervalInBackground: false,
  });
}
