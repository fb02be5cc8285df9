/**
 * Workflow hooks that call the v1 or v2 operation according to the active
 * connection's API version and return the same shape either way. v1 lists
 * return every workflow, so the console pages them itself.
 */
import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
} from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import { pageRows } from '@/lib/connection/v1-paging';
import type { MutationHookOptions } from '@/lib/query-client';
import { workflowKeys } from '@/lib/query-keys';
import type { ApiVersion, WorkflowListFilters } from '@/lib/query-keys';

import { createWorkflowMutation } from './create-workflow';
import { deleteWorkflowMutation } from './delete-workflow';
import { v2WorkflowQuery, workflowQuery } from './get-workflow';
import {
  listAllWorkflows,
  v2WorkflowsInfiniteQuery,
  v2WorkflowsQuery,
  workflowsQuery,
} from './list-workflows';
import { runWorkflowMutation } from './run-workflow';

/** Query options of one workflow in the given API version, e.g. for prefetching. */
export function versionedWorkflowQuery(version: ApiVersion, flowId: string) {
  return version === 'v2' ? v2WorkflowQuery(flowId) : workflowQuery(flowId);
}

/** Loads one page of workflows, with `cursor` and `pageSize` as in v2. */
export function useWorkflowsPage(filters: WorkflowListFilters = {}) {
  const { apiVersion } = useConnection();
  const v2 = useQuery({
    ...v2WorkflowsQuery(filters),
    placeholderData: keepPreviousData,
    enabled: apiVersion === 'v2',
  });
  const v1 = useQuery({
    ...workflowsQuery(),
    select: (rows) => pageRows(rows, filters),
    enabled: apiVersion === 'v1',
  });

  return apiVersion === 'v2' ? v2 : v1;
}

/** v1 has no cursor, so its only page contains every workflow. */
function v1WorkflowsInfiniteQuery() {
  return infiniteQueryOptions({
    queryKey: workflowKeys.infinite('v1'),
    queryFn: async ({ signal }) => {
      const rows = await listAllWorkflows(signal);

      return pageRows(rows, { pageSize: Math.max(rows.length, 1) });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: () => undefined,
  });
}

/** Workflows loaded page by page (v2) or all at once (v1), for searching by name. */
export function useWorkflowsInfinite(filters: Omit<WorkflowListFilters, 'cursor'> = {}) {
  const { apiVersion } = useConnection();
  const v2 = useInfiniteQuery({
    ...v2WorkflowsInfiniteQuery(filters),
    enabled: apiVersion === 'v2',
  });
  const v1 = useInfiniteQuery({ ...v1WorkflowsInfiniteQuery(), enabled: apiVersion === 'v1' });

  return apiVersion === 'v2' ? v2 : v1;
}

export function useWorkflow(flowId: string) {
  const { apiVersion } = useConnection();

  return useQuery(versionedWorkflowQuery(apiVersion, flowId));
}

export function useVersionedCreateWorkflow(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(createWorkflowMutation(apiVersion, options));
}

export function useVersionedRunWorkflow(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(runWorkflowMutation(apiVersion, options));
}

export function useVersionedDeleteWorkflow(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(deleteWorkflowMutation(apiVersion, options));
}
