import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';
import {
  cursorBody,
  makeInstance,
  makeInstanceHistory,
  makeStageHistory,
  makeStageStatus,
  makeWorkflow,
} from '@/testing/fixtures';
import { createTestQueryClient } from '@/testing/render-app';

import { collectCaseFile } from './export-case-file';
import type { CaseFileProgress } from './export-case-file';
import { stageHistoryConcurrency } from './get-instance-stage-history';

const stageCount = 40;
const workflow = makeWorkflow({
  config: { name: 'many', stages: Array.from({ length: stageCount }, () => ({ noop: {} })) },
});
const instance = makeInstance({
  id: 'inst-1',
  workflowID: workflow.id,
  workflow,
  terminated: true,
  status: Array.from({ length: stageCount }, (_, stage) => makeStageStatus({ stage })),
});
const source = { connection: 'Local server' };

let server: TestApiServer;
let active = 0;
let maxActive = 0;

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function stageRequests() {
  return server.requests.filter((request) => request.path.includes('/stages/'));
}

beforeAll(async () => {
  server = await startTestApiServer({
    'GET /v2/instances/inst-1': { body: { data: instance } },
    'GET /v2/instances/inst-1/history': { body: { data: [makeInstanceHistory()] } },
    'GET /v2/triggers': { body: cursorBody([]) },
  });
  for (let stage = 0; stage < stageCount; stage += 1) {
    server.route(`GET /v2/instances/inst-1/stages/${stage}/history`, async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await delay(10);
      active -= 1;

      return { body: { data: [makeStageHistory({ input: { stage } })] } };
    });
  }
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  active = 0;
  maxActive = 0;
  setApiBaseUrl(server.url);
});

describe('collectCaseFile', () => {
  it('fetches every stage history within the concurrency limit', async () => {
    const progress: CaseFileProgress[] = [];
    const file = await collectCaseFile(createTestQueryClient(), 'inst-1', source, 'v2', {
      onProgress: (update) => progress.push(update),
    });

    expect(file.stageHistories.map((entry) => entry.stage)).toEqual(
      Array.from({ length: stageCount }, (_, stage) => stage),
    );
    expect(file.stageHistories[7]?.activities[0]?.input).toEqual({ stage: 7 });
    expect(stageRequests()).toHaveLength(stageCount);
    expect(maxActive).toBeLessThanOrEqual(stageHistoryConcurrency);
    expect(maxActive).toBeGreaterThan(1);
    expect(progress[0]).toEqual({ done: 0, total: stageCount });
    expect(progress.at(-1)).toEqual({ done: stageCount, total: stageCount });
  });

  it('stops sending requests once aborted', async () => {
    const controller = new AbortController();
    const exporting = collectCaseFile(createTestQueryClient(), 'inst-1', source, 'v2', {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 3) controller.abort();
      },
    });

    await expect(exporting).rejects.toThrow();
    await delay(100);
    expect(stageRequests().length).toBeLessThan(3 + 2 * stageHistoryConcurrency);
  });
});
