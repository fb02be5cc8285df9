import { describe, expect, it } from 'vitest';

import { cursorSchema, dataSchema, workflowSchema } from '@/lib/orchestration/schemas';
import { makeWorkflow } from '@/testing/fixtures';

import { workflowListBody, workflowPageBody } from './workflow-checks';

const workflow = makeWorkflow();

/** Workflow bodies, valid and invalid, including the real server's `null` quirks. */
const workflowCases: Array<[string, unknown]> = [
  ['a complete workflow', workflow],
  ['a deleted workflow', { ...workflow, deletedAt: '2026-01-02T00:00:00Z' }],
  ['null stages', { ...workflow, config: { name: 'x', stages: null } }],
  ['absent stages', { ...workflow, config: { name: 'x' } }],
  ['a null name', { ...workflow, config: { name: null, stages: [] } }],
  ['a null deletedAt', { ...workflow, deletedAt: null }],
  ['unknown keys', { ...workflow, extra: 1, config: { ...workflow.config, other: true } }],
  ['a missing id', { ...workflow, id: undefined }],
  ['a numeric name', { ...workflow, config: { name: 3, stages: [] } }],
  ['a stage that is an array', { ...workflow, config: { stages: [[1]] } }],
  ['a stage that is a string', { ...workflow, config: { stages: ['noop'] } }],
  ['an empty createdAt', { ...workflow, createdAt: '' }],
  ['an empty deletedAt', { ...workflow, deletedAt: '' }],
  ['a missing config', { ...workflow, config: undefined }],
  ['null', null],
  ['an array', [workflow]],
];

const zodPage = cursorSchema(workflowSchema);
const zodList = dataSchema(workflowSchema.array());

function cursor(overrides: Record<string, unknown>) {
  return { cursor: { pageSize: 15, hasMore: false, data: [workflow], ...overrides } };
}

const pageCases: Array<[string, unknown]> = [
  ['a first page', cursor({})],
  ['a middle page', cursor({ hasMore: true, next: 'n', previous: 'p' })],
  ['null data', cursor({ data: null })],
  ['null cursors', cursor({ next: null, previous: null })],
  ['a fractional pageSize', cursor({ pageSize: 1.5 })],
  ['a string hasMore', cursor({ hasMore: 'true' })],
  ['an invalid workflow', cursor({ data: [{ id: 1 }] })],
  ['no cursor', { data: [workflow] }],
];

const listCases: Array<[string, unknown]> = [
  ['a list', { data: [workflow, { ...workflow, id: 'b', config: { stages: null } }] }],
  ['an empty list', { data: [] }],
  ['null data', { data: null }],
  ['an invalid workflow', { data: [{ ...workflow, updatedAt: 5 }] }],
];

describe('workflowPageBody', () => {
  it.each([
    ...workflowCases.map(([name, body]): [string, unknown] => [
      `a page with ${name}`,
      cursor({ data: [body] }),
    ]),
    ...pageCases,
  ])('agrees with the zod schema on %s', (_name, body) => {
    const expected = zodPage.safeParse(body);
    const actual = workflowPageBody.safeParse(body);

    expect(actual.success).toBe(expected.success);
    if (actual.success && expected.success) expect(actual.data).toEqual(expected.data);
  });

  it('names the path of the first invalid value', () => {
    const result = workflowPageBody.safeParse(cursor({ data: [workflow, { ...workflow, id: 7 }] }));

    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0]?.path).toEqual(['cursor', 'data', 1, 'id']);
      expect(result.error.issues[0]?.message).toBe('expected a string');
    }
  });
});

describe('workflowListBody', () => {
  it.each(listCases)('agrees with the zod schema on %s', (_name, body) => {
    const expected = zodList.safeParse(body);
    const actual = workflowListBody.safeParse(body);

    expect(actual.success).toBe(expected.success);
    if (actual.success && expected.success) expect(actual.data).toEqual(expected.data);
  });
});
