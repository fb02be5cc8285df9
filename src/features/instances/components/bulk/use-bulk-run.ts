import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { abortInstance, sendInstanceEvent } from '@/features/instances/api/bulk-actions';
import { invalidateAllVersions } from '@/lib/query-client';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

import { getFailedIds, runBulk } from './bulk-runner';
import type { BulkItemResult } from './bulk-runner';

export type BulkAction = { kind: 'cancel' } | { kind: 'send-event'; eventName: string };

/**
 * State of one bulk run: a result per instance, updated as requests finish.
 * `retryFailed` runs the action again on the failed items only. Lists and the
 * touched instances are invalidated once each run ends.
 */
export function useBulkRun(version: ApiVersion) {
  const queryClient = useQueryClient();
  const [results, setResults] = useState<Map<string, BulkItemResult>>(() => new Map());
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | undefined>(undefined);
  // Results change once per request; copying the map for each of thousands of
  // items would be quadratic, so updates go to this map and reach the state at
  // most once per animation frame.
  const pending = useRef<Map<string, BulkItemResult>>(new Map());
  const frame = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    frame.current = undefined;
    const updates = pending.current;
    pending.current = new Map();
    setResults((previous) => new Map([...previous, ...updates]));
  }, []);

  const record = useCallback(
    (result: BulkItemResult) => {
      pending.current.set(result.id, result);
      frame.current ??= window.requestAnimationFrame(flush);
    },
    [flush],
  );

  // Closing the dialog mid-run stops starting new requests.
  useEffect(
    () => () => {
      controller.current?.abort();
      if (frame.current !== undefined) window.cancelAnimationFrame(frame.current);
    },
    [],
  );

  const run = useCallback(
    async (ids: readonly string[], action: BulkAction) => {
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      setResults((previous) => {
        const next = new Map(previous);
        for (const id of ids) next.set(id, { id, status: 'pending' });
        return next;
      });

      const perform =
        action.kind === 'cancel'
          ? (id: string) => abortInstance(version, id)
          : (id: string) => sendInstanceEvent(version, id, action.eventName);

      await runBulk(ids, perform, { signal: abort.signal, onUpdate: record });

      if (frame.current !== undefined) window.cancelAnimationFrame(frame.current);
      // After `reset` the late results of requests already started are dropped.
      if (!abort.signal.aborted) flush();
      setRunning(false);
      await Promise.all([
        invalidateAllVersions(queryClient, instanceKeys.lists),
        ...ids.map((id) => invalidateAllVersions(queryClient, (v) => instanceKeys.detail(v, id))),
      ]);
    },
    [flush, queryClient, record, version],
  );

  const retryFailed = useCallback(
    (action: BulkAction) => run(getFailedIds(results.values()), action),
    [results, run],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    pending.current = new Map();
    setResults(new Map());
    setRunning(false);
  }, []);

  return { results, running, run, retryFailed, reset };
}
