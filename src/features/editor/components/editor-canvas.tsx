import '@xyflow/react/dist/style.css';

import { Text, useComputedColorScheme } from '@mantine/core';
import { Background, Controls, Panel, ReactFlow, useReactFlow } from '@xyflow/react';
import type { NodeChange, OnNodeDrag } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Dispatch, DragEvent } from 'react';

import { isStageKind, createStageElement } from '../model/document';
import type { EditorStage } from '../model/document';
import { buildEdges, buildNodes, findDropIndex, findInsertIndex } from '../model/graph';
import type { StageEdge, StageNode } from '../model/graph';
import { nodeHeight, nodeWidth } from '../model/grid-layout';
import type { XYPosition } from '../model/grid-layout';
import type { EditorAction } from '../model/history';

import { paletteDataType } from './stage-palette';
import { StageEdgeComponent } from './stage-edge';
import { StageMiniMap } from './stage-minimap';
import { StageNodeComponent } from './stage-node';

const nodeTypes = { stage: StageNodeComponent };
/** Stage count above which the first view shows only the first stages. */
const largeWorkflow = 60;
const edgeTypes = { stage: StageEdgeComponent };

/** A request to bring one stage into view; `nonce` repeats a request for the same stage. */
export type FocusRequest = { stageId: string; nonce: number };

type EditorCanvasProps = {
  stages: readonly EditorStage[];
  positions: Readonly<Record<string, XYPosition>>;
  selection: readonly string[];
  errorCounts: ReadonlyMap<string, number>;
  focusRequest: FocusRequest | undefined;
  dispatch: Dispatch<EditorAction>;
};

export function EditorCanvas(props: EditorCanvasProps) {
  const { stages, positions, selection, errorCounts, focusRequest, dispatch } = props;
  const colorScheme = useComputedColorScheme('light');
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  // Previous node and edge objects, so that unchanged ones keep their identity.
  const [cache] = useState(() => ({
    nodes: new Map<string, StageNode>(),
    edges: new Map<string, StageEdge>(),
  }));
  // Latest values for stable callbacks and effects that must not re-run on every change.
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const positionsRef = useRef(positions);
  positionsRef.current = positions;

  // A long workflow opens on its first stages at a readable zoom, not shrunk to fit.
  const [initialFit] = useState(() => ({
    maxZoom: 1,
    nodes:
      stages.length > largeWorkflow
        ? stages.slice(0, 12).map((stage) => ({ id: stage.id }))
        : undefined,
  }));
  const selectionSet = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(() => {
    const built = buildNodes(
      { stages, positions, selection: selectionSet, errorCounts },
      cache.nodes,
    );
    cache.nodes = new Map(built.map((node) => [node.id, node]));
    return built;
  }, [stages, positions, selectionSet, errorCounts, cache]);
  const edges = useMemo(() => {
    const built = buildEdges(stages, cache.edges);
    cache.edges = new Map(built.map((edge) => [edge.id, edge]));
    return built;
  }, [stages, cache]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StageNode>[]) => {
      const moved: Record<string, XYPosition> = {};
      const selected = new Set(selectionRef.current);
      let selectionChanged = false;

      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          moved[change.id] = change.position;
        } else if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }

      if (Object.keys(moved).length > 0) dispatch({ type: 'setPositions', positions: moved });
      if (selectionChanged) dispatch({ type: 'select', ids: [...selected] });
    },
    [dispatch],
  );

  const onNodeDragStop: OnNodeDrag<StageNode> = useCallback(
    (event, node, dragged) => {
      if (dragged.length !== 1) return;

      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;

      const pointer = screenToFlowPosition({ x: point.clientX, y: point.clientY });
      const index = findDropIndex(stages, positions, node.id, pointer);
      if (index !== undefined) dispatch({ type: 'move', id: node.id, toIndex: index });
    },
    [stages, positions, dispatch, screenToFlowPosition],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(paletteDataType)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(paletteDataType);
      if (!isStageKind(kind)) return;

      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const index = findInsertIndex(stages, positions, point);
      dispatch({ type: 'insert', index, elements: [createStageElement(kind)] });
    },
    [stages, positions, dispatch, screenToFlowPosition],
  );

  // A stage added by the palette, a paste or a duplicate is brought into view.
  const stageCountRef = useRef(stages.length);
  useEffect(() => {
    const added = stages.length > stageCountRef.current;
    stageCountRef.current = stages.length;
    const position = added && selection.length === 1 ? positions[selection[0] ?? ''] : undefined;
    if (!position) return;

    void setCenter(position.x + nodeWidth / 2, position.y + nodeHeight / 2, {
      zoom: getZoom(),
      duration: 200,
    });
  }, [stages.length, selection, positions, setCenter, getZoom]);

  useEffect(() => {
    const position = focusRequest && positionsRef.current[focusRequest.stageId];
    if (!position) return;

    void setCenter(position.x + nodeWidth / 2, position.y + nodeHeight / 2, {
      zoom: Math.max(getZoom(), 0.8),
      duration: 200,
    });
  }, [focusRequest, setCenter, getZoom]);

  return (
    <ReactFlow<StageNode, StageEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onNodeDragStop={onNodeDragStop}
      onDragOver={onDragOver}
      onDrop={onDrop}
      colorMode={colorScheme}
      onlyRenderVisibleElements
      nodesConnectable={false}
      deleteKeyCode={null}
      minZoom={0.05}
      fitView
      fitViewOptions={initialFit}
      aria-label="Workflow canvas"
    >
      {stages.length === 0 && (
        <Panel position="top-center">
          <Text size="sm" c="dimmed" mt="xl">
            Drag a stage here from the palette, or click one to append it.
          </Text>
        </Panel>
      )}
      <Background gap={24} />
      <Controls showInteractive={false} />
      <StageMiniMap stages={stages} positions={positions} selection={selection} />
    </ReactFlow>
  );
}
