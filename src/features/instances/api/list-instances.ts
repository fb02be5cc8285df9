import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import { cursorSchema, dataSchema, instanceSchema } from '@/lib/orchestration/schemas';
import type { CursorPage, Instance } from '@/lib/orchestration/schemas';
import { instanceKeys } from '@/lib/query-keys';
import type { InstanceListFilters } from '@/lib/query-keys';

type InstanceFilters = Pick<InstanceListFilters, 'workflowID' | 'running'>;

const pageSchema = cursorSchema(instanceSchema);
const listSchema = dataSchema(instanceSchema.array());

// List rows carry `workflow` but never `status`: the current stage needs getInstance.
export async function fetchInstancesPage(
  { workflowID, running, pageSize, cursor }: InstanceListFilters,
  signal?: AbortSignal,
): Promise<CursorPage<Instance>> {
  // With a cursor the server takes every other parameter from the cursor itself.
  const query = cursor ? { cursor } : { workflowID, running, pageSize };
  const body = await apiRequest('/v2/instances', {
    query,
    schema: pageSchema,
    operation: 'v2ListInstances',
    signal,
  });

  return body.cursor;
}

export function v2InstancesQuery(filters: InstanceListFilters = {}) {
  return queryOptions({
    queryKey: instanceKeys.list('v2', filters),
    queryFn: ({ signal }) => fetchInstancesPage(filters, signal),
  });
}

/**
 * Pages of instances loaded one after the other ("load more"). The list
 * starts at `startCursor` when one is given, e.g. a cursor kept in the URL.
 */
export function v2InstancesInfiniteQuery(
  filters: Omit<InstanceListFilters, 'cursor'> = {},
  startCursor?: string,
) {
  return infiniteQueryOptions({
    queryKey:
      startCursor === undefined
        ? instanceKeys.infinite('v2', filters)
        : [...instanceKeys.infinite('v2', filters), { startCursor }],
    queryFn: ({ pageParam, signal }) =>
      fetchInstancesPage({ ...filters, cursor: pageParam }, signal),
    initialPageParam: startCursor,
    getNextPageParam: (lastPage) => (lastPage.hasMore ? lastPage.next : undefined),
  });
}

/** Fetches v1 `listInstances`, which returns every matching instance in one response. */
export async function fetchAllInstancesV1(
  filters: InstanceFilters,
  signal?: AbortSignal,
): Promise<Instance[]> {
  const body = await apiRequest('/instances', {
    query: { workflowID: filters.workflowID, running: filters.running },
    schema: listSchema,
    operation: 'listInstances',
    signal,
  });

  return body.data;
}

/** v1 returns every matching instance in one response. */
export function instancesQuery(filters: InstanceFilters = {}) {
  return queryOptions({
    queryKey: instanceKeys.list('v1', filters),
    queryFn: ({ signal }) => fetchAllInstancesV1(filters, signal),
  });
}

export function useV2ListInstances(filters: InstanceListFilters = {}) {
  return useQuery({ ...v2InstancesQuery(filters), placeholderData: keepPreviousData });
}

export function useV2ListInstancesInfinite(
  filters: Omit<InstanceListFilters, 'cursor'> = {},
  options: { startCursor?: string; enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    ...v2InstancesInfiniteQuery(filters, options.startCursor),
    enabled: options.enabled,
  });
}

export function useListInstances(
  filters: InstanceFilters = {},
  options: { enabled?: boolean } = {},
) {
  return useQuery({ ...instancesQuery(filters), enabled: options.enabled });
}
