import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest, versionedPath } from '@/lib/api-client';
import { cursorSchema, dataSchema, instanceSchema } from '@/lib/orchestration/schemas';
import type { Instance } from '@/lib/orchestration/schemas';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

/** Running instances read at most, in pages of 100 (the API's maximum page size). */
export const maxRunningInstances = 2_000;
const runningPageSize = 100;

const pageSchema = cursorSchema(instanceSchema);
const listSchema = dataSchema(instanceSchema.array());

export type RunningInstances = {
  instances: Instance[];
  /** More running instances exist than `maxRunningInstances`. */
  truncated: boolean;
};

async function listRunningInstances(
  version: ApiVersion,
  signal?: AbortSignal,
): Promise<RunningInstances> {
  if (version === 'v1') {
    const body = await apiRequest(versionedPath(version, '/instances'), {
      query: { running: true },
      schema: listSchema,
      operation: 'listInstances',
      signal,
    });

    return { instances: body.data, truncated: false };
  }

  const instances: Instance[] = [];
  let cursor: string | undefined;

  do {
    const query = cursor ? { cursor } : { running: true, pageSize: runningPageSize };
    const body = await apiRequest('/v2/instances', {
      query,
      schema: pageSchema,
      operation: 'v2ListInstances',
      signal,
    });
    instances.push(...body.cursor.data);
    cursor = body.cursor.hasMore ? body.cursor.next : undefined;
  } while (cursor !== undefined && instances.length < maxRunningInstances);

  return { instances, truncated: cursor !== undefined };
}

/** Lists every running instance (up to `maxRunningInstances`) for the waiting inbox. */
export function runningInstancesQuery(version: ApiVersion) {
  return queryOptions({
    queryKey: [...instanceKeys.lists(version), 'all-running'] as const,
    queryFn: ({ signal }) => listRunningInstances(version, signal),
    refetchInterval: 15_000,
  });
}

export function useRunningInstances(version: ApiVersion) {
  return useQuery(runningInstancesQuery(version));
}
