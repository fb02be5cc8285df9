/** Turns a workflow's stages into React Flow nodes and edges: one node per stage, left to right. */
import type { Edge, Node } from '@xyflow/react';

import type { DisplayState } from '@/components/state-badge';
import { splitStage, summarizeStage } from '@/components/stage-summary';
import type { StageField } from '@/components/stage-summary';
import type { Stage } from '@/lib/orchestration/schemas';

export type StageNodeData = {
  /** 0-based stage number, as in the API. */
  index: number;
  kind: string;
  fields: StageField[];
  /** State of the stage in one instance; absent on a workflow's own graph. */
  state?: DisplayState;
  /** Marks the stage an instance is running or waiting in. */
  current?: boolean;
  /** Stages flow top to bottom instead of left to right. */
  vertical?: boolean;
};

export type StageNode = Node<StageNodeData, 'stage'>;

/** Instance overlay of the graph: each stage's state, the current stage and the selected one. */
export type StageGraphOverlay = {
  states?: ReadonlyMap<number, DisplayState>;
  currentStage?: number;
  selectedStage?: number;
  /** Makes nodes selectable by click. @default false */
  selectable?: boolean;
  /** Lays the stages out top to bottom, for a narrow side panel. @default 'horizontal' */
  direction?: 'horizontal' | 'vertical';
  /** Stage number of `stages[0]`, when the graph shows a window of a long workflow. @default 0 */
  indexOffset?: number;
};

export const stageNodeWidth = 260;
const horizontalGap = 64;
// Room for a node with a state badge and four summary fields.
const verticalStep = 190;

export function stageNodeId(index: number): string {
  return `stage-${index}`;
}

/** Reads the stage number back from a node id, or `undefined` for another id. */
export function stageIndexFromNodeId(id: string): number | undefined {
  const match = /^stage-(\d+)$/.exec(id);

  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function buildStageGraph(
  stages: Stage[],
  overlay: StageGraphOverlay = {},
): { nodes: StageNode[]; edges: Edge[] } {
  const selectable = overlay.selectable ?? false;
  const vertical = overlay.direction === 'vertical';
  const offset = overlay.indexOffset ?? 0;
  const nodes = stages.map((stage, position): StageNode => {
    const { kind, config } = splitStage(stage);
    const index = offset + position;

    return {
      id: stageNodeId(index),
      type: 'stage',
      position: vertical
        ? { x: 0, y: position * verticalStep }
        : { x: position * (stageNodeWidth + horizontalGap), y: 0 },
      data: {
        index,
        kind,
        fields: summarizeStage(kind, config),
        state: overlay.states?.get(index),
        current: overlay.currentStage === index,
        vertical: vertical || undefined,
      },
      draggable: false,
      connectable: false,
      selectable,
      selected: overlay.selectedStage === index,
    };
  });

  const edges = nodes.slice(1).map((node, position): Edge => {
    const source = nodes[position]?.id ?? node.id;

    return { id: `edge-${source}-${node.id}`, source, target: node.id, type: 'smoothstep' };
  });

  return { nodes, edges };
}
