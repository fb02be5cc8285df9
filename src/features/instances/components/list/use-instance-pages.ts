import { useMemo } from 'react';

import {
  useListInstances,
  useV2ListInstancesInfinite,
} from '@/features/instances/api/list-instances';
import type { Instance } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

export type InstancePagesFilters = {
  workflowID?: string;
  /** Sends `running=true`: the API's only state filter. */
  runningOnly?: boolean;
  pageSize: number;
  /** v2 cursor of the first page, as kept in the URL. */
  startCursor?: string;
};

/**
 * Loaded instances of a list: v2 pages appended by "load more", or the single
 * v1 response, which holds every matching instance.
 */
export function useInstancePages(version: ApiVersion, filters: InstancePagesFilters) {
  const { workflowID, runningOnly, pageSize, startCursor } = filters;
  const running = runningOnly ? true : undefined;
  const v2 = useV2ListInstancesInfinite(
    { workflowID, running, pageSize },
    { startCursor, enabled: version === 'v2' },
  );
  const v1 = useListInstances({ workflowID, running }, { enabled: version === 'v1' });
  const active = version === 'v2' ? v2 : v1;

  const v2Pages = v2.data?.pages;
  const instances = useMemo<Instance[]>(() => {
    if (version === 'v1') return v1.data ?? [];

    return (v2Pages ?? []).flatMap((page) => page.data);
  }, [version, v1.data, v2Pages]);

  const lastPage = v2Pages?.at(-1);

  return {
    instances,
    isPending: active.isPending,
    isError: active.isError,
    error: active.error,
    isFetching: active.isFetching,
    refetch: active.refetch,
    hasMore: version === 'v2' && v2.hasNextPage,
    /** Cursor of the next page, so that a link can open the list there. */
    nextCursor: lastPage?.hasMore ? lastPage.next : undefined,
    loadMore: v2.fetchNextPage,
    isLoadingMore: v2.isFetchingNextPage,
  };
}
