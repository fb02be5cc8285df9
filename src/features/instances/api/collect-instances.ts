/**
 * Finds every instance on the server that a bulk action on "all matching"
 * applies to: the list filters, applied to all cursor pages instead of the
 * loaded ones, up to a fixed limit.
 */
import { isAbortError } from '@/lib/errors';
import { getInstanceState } from '@/lib/orchestration/instance-state';
import type { Instance } from '@/lib/orchestration/schemas';
import type { OutcomeFilter, RunningFilter } from '@/lib/paths';
import type { ApiVersion } from '@/lib/query-keys';

import { fetchInstanceDetail } from './list-instance-details';
import { fetchAllInstancesV1, fetchInstancesPage } from './list-instances';

/** Maximum instances that one bulk action on "all matching" collects and acts on. */
export const maxBulkInstances = 10_000;

/** Page size of the collection: the v2 server clamps larger values to 100. */
export const collectPageSize = 100;

export type MatchingFilters = {
  workflowID?: string;
  running?: RunningFilter;
  outcome?: OutcomeFilter;
};

export type CollectProgress = {
  /** `listing` while cursor pages load, `checking` while getInstance responses show which instances wait. */
  phase: 'listing' | 'checking';
  /** Running instances listed so far. */
  listed: number;
  /** getInstance responses received (or failed) so far, in the `checking` phase. */
  checked: number;
};

export type CollectResult = {
  /** Running instances that match, in API order; getInstance responses when they were checked. */
  instances: Instance[];
  /** More running instances matched than `limit`; the ones past it are left out. */
  truncated: boolean;
  /** The caller stopped the collection; `instances` contains the matches found until then. */
  stopped: boolean;
  /** Instances whose getInstance failed, so their outcome is unknown and they are left out. */
  unchecked: number;
};

export type CollectOptions = {
  /** @default maxBulkInstances */
  limit?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CollectProgress) => void;
};

/**
 * Returns true when no running instance can match: a bulk cancel or send
 * event never applies to a terminated instance, and these filters keep only
 * terminated ones.
 */
export function matchesTerminatedOnly({ running, outcome }: MatchingFilters): boolean {
  return running === 'terminated' || (outcome !== undefined && outcome !== 'waiting');
}

async function listRunning(
  version: ApiVersion,
  workflowID: string | undefined,
  limit: number,
  signal: AbortSignal | undefined,
  onPage: (listed: number) => void,
): Promise<{ instances: Instance[]; truncated: boolean; stopped: boolean }> {
  const instances: Instance[] = [];
  let hasMore = false;

  try {
    if (version === 'v1') {
      instances.push(...(await fetchAllInstancesV1({ workflowID, running: true }, signal)));
    } else {
      let cursor: string | undefined;

      do {
        const page = await fetchInstancesPage(
          { workflowID, running: true, pageSize: collectPageSize, cursor },
          signal,
        );
        instances.push(...page.data);
        hasMore = page.hasMore && page.next !== undefined;
        cursor = page.next;
        onPage(Math.min(instances.length, limit));
      } while (hasMore && instances.length < limit && !signal?.aborted);
    }
  } catch (error) {
    if (signal?.aborted && isAbortError(error))
      return { instances, truncated: false, stopped: true };
    throw error;
  }

  // `running=true` already drops terminated rows; this guards servers that ignore it.
  const live = instances.filter((instance) => !instance.terminated);

  return {
    instances: live.slice(0, limit),
    truncated: live.length > limit || hasMore,
    stopped: signal?.aborted ?? false,
  };
}

/**
 * Collects the running instances that match `filters` from every cursor page
 * (v2, 100 per page) or from the single v1 response, and keeps at most
 * `limit`. The "waiting" outcome needs each instance's current stage, so it
 * calls getInstance on every listed instance through the list detail limit.
 * Terminated instances are never collected: bulk actions skip them.
 */
export async function collectMatchingInstances(
  version: ApiVersion,
  filters: MatchingFilters,
  options: CollectOptions = {},
): Promise<CollectResult> {
  const { limit = maxBulkInstances, signal, onProgress } = options;
  const empty = { instances: [], truncated: false, stopped: false, unchecked: 0 };

  if (matchesTerminatedOnly(filters)) return empty;

  const listed = await listRunning(version, filters.workflowID, limit, signal, (count) =>
    onProgress?.({ phase: 'listing', listed: count, checked: 0 }),
  );
  onProgress?.({ phase: 'listing', listed: listed.instances.length, checked: 0 });

  if (filters.outcome !== 'waiting' || listed.stopped) return { ...listed, unchecked: 0 };

  let checked = 0;
  let unchecked = 0;
  const details = await Promise.all(
    listed.instances.map(async (instance) => {
      try {
        return await fetchInstanceDetail(version, instance.id, signal);
      } catch (error) {
        if (!(signal?.aborted && isAbortError(error))) unchecked += 1;
        return undefined;
      } finally {
        checked += 1;
        onProgress?.({ phase: 'checking', listed: listed.instances.length, checked });
      }
    }),
  );
  const waiting = details.filter(
    (detail): detail is Instance => detail !== undefined && getInstanceState(detail) === 'waiting',
  );

  return {
    instances: waiting,
    truncated: listed.truncated,
    stopped: signal?.aborted ?? false,
    unchecked,
  };
}
