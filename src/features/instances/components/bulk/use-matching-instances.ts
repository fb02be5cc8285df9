import { useCallback, useEffect, useRef, useState } from 'react';

import { collectMatchingInstances } from '@/features/instances/api/collect-instances';
import type {
  CollectProgress,
  CollectResult,
  MatchingFilters,
} from '@/features/instances/api/collect-instances';
import type { ApiVersion } from '@/lib/query-keys';

export type MatchingState =
  | { status: 'idle' }
  | { status: 'collecting'; progress: CollectProgress }
  | { status: 'done'; result: CollectResult }
  | { status: 'error'; error: unknown };

const initialProgress: CollectProgress = { phase: 'listing', listed: 0, checked: 0 };

/**
 * Collection of every instance that matches the list filters on the server,
 * started by `start` from a click and stoppable with `stop` (the matches
 * found so far are kept). Progress reaches the state at most once per
 * animation frame, since the "waiting" check reports once per instance.
 */
export function useMatchingInstances(version: ApiVersion) {
  const [state, setState] = useState<MatchingState>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const latest = useRef<CollectProgress>(initialProgress);
  const frame = useRef<number | undefined>(undefined);

  const cancelFrame = useCallback(() => {
    if (frame.current !== undefined) window.cancelAnimationFrame(frame.current);
    frame.current = undefined;
  }, []);

  useEffect(
    () => () => {
      controller.current?.abort();
      cancelFrame();
    },
    [cancelFrame],
  );

  const start = useCallback(
    async (filters: MatchingFilters) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      latest.current = initialProgress;
      setState({ status: 'collecting', progress: initialProgress });

      const onProgress = (progress: CollectProgress) => {
        latest.current = progress;
        frame.current ??= window.requestAnimationFrame(() => {
          frame.current = undefined;
          if (controller.current === abort) {
            setState({ status: 'collecting', progress: latest.current });
          }
        });
      };

      try {
        const result = await collectMatchingInstances(version, filters, {
          signal: abort.signal,
          onProgress,
        });
        if (controller.current === abort) setState({ status: 'done', result });
      } catch (error) {
        if (controller.current === abort) setState({ status: 'error', error });
      } finally {
        if (controller.current === abort) cancelFrame();
      }
    },
    [cancelFrame, version],
  );

  /** Stops fetching; the collection ends with the instances found so far. */
  const stop = useCallback(() => controller.current?.abort(), []);

  /** Stops fetching and drops the collection, e.g. when the dialog closes. */
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    cancelFrame();
    setState({ status: 'idle' });
  }, [cancelFrame]);

  return { state, start, stop, reset };
}
