import { useQueries } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';

import { listInstanceDetailQuery } from '@/features/instances/api/list-instance-details';
import type { Instance } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

/**
 * Fetches getInstance for the given instance ids (queued, at most four at a
 * time) and returns the responses received so far, by id. Pass only running
 * instances (terminated list rows already tell their outcome), in an array
 * that keeps its identity while the ids stay the same.
 */
export function useInstanceDetails(
  version: ApiVersion,
  instanceIDs: readonly string[],
): Map<string, Instance> {
  // A stable `combine` keeps the same Map while no response changes, so the
  // list does not rebuild its 10,000 rows on every scroll step.
  const combine = useCallback(
    (results: UseQueryResult<Instance>[]) => {
      const details = new Map<string, Instance>();

      results.forEach((result, index) => {
        const id = instanceIDs[index];
        if (result.data !== undefined && id !== undefined) details.set(id, result.data);
      });

      return details;
    },
    [instanceIDs],
  );

  return useQueries({
    queries: instanceIDs.map((id) => listInstanceDetailQuery(version, id)),
    combine,
  });
}
