import { useMemo, useRef } from 'react';

import { useInstanceStageHistories } from '@/features/instances/api/versioned-instances';
import type { Instance } from '@/lib/orchestration/schemas';

import type { ActivitiesState } from './activities-state';

const pending: ActivitiesState = { status: 'pending' };

/**
 * Loads the activities of the given stages (the timeline's visible and
 * expanded rows), skipping stages that have not started. Stages still running
 * are polled every `refetchInterval` ms.
 */
export function useStageActivities(
  instance: Instance,
  stages: readonly number[],
  refetchInterval: number | false,
): ReadonlyMap<number, ActivitiesState> {
  const statuses = useMemo(
    () => new Map((instance.status ?? []).map((status) => [status.stage, status])),
    [instance.status],
  );
  const requests = stages.flatMap((stage) => {
    const status = statuses.get(stage);
    if (status === undefined) return [];

    return [{ stage, running: !instance.terminated && status.terminatedAt === undefined }];
  });
  const results = useInstanceStageHistories(instance.id, requests, { refetchInterval });

  // Entries keep their identity while their data does, so memoized timeline rows skip renders.
  const previous = useRef(new Map<number, ActivitiesState>());
  const map = new Map<number, ActivitiesState>();
  requests.forEach(({ stage }, position) => {
    const result = results[position];
    if (result === undefined) return;

    const earlier = previous.current.get(stage);
    if (result.data !== undefined) {
      const same = earlier?.status === 'success' && earlier.data === result.data;
      map.set(stage, same ? earlier : { status: 'success', data: result.data });
    } else if (result.isError) {
      const same = earlier?.status === 'error' && earlier.error === result.error;
      map.set(
        stage,
        same
          ? earlier
          : { status: 'error', error: result.error, retry: () => void result.refetch() },
      );
    } else {
      map.set(stage, earlier?.status === 'pending' ? earlier : pending);
    }
  });
  previous.current = map;

  return map;
}
