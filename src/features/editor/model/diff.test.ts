import { describe, expect, it } from 'vitest';

import { diffConfigs, diffFields } from './diff';
import type { EditorConfig } from './document';
import { approvalGatedRefund, settleToMerchant } from './example-workflows';

function withStages(config: EditorConfig, stages: EditorConfig['stages']): EditorConfig {
  return { ...config, stages };
}

describe('diffConfigs', () => {
  it('reports identical configs', () => {
    const diff = diffConfigs(settleToMerchant, structuredClone(settleToMerchant));

    expect(diff.identical).toBe(true);
    expect(diff.stages.map((entry) => entry.type)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('treats key order as no change', () => {
    const before: EditorConfig = { stages: [{ send: { amount: { amount: 1, asset: 'X' } } }] };
    const after: EditorConfig = { stages: [{ send: { amount: { asset: 'X', amount: 1 } } }] };

    expect(diffConfigs(before, after).identical).toBe(true);
  });

  it('reports an added stage with its index', () => {
    const after = withStages(settleToMerchant, [
      ...settleToMerchant.stages.slice(0, 1),
      { noop: {} },
      ...settleToMerchant.stages.slice(1),
    ]);
    const diff = diffConfigs(settleToMerchant, after);

    expect(diff.stages).toContainEqual({ type: 'added', toIndex: 1, kind: 'noop' });
    expect(diff.stages.filter((entry) => entry.type === 'unchanged')).toHaveLength(3);
    expect(diff.identical).toBe(false);
  });

  it('reports a removed stage', () => {
    const after = withStages(approvalGatedRefund, approvalGatedRefund.stages.slice(0, 3));

    expect(diffConfigs(approvalGatedRefund, after).stages).toContainEqual({
      type: 'removed',
      fromIndex: 3,
      kind: 'noop',
    });
  });

  it('reports changed fields of a stage of the same kind', () => {
    const after = withStages(settleToMerchant, [
      settleToMerchant.stages[0] ?? {},
      { delay: { until: '2030-01-01T00:00:00Z' } },
      settleToMerchant.stages[2] ?? {},
    ]);
    const [, change] = diffConfigs(settleToMerchant, after).stages;

    expect(change).toEqual({
      type: 'changed',
      fromIndex: 1,
      toIndex: 1,
      kind: 'delay',
      fields: [
        { path: 'delay.duration', type: 'removed', before: '72h' },
        { path: 'delay.until', type: 'added', after: '2030-01-01T00:00:00Z' },
      ],
    });
  });

  it('reports a stage moved to another place', () => {
    const [send, wait, release, noop] = approvalGatedRefund.stages;
    const after = withStages(approvalGatedRefund, [
      noop ?? {},
      send ?? {},
      wait ?? {},
      release ?? {},
    ]);
    const diff = diffConfigs(approvalGatedRefund, after);

    expect(diff.stages).toContainEqual({ type: 'moved', fromIndex: 3, toIndex: 0, kind: 'noop' });
    expect(diff.stages.some((entry) => entry.type === 'removed' || entry.type === 'added')).toBe(
      false,
    );
  });

  it('reports a kind change as removed plus added', () => {
    const before: EditorConfig = { stages: [{ noop: {} }] };
    const after: EditorConfig = { stages: [{ wait_event: { event: 'go' } }] };

    expect(diffConfigs(before, after).stages).toEqual([
      { type: 'added', toIndex: 0, kind: 'wait_event' },
      { type: 'removed', fromIndex: 0, kind: 'noop' },
    ]);
  });

  it('reports name and other top-level keys', () => {
    const diff = diffConfigs(
      { name: 'a', stages: [], owner: 'x' },
      { name: 'b', stages: [], owner: 'y', team: 'z' },
    );

    expect(diff.name).toEqual({ before: 'a', after: 'b' });
    expect(diff.otherKeys).toEqual([
      { path: 'owner', type: 'changed', before: 'x', after: 'y' },
      { path: 'team', type: 'added', after: 'z' },
    ]);
  });

  it('diffs 1,000 stages', () => {
    const stages = Array.from({ length: 1000 }, (_, index) => ({
      wait_event: { event: `e${index}` },
    }));
    const after = [...stages];
    after[500] = { wait_event: { event: 'changed' } };
    const diff = diffConfigs({ stages }, { stages: after });

    expect(diff.stages.filter((entry) => entry.type === 'changed')).toHaveLength(1);
  });
});

describe('diffFields', () => {
  it('reports fields added into an empty object only once', () => {
    expect(diffFields({ metadata: {} }, { metadata: { a: '1' } })).toEqual([
      { path: 'metadata.a', type: 'added', after: '1' },
    ]);
  });

  it('compares arrays as whole values', () => {
    expect(diffFields({ list: [1, 2] }, { list: [1, 3] })).toEqual([
      { path: 'list', type: 'changed', before: [1, 2], after: [1, 3] },
    ]);
  });
});
