import { describe, expect, it } from 'vitest';

import {
  makeInstance,
  makeInstanceHistory,
  makeStageHistory,
  makeStageStatus,
  makeWorkflow,
} from '@/testing/fixtures';

import { buildCaseFile, caseFileFormat, caseFileName, parseCaseFile } from './case-file';

const workflow = makeWorkflow();
const instance = makeInstance({ workflowID: workflow.id, status: [makeStageStatus()] });

function sampleFile() {
  return buildCaseFile({
    exportedAt: new Date('2025-03-02T10:00:00Z'),
    source: { connection: 'Local server', serverUrl: 'http://127.0.0.1:8090' },
    workflow,
    instance,
    history: [makeInstanceHistory()],
    stageHistories: new Map([
      [2, [makeStageHistory()]],
      [0, []],
    ]),
    trigger: { status: 'not-found', triggersSearched: 1, complete: true },
  });
}

describe('buildCaseFile', () => {
  it('sorts stage histories by stage number', () => {
    const file = sampleFile();

    expect(file.format).toBe(caseFileFormat);
    expect(file.exportedAt).toBe('2025-03-02T10:00:00.000Z');
    expect(file.stageHistories.map((entry) => entry.stage)).toEqual([0, 2]);
  });
});

describe('parseCaseFile', () => {
  it('reads back an exported file', () => {
    const file = sampleFile();
    const result = parseCaseFile(JSON.stringify(file));

    expect(result).toEqual({ ok: true, file });
  });

  it('rejects text that is not JSON', () => {
    const result = parseCaseFile('{ nope');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The file is not valid JSON/);
  });

  it('rejects JSON of another format', () => {
    const result = parseCaseFile(JSON.stringify({ data: [] }));

    expect(!result.ok && result.error).toMatch(/not a Flowdeck case file/);
  });

  it('lists the invalid fields', () => {
    const broken = { ...sampleFile(), instance: { id: 7 } };
    const result = parseCaseFile(JSON.stringify(broken));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/instance\.id/);
    expect(!result.ok && result.error).toMatch(/instance\.workflowID/);
  });

  it('rejects a workflow that is not the instance workflow', () => {
    const other = { ...sampleFile(), workflow: makeWorkflow({ id: 'another' }) };
    const result = parseCaseFile(JSON.stringify(other));

    expect(!result.ok && result.error).toMatch(/workflow\.id: workflow another is not/);
  });
});

describe('caseFileName', () => {
  it('keeps only safe characters', () => {
    expect(caseFileName('5f0c2a9e-1d7b')).toBe('instance-5f0c2a9e-1d7b.case.json');
    expect(caseFileName('../x')).toBe('instance-___x.case.json');
  });
});
