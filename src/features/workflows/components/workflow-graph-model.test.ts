import { describe, expect, it } from 'vitest';

import { buildStageGraph, stageNodeId } from './workflow-graph-model';

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
