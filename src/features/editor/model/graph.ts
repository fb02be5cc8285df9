/**
 * React Flow nodes and edges of a document: one node per stage, one edge per
 * pair of consecutive stages. Builders reuse the previous node or edge object
 * when nothing it shows has changed, so that memoised node components skip
 * rendering and a change costs O(stages) cheap comparisons.
 */
import { Position } from '@xyflow/react';
import type { Edge, Node, NodeHandle } from '@xyflow/react';

import type { Stage } from '@/lib/orchestration/schemas';

import { stageKindOf } from './document';
import type { EditorStage } from './document';
import { nodeHeight, nodeWidth } from './grid-layout';
import type { XYPosition } from './grid-layout';

export type StageNodeData = {
  /** 0-based position of the stage in the workflow. */
  index: number;
  kind: string;
  /** The stage element, for the summary line; never mutated. */
  element: Stage;
  errorCount: number;
};

export type StageNode = Node<StageNodeData, 'stage'>;

export type StageEdgeData = {
  /** Index at which a stage inserted on this edge lands (the target's index). */
  insertIndex: number;
};

export type StageEdge = Edge<StageEdgeData, 'stage'>;

const origin: XYPosition = { x: 0, y: 0 };

/** Size of the stage handles (`.react-flow__handle` in @xyflow/react 12 style.css). */
const handleSize = 6;

/**
 * Node size and handle boxes declared up front. React Flow 12 renders every
 * node whose handles it has not measured yet, even with
 * `onlyRenderVisibleElements`, and measures it in the DOM. It also drops the
 * measurement whenever a node object is rebuilt without `measured`. Declaring
 * both lets it render only the visible nodes, on open and after a layout.
 * The boxes match the CSS: handles centred on the top and bottom borders.
 */
const measuredSize = { width: nodeWidth, height: nodeHeight };
const stageHandles: NodeHandle[] = [
  {
    type: 'target',
    position: Position.Top,
    x: (nodeWidth - handleSize) / 2,
    y: -handleSize / 2,
    width: handleSize,
    height: handleSize,
  },
  {
    type: 'source',
    position: Position.Bottom,
    x: (nodeWidth - handleSize) / 2,
    y: nodeHeight - handleSize / 2,
    width: handleSize,
    height: handleSize,
  },
];

/** Accessible name of a stage node, e.g. "Stage 2: wait_event, 1 problem". */
export function nodeLabel(index: number, element: Stage, errorCount: number): string {
  const kind = stageKindOf(element) ?? 'empty stage';
  const problems =
    errorCount === 0 ? '' : `, ${errorCount} ${errorCount === 1 ? 'problem' : 'problems'}`;

  return `Stage ${index + 1}: ${kind}${problems}`;
}

export type GraphInput = {
  stages: readonly EditorStage[];
  positions: Readonly<Record<string, XYPosition>>;
  selection: ReadonlySet<string>;
  errorCounts: ReadonlyMap<string, number>;
};

/** Builds the stage nodes, reusing unchanged objects from `previous` (keyed by id). */
export function buildNodes(
  input: GraphInput,
  previous: ReadonlyMap<string, StageNode> = new Map(),
): StageNode[] {
  return input.stages.map((stage, index) => {
    const position = input.positions[stage.id] ?? origin;
    const selected = input.selection.has(stage.id);
    const errorCount = input.errorCounts.get(stage.id) ?? 0;
    const old = previous.get(stage.id);

    if (
      old &&
      old.position === position &&
      old.selected === selected &&
      old.data.index === index &&
      old.data.element === stage.element &&
      old.data.errorCount === errorCount
    ) {
      return old;
    }

    return {
      id: stage.id,
      type: 'stage',
      position,
      selected,
      width: nodeWidth,
      height: nodeHeight,
      measured: measuredSize,
      handles: stageHandles,
      ariaLabel: nodeLabel(index, stage.element, errorCount),
      data: {
        index,
        kind: stageKindOf(stage.element) ?? '(empty)',
        element: stage.element,
        errorCount,
      },
    };
  });
}

export function buildEdges(
  stages: readonly EditorStage[],
  previous: ReadonlyMap<string, StageEdge> = new Map(),
): StageEdge[] {
  const edges: StageEdge[] = [];

  for (let index = 1; index < stages.length; index += 1) {
    const source = stages[index - 1]?.id ?? '';
    const target = stages[index]?.id ?? '';
    const id = `${source}->${target}`;
    const old = previous.get(id);

    edges.push(
      old && old.data?.insertIndex === index
        ? old
        : {
            id,
            source,
            target,
            type: 'stage',
            // The arrow shows the run order.
            markerEnd: { type: 'arrowclosed', width: 18, height: 18 },
            data: { insertIndex: index },
          },
    );
  }

  return edges;
}

function center(position: XYPosition): XYPosition {
  return { x: position.x + nodeWidth / 2, y: position.y + nodeHeight / 2 };
}

/**
 * Index a dragged stage moves to when dropped onto another stage: the index of
 * the stage whose box contains the pointer (flow coordinates). Returns
 * `undefined` when the drop lands on no other stage; the node then just stays
 * where it was dropped.
 */
export function findDropIndex(
  stages: readonly EditorStage[],
  positions: Readonly<Record<string, XYPosition>>,
  draggedId: string,
  pointer: XYPosition,
): number | undefined {
  for (let index = 0; index < stages.length; index += 1) {
    const stage = stages[index];
    const position = stage && stage.id !== draggedId ? positions[stage.id] : undefined;
    if (
      position &&
      pointer.x >= position.x &&
      pointer.x <= position.x + nodeWidth &&
      pointer.y >= position.y &&
      pointer.y <= position.y + nodeHeight
    ) {
      return index;
    }
  }

  return undefined;
}

/**
 * Index at which a stage dropped from the palette at `point` (flow
 * coordinates) is inserted: next to the closest stage, before it when the
 * point is above its centre and after it otherwise. Appends when there is no stage.
 */
export function findInsertIndex(
  stages: readonly EditorStage[],
  positions: Readonly<Record<string, XYPosition>>,
  point: XYPosition,
): number {
  let best = stages.length;
  let bestDistance = Number.POSITIVE_INFINITY;

  stages.forEach((stage, index) => {
    const position = positions[stage.id];
    if (!position) return;

    const middle = center(position);
    const distance = (middle.x - point.x) ** 2 + (middle.y - point.y) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = point.y < middle.y ? index : index + 1;
    }
  });

  return best;
}
