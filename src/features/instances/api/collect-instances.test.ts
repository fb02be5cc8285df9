import { beforeEach, describe, expect, it } from 'vitest';

import type { Instance } from '@/lib/orchestration/schemas';
import { setupTestApiServer } from '@/testing/api-server';
import type { RecordedRequest } from '@/testing/api-server';
import { cursorBody, makeInstance, makeStageStatus, makeWorkflow } from '@/testing/fixtures';

import { collectMatchingInstances, matchesTerminatedOnly } from './collect-instances';
import type { CollectProgress } from './collect-instances';

const waitingWorkflow = makeWorkflow();
const running = Array.from({ length: 250 }, (_, index) =>
  makeInstance({ id: `run-${index}`, workflow: waitingWorkflow }),
);

const server = setupTestApiServer();

/**
 * Serves `instances` as v2 pages. As on the real server, the cursor carries the
 * offset and the page size, and a request with a cursor ignores `pageSize`.
 */
function pagedInstances(instances: Instance[], delay = 0) {
  return (request: RecordedRequest) => {
    const [offsetText, sizeText] = (request.query.get('cursor') ?? '').split(':');
    const offset = Number(offsetText || 0);
    const pageSize = Number(sizeText || request.query.get('pageSize') || 15);
    const data = instances.slice(offset, offset + pageSize);
    const hasMore = offset + pageSize < instances.length;

    return {
      delay,
      body: cursorBody(data, {
        pageSize,
        hasMore,
        next: hasMore ? `${offset + pageSize}:${pageSize}` : undefined,
      }),
    };
  };
}

function listRequests() {
  return server.requests.filter((request) => request.path.endsWith('/v2/instances'));
}

beforeEach(() => {
  server.route('GET /v2/instances', pagedInstances(running));
});

describe('collectMatchingInstances', () => {
  it('follows every v2 page with the running filter', async () => {
    const progress: CollectProgress[] = [];
    const result = await collectMatchingInstances(
      'v2',
      { workflowID: 'wf-1' },
      { onProgress: (update) => progress.push(update) },
    );

    expect(result.instances).toHaveLength(250);
    expect(result.truncated).toBe(false);
    expect(result.stopped).toBe(false);
    const [first, ...rest] = listRequests();
    expect(first?.query.get('running')).toBe('true');
    expect(first?.query.get('workflowID')).toBe('wf-1');
    expect(first?.query.get('pageSize')).toBe('100');
    expect(rest.map((request) => request.query.get('cursor'))).toEqual(['100:100', '200:100']);
    expect(progress.map((update) => update.listed)).toEqual([100, 200, 250, 250]);
  });

  it('stops at the limit and reports truncation', async () => {
    const result = await collectMatchingInstances('v2', {}, { limit: 150 });

    expect(result.instances).toHaveLength(150);
    expect(result.instances.at(-1)?.id).toBe('run-149');
    expect(result.truncated).toBe(true);
    expect(listRequests()).toHaveLength(2);
  });

  it('reads the single v1 response', async () => {
    server.route('GET /instances', {
      body: { data: [...running.slice(0, 3), makeInstance({ id: 'done', terminated: true })] },
    });

    const result = await collectMatchingInstances('v1', { workflowID: 'wf-1' });

    expect(result.instances.map((instance) => instance.id)).toEqual(['run-0', 'run-1', 'run-2']);
    const request = server.requests.find((item) => item.path.endsWith('/instances'));
    expect(request?.query.get('running')).toBe('true');
    expect(request?.query.get('workflowID')).toBe('wf-1');
  });

  it('keeps the instances found before a stop', async () => {
    server.route('GET /v2/instances', pagedInstances(running, 50));
    const controller = new AbortController();

    const result = await collectMatchingInstances(
      'v2',
      {},
      {
        signal: controller.signal,
        onProgress: (update) => {
          if (update.listed === 100) controller.abort();
        },
      },
    );

    expect(result.stopped).toBe(true);
    expect(result.instances).toHaveLength(100);
    expect(listRequests()).toHaveLength(1);
  });

  it('checks each running instance for the waiting outcome', async () => {
    server.route('GET /v2/instances', pagedInstances(running.slice(0, 4)));
    for (const [index, instance] of running.slice(0, 4).entries()) {
      const waiting = index % 2 === 0;
      const status = waiting
        ? [makeStageStatus()]
        : [makeStageStatus({ terminatedAt: '2025-03-02T09:15:05Z' })];
      server.route(
        `GET /v2/instances/${instance.id}`,
        index === 3
          ? { status: 500, body: { errorCode: 'INTERNAL', errorMessage: 'database is locked' } }
          : { body: { data: { ...instance, status } } },
      );
    }

    const result = await collectMatchingInstances('v2', { outcome: 'waiting' });

    expect(result.instances.map((instance) => instance.id)).toEqual(['run-0', 'run-2']);
    expect(result.instances[0]?.status).toHaveLength(1);
    expect(result.unchecked).toBe(1);
  });

  it('sends no request when only terminated instances match', async () => {
    const result = await collectMatchingInstances('v2', { outcome: 'failed' });

    expect(result.instances).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects when a page fails', async () => {
    server.route('GET /v2/instances', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'database is locked' },
    });

    await expect(collectMatchingInstances('v2', {})).rejects.toThrow('database is locked');
  });
});

describe('matchesTerminatedOnly', () => {
  it('detects filters that keep terminated instances only', () => {
    expect(matchesTerminatedOnly({ running: 'terminated' })).toBe(true);
    expect(matchesTerminatedOnly({ outcome: 'canceled' })).toBe(true);
    expect(matchesTerminatedOnly({ outcome: 'waiting' })).toBe(false);
    expect(matchesTerminatedOnly({ running: 'running' })).toBe(false);
    expect(matchesTerminatedOnly({})).toBe(false);
  });
});
