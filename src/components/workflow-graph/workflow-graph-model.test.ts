import { describe, expect, it } from 'vitest';

import { buildStageGraph, stageIndexFromNodeId, stageNodeId } from './workflow-graph-model';

describe('buildStageGraph', () => {
  it('creates one node per stage in order and chains them', () => {
    const { nodes, edges } = buildStageGraph([
      { wait_event: { event: 'approve' } },
      { delay: { duration: '1h' } },
      { noop: {} },
    ]);

    expect(nodes.map((node) => node.id)).toEqual(['stage-0', 'stage-1', 'stage-2']);
    expect(nodes.map((node) => node.data.kind)).toEqual(['wait_event', 'delay', 'noop']);
    expect(nodes[0]?.data.fields).toEqual([{ label: 'Event', value: 'approve' }]);
    expect(edges.map((edge) => [edge.source, edge.target])).toEqual([
      ['stage-0', 'stage-1'],
      ['stage-1', 'stage-2'],
    ]);
  });

  it('places nodes left to right without overlap', () => {
    const { nodes } = buildStageGraph([{ noop: {} }, { noop: {} }]);
    const [first, second] = nodes;

    expect(second!.position.x - first!.position.x).toBeGreaterThan(260);
    expect(second!.position.y).toBe(first!.position.y);
  });

  it('returns nothing for an empty workflow', () => {
    expect(buildStageGraph([])).toEqual({ nodes: [], edges: [] });
  });

  it('names nodes by stage number', () => {
    expect(stageNodeId(4)).toBe('stage-4');
  });
});

describe('buildStageGraph overlay', () => {
  it('marks states, the current stage and the selection', () => {
    const { nodes } = buildStageGraph([{ noop: {} }, { delay: { duration: '1h' } }], {
      states: new Map([
        [0, 'succeeded'],
        [1, 'running'],
      ]),
      currentStage: 1,
      selectedStage: 0,
      selectable: true,
    });

    expect(nodes.map((node) => node.data.state)).toEqual(['succeeded', 'running']);
    expect(nodes.map((node) => node.data.current)).toEqual([false, true]);
    expect(nodes.map((node) => node.selected)).toEqual([true, false]);
    expect(nodes[0]?.selectable).toBe(true);
  });

  it('reads the stage number back from a node id', () => {
    expect(stageIndexFromNodeId(stageNodeId(12))).toBe(12);
    expect(stageIndexFromNodeId('edge-1-2')).toBeUndefined();
  });
});
