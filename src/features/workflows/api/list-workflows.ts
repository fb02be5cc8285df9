import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import type { CursorPage, Workflow } from '@/lib/orchestration/schemas';
import { workflowKeys } from '@/lib/query-keys';
import type { WorkflowListFilters } from '@/lib/query-keys';

// Checked without zod: the workflow list is the console's first page.
import { workflowListBody, workflowPageBody } from './workflow-checks';

async function listWorkflowsPage(
  { pageSize, cursor }: WorkflowListFilters,
  signal?: AbortSignal,
): Promise<CursorPage<Workflow>> {
  // With a cursor the server takes every other parameter from the cursor itself.
  const query = cursor ? { cursor } : { pageSize };
  const body = await apiRequest('/v2/workflows', {
    query,
    schema: workflowPageBody,
    operation: 'v2ListWorkflows',
    signal,
  });

  return body.cursor;
}

export function v2WorkflowsQuery(filters: WorkflowListFilters = {}) {
  return queryOptions({
    queryKey: workflowKeys.list('v2', filters),
    queryFn: ({ signal }) => listWorkflowsPage(filters, signal),
  });
}

export function v2WorkflowsInfiniteQuery(filters: Omit<WorkflowListFilters, 'cursor'> = {}) {
  return infiniteQueryOptions({
    queryKey: workflowKeys.infinite('v2', filters),
    queryFn: ({ pageParam, signal }) =>
      listWorkflowsPage({ pageSize: filters.pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => (lastPage.hasMore ? lastPage.next : undefined),
  });
}

/** v1 `listWorkflows`: every workflow in one response. */
export async function listAllWorkflows(signal?: AbortSignal): Promise<Workflow[]> {
  const body = await apiRequest('/workflows', {
    schema: workflowListBody,
    operation: 'listWorkflows',
    signal,
  });

  return body.data;
}

export function workflowsQuery() {
  return queryOptions({
    queryKey: workflowKeys.list('v1'),
    queryFn: ({ signal }) => listAllWorkflows(signal),
  });
}

export function useV2ListWorkflows(filters: WorkflowListFilters = {}) {
  return useQuery({ ...v2WorkflowsQuery(filters), placeholderData: keepPreviousData });
}

export function useV2ListWorkflowsInfinite(filters: Omit<WorkflowListFilters, 'cursor'> = {}) {
  return useInfiniteQuery(v2WorkflowsInfiniteQuery(filters));
}

export function useListWorkflows() {
  return useQuery(workflowsQuery());
}
