import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, instanceSchema } from '@/lib/orchestration/schemas';
import type { Instance } from '@/lib/orchestration/schemas';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

/** Poll period for an instance that has not terminated, in milliseconds. */
export const instancePollInterval = 2_000;

export type InstanceQueryOptions = {
  /** Poll period in ms while the instance runs, or `false` to stop polling. @default 2000 */
  refetchInterval?: number | false;
};

const responseSchema = dataSchema(instanceSchema);

async function getInstance(
  version: ApiVersion,
  instanceID: string,
  signal?: AbortSignal,
): Promise<Instance> {
  const body = await apiRequest(versionedPath(version, `/instances/${pathSegment(instanceID)}`), {
    schema: responseSchema,
    operation: version === 'v2' ? 'v2GetInstance' : 'getInstance',
    signal,
  });

  return body.data;
}

/** Returns a `refetchInterval` that polls until the instance has terminated. */
export function pollUntilTerminated(interval: number | false = instancePollInterval) {
  return (query: Query<Instance, Error, Instance, readonly unknown[]>) => {
    const instance = query.state.data;
    return instance === undefined || instance.terminated ? false : interval;
  };
}

export function v2InstanceQuery(instanceID: string, options: InstanceQueryOptions = {}) {
  return queryOptions({
    queryKey: instanceKeys.detail('v2', instanceID),
    queryFn: ({ signal }) => getInstance('v2', instanceID, signal),
    refetchInterval: pollUntilTerminated(options.refetchInterval),
    refetchIntervalInBackground: false,
  });
}

export function instanceQuery(instanceID: string, options: InstanceQueryOptions = {}) {
  return queryOptions({
    queryKey: instanceKeys.detail('v1', instanceID),
    queryFn: ({ signal }) => getInstance('v1', instanceID, signal),
    refetchInterval: pollUntilTerminated(options.refetchInterval),
    refetchIntervalInBackground: false,
  });
}

export function useV2GetInstance(instanceID: string, options: InstanceQueryOptions = {}) {
  return useQuery(v2InstanceQuery(instanceID, options));
}

export function useGetInstance(instanceID: string, options: InstanceQueryOptions = {}) {
  return useQuery(instanceQuery(instanceID, options));
}
