import { describe, expect, it } from 'vitest';

import { ApiError } from '@/lib/errors';

import { getFailedIds, runBulk, summarizeBulk } from './bulk-runner';
import type { BulkItemResult } from './bulk-runner';

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('runBulk', () => {
  it('keeps a result per item in input order', async () => {
    const results = await runBulk(['a', 'b', 'c'], async (id) => {
      if (id === 'b') {
        throw new ApiError({
          status: 400,
          errorCode: 'VALIDATION',
          errorMessage: 'instance b is already terminated',
        });
      }
    });

    expect(results.map((result) => result.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(results[1]?.error).toBe('VALIDATION: instance b is already terminated');
  });

  it('runs at most `concurrency` items at once', async () => {
    let active = 0;
    let maxActive = 0;
    const ids = Array.from({ length: 20 }, (_, index) => String(index));

    await runBulk(
      ids,
      async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await delay(2);
        active -= 1;
      },
      { concurrency: 4 },
    );

    expect(maxActive).toBe(4);
  });

  it('reports running then final status', async () => {
    const updates: BulkItemResult[] = [];
    await runBulk(['a'], async () => undefined, { onUpdate: (result) => updates.push(result) });

    expect(updates.map((update) => update.status)).toEqual(['running', 'succeeded']);
  });

  it('leaves items pending after abort', async () => {
    const controller = new AbortController();
    const results = await runBulk(
      ['a', 'b', 'c'],
      async () => {
        controller.abort();
      },
      { concurrency: 1, signal: controller.signal },
    );

    expect(results.map((result) => result.status)).toEqual(['succeeded', 'pending', 'pending']);
  });

  it('retries only failed items', async () => {
    const attempts = new Map<string, number>();
    const action = async (id: string) => {
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      if (id === 'flaky' && attempt === 1) throw new Error('timed out');
    };

    const first = await runBulk(['ok', 'flaky'], action);
    const failed = getFailedIds(first);
    const second = await runBulk(failed, action);

    expect(failed).toEqual(['flaky']);
    expect(second).toEqual([{ id: 'flaky', status: 'succeeded' }]);
    expect(attempts.get('ok')).toBe(1);
    expect(attempts.get('flaky')).toBe(2);
  });
});

describe('summarizeBulk', () => {
  it('counts done, succeeded and failed', () => {
    const summary = summarizeBulk([
      { id: 'a', status: 'succeeded' },
      { id: 'b', status: 'failed', error: 'x' },
      { id: 'c', status: 'running' },
    ]);

    expect(summary).toEqual({ total: 3, done: 2, succeeded: 1, failed: 1 });
  });
});
