import { describe, expect, it } from 'vitest';

import { configToDocument } from './document';
import { approvalGatedRefund } from './example-workflows';
import { buildEdges, buildNodes, findDropIndex, findInsertIndex } from './graph';
import type { GraphInput, StageNode } from './graph';
import { gridLayout, nodeHeight, nodeWidth, rowGap, rowsPerColumn } from './grid-layout';

function input(overrides: Partial<GraphInput> = {}): GraphInput {
  const { stages } = configToDocument(approvalGatedRefund);

  return {
    stages,
    positions: gridLayout(stages),
    selection: new Set(),
    errorCounts: new Map(),
    ...overrides,
  };
}

function byId(nodes: StageNode[]): Map<string, StageNode> {
  return new Map(nodes.map((node) => [node.id, node]));
}

describe('buildNodes', () => {
  it('makes one node per stage in order', () => {
    const nodes = buildNodes(input());

    expect(nodes.map((node) => node.data.kind)).toEqual(['send', 'wait_event', 'send', 'noop']);
    expect(nodes.map((node) => node.data.index)).toEqual([0, 1, 2, 3]);
  });

  it('reuses unchanged nodes and rebuilds changed ones', () => {
    const first = input();
    const previous = buildNodes(first);
    const selected = first.stages[1]?.id ?? '';
    const next = buildNodes({ ...first, selection: new Set([selected]) }, byId(previous));

    expect(next[0]).toBe(previous[0]);
    expect(next[1]).not.toBe(previous[1]);
    expect(next[1]?.selected).toBe(true);
  });

  it('declares its size and handles so React Flow need not measure it', () => {
    const [node] = buildNodes(input());

    expect(node?.measured).toEqual({ width: nodeWidth, height: nodeHeight });
    expect(node?.handles?.map((handle) => [handle.type, handle.position])).toEqual([
      ['target', 'top'],
      ['source', 'bottom'],
    ]);
    // Handles are centred on the top and bottom borders, like the CSS draws them.
    for (const handle of node?.handles ?? []) {
      expect(handle.x + (handle.width ?? 0) / 2).toBe(nodeWidth / 2);
    }
    expect(node?.handles?.[0]?.y).toBe(-(node?.handles?.[0]?.height ?? 0) / 2);
    expect(node?.handles?.[1]?.y).toBe(nodeHeight - (node?.handles?.[1]?.height ?? 0) / 2);
  });

  it('rebuilds a node when its error count changes', () => {
    const first = input();
    const previous = buildNodes(first);
    const id = first.stages[0]?.id ?? '';
    const next = buildNodes({ ...first, errorCounts: new Map([[id, 2]]) }, byId(previous));

    expect(next[0]?.data.errorCount).toBe(2);
    expect(next[1]).toBe(previous[1]);
  });
});

describe('buildEdges', () => {
  it('links consecutive stages with their insert index', () => {
    const { stages } = input();
    const edges = buildEdges(stages);

    expect(edges).toHaveLength(3);
    expect(edges[0]).toMatchObject({ source: stages[0]?.id, target: stages[1]?.id });
    expect(edges.map((edge) => edge.data?.insertIndex)).toEqual([1, 2, 3]);
  });

  it('reuses unchanged edges', () => {
    const { stages } = input();
    const previous = buildEdges(stages);
    const next = buildEdges(stages, new Map(previous.map((edge) => [edge.id, edge])));

    expect(next[2]).toBe(previous[2]);
  });
});

describe('gridLayout', () => {
  it('keeps short workflows in one column', () => {
    const { stages, positions } = input();

    expect(new Set(stages.map((stage) => positions[stage.id]?.x)).size).toBe(1);
  });

  it('wraps 1,000 stages into columns', () => {
    const stages = Array.from({ length: 1000 }, (_, index) => ({
      id: `s${index}`,
      element: { noop: {} },
    }));
    const positions = gridLayout(stages);
    const columns = new Set(Object.values(positions).map((position) => position.x)).size;

    expect(rowsPerColumn(1000)).toBeGreaterThan(12);
    expect(columns).toBe(Math.ceil(1000 / rowsPerColumn(1000)));
  });
});

describe('findDropIndex', () => {
  it('returns the index of the stage under the pointer', () => {
    const { stages, positions } = input();
    const dragged = stages[0]?.id ?? '';
    const target = positions[stages[2]?.id ?? ''] ?? { x: 0, y: 0 };

    expect(findDropIndex(stages, positions, dragged, { x: target.x + 10, y: target.y + 5 })).toBe(
      2,
    );
  });

  it('ignores the dragged stage itself', () => {
    const { stages, positions } = input();
    const dragged = stages[1]?.id ?? '';
    const own = positions[dragged] ?? { x: 0, y: 0 };

    expect(
      findDropIndex(stages, positions, dragged, { x: own.x + 5, y: own.y + 5 }),
    ).toBeUndefined();
  });

  it('returns undefined when dropped on empty canvas', () => {
    const { stages, positions } = input();

    expect(
      findDropIndex(stages, positions, stages[0]?.id ?? '', { x: 2000, y: 2000 }),
    ).toBeUndefined();
  });
});

describe('findInsertIndex', () => {
  it('inserts before the closest stage when above its centre', () => {
    const { stages, positions } = input();
    const y = (nodeHeight + rowGap) * 2 + 2;

    expect(findInsertIndex(stages, positions, { x: 100, y })).toBe(2);
  });

  it('inserts after the closest stage when below its centre', () => {
    const { stages, positions } = input();
    const y = (nodeHeight + rowGap) * 3 + nodeHeight;

    expect(findInsertIndex(stages, positions, { x: 100, y })).toBe(4);
  });

  it('appends to an empty workflow', () => {
    expect(findInsertIndex([], {}, { x: 0, y: 0 })).toBe(0);
  });
});
