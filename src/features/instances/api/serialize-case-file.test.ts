import { describe, expect, it } from 'vitest';

import { makeInstance, makeStageHistory, makeWorkflow } from '@/testing/fixtures';

import { buildCaseFile } from './case-file';
import type { CaseFile } from './case-file';
import { serializeCaseFile, serializeChunkSize } from './serialize-case-file';

function caseFile(stageCount: number): CaseFile {
  const workflow = makeWorkflow();

  return buildCaseFile({
    exportedAt: new Date('2025-03-02T10:00:00Z'),
    source: { connection: 'Local server' },
    workflow,
    instance: makeInstance({ workflowID: workflow.id }),
    history: [],
    stageHistories: new Map(
      Array.from({ length: stageCount }, (_, stage) => [
        stage,
        [makeStageHistory({ input: { note: `stage "${stage}"\nline two` } })],
      ]),
    ),
    trigger: { status: 'error', message: 'not searched' },
  });
}

describe('serializeCaseFile', () => {
  it.each([0, 1, serializeChunkSize, serializeChunkSize * 2 + 7])(
    'matches JSON.stringify with %i stage histories',
    async (count) => {
      const file = caseFile(count);
      const parts = await serializeCaseFile(file);

      expect(parts.join('')).toBe(JSON.stringify(file, null, 2));
    },
  );

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(serializeCaseFile(caseFile(3), controller.signal)).rejects.toThrow();
  });
});
