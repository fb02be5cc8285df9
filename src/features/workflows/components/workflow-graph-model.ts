/** Turns a workflow's stages into React Flow nodes and edges: one node per stage, left to right. */
import type { Edge, Node } from '@xyflow/react';

import { splitStage, summarizeStage } from '@/components/stage-summary';
import type { StageField } from '@/components/stage-summary';
import type { Stage } from '@/lib/orchestration/schemas';

export type StageNodeData = {
  /** 0-based stage number, as in the API. */
  index: number;
  kind: string;
  fields: StageField[];
};

export type StageNode = Node<StageNodeData, 'stage'>;

export const stageNodeWidth = 260;
const horizontalGap = 64;

export function stageNodeId(index: number): string {
  return `stage-${index}`;
}

export function buildStageGraph(stages: Stage[]): { nodes: StageNode[]; edges: Edge[] } {
  const nodes = stages.map((stage, index): StageNode => {
    const { kind, config } = splitStage(stage);

    return {
      id: stageNodeId(index),
      type: 'stage',
      position: { x: index * (stageNodeWidth + horizontalGap), y: 0 },
      data: { index, kind, fields: summarizeStage(kind, config) },
      draggable: false,
      connectable: false,
      selectable: false,
    };
  });

  const edges = stages.slice(1).map((_stage, index): Edge => ({
    id: `edge-${index}-${index + 1}`,
    source: stageNodeId(index),
    target: stageNodeId(index + 1),
    type: 'smoothstep',
  }));

  return { nodes, edges };
}
