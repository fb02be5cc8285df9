/** Runs one async action over many instances with bounded concurrency, keeping a result per item. */
import { describeError } from '@/lib/errors';

export type BulkItemStatus = 'pending' | 'running' | 'succeeded' | 'failed';

export type BulkItemResult = {
  id: string;
  status: BulkItemStatus;
  /** `errorCode: errorMessage` of a failed item. */
  error?: string;
};

export type BulkRunOptions = {
  /** Items processed at the same time. @default 4 */
  concurrency?: number;
  /** Called on every status change of an item. */
  onUpdate?: (result: BulkItemResult) => void;
  /** Stops starting new items; items already started finish. */
  signal?: AbortSignal;
};

export const defaultBulkConcurrency = 4;

/**
 * Applies `action` to each id, at most `concurrency` at a time, and returns
 * one result per id in input order. A failing item never stops the others.
 * Items left unstarted by `signal` stay `pending`.
 */
export async function runBulk(
  ids: readonly string[],
  action: (id: string) => Promise<void>,
  options: BulkRunOptions = {},
): Promise<BulkItemResult[]> {
  const { concurrency = defaultBulkConcurrency, onUpdate, signal } = options;
  const results: BulkItemResult[] = ids.map((id) => ({ id, status: 'pending' }));
  let nextIndex = 0;

  const update = (index: number, result: BulkItemResult) => {
    results[index] = result;
    onUpdate?.(result);
  };

  const worker = async () => {
    while (nextIndex < ids.length && !signal?.aborted) {
      const index = nextIndex;
      nextIndex += 1;
      const id = ids[index] as string;

      update(index, { id, status: 'running' });
      try {
        await action(id);
        update(index, { id, status: 'succeeded' });
      } catch (error) {
        const { code, message } = describeError(error);
        update(index, { id, status: 'failed', error: `${code}: ${message}` });
      }
    }
  };

  const workerCount = Math.max(1, Math.min(concurrency, ids.length));
  await Promise.all(Array.from({ length: workerCount }, () => worker()));

  return results;
}

/** Returns the ids whose last attempt failed, in result order. */
export function getFailedIds(results: Iterable<BulkItemResult>): string[] {
  const failed: string[] = [];

  for (const result of results) {
    if (result.status === 'failed') failed.push(result.id);
  }

  return failed;
}

export type BulkSummary = {
  total: number;
  /** Items that succeeded or failed. */
  done: number;
  succeeded: number;
  failed: number;
};

export function summarizeBulk(results: Iterable<BulkItemResult>): BulkSummary {
  const summary: BulkSummary = { total: 0, done: 0, succeeded: 0, failed: 0 };

  for (const result of results) {
    summary.total += 1;
    if (result.status === 'succeeded') summary.succeeded += 1;
    if (result.status === 'failed') summary.failed += 1;
  }

  summary.done = summary.succeeded + summary.failed;

  return summary;
}
