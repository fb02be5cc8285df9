/**
 * The workflow list hooks of `versioned-workflows.ts`, in a module of their
 * own: they check bodies without zod, and the workflow list page imports only
 * this module, so that zod stays off the console's first page.
 */
import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import { pageRows } from '@/lib/connection/v1-paging';
import { workflowKeys } from '@/lib/query-keys';
import type { WorkflowListFilters } from '@/lib/query-keys';

import {
  listAllWorkflows,
  v2WorkflowsInfiniteQuery,
  v2WorkflowsQuery,
  workflowsQuery,
} from './list-workflows';

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
