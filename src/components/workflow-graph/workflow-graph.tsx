import '@xyflow/react/dist/style.css';

import { Paper, useComputedColorScheme } from '@mantine/core';
import { Background, Controls, ReactFlow } from '@xyflow/react';
import type { Node, NodeMouseHandler, NodeTypes } from '@xyflow/react';
import { useCallback, useMemo } from 'react';

import { EmptyState } from '@/components/empty-state';
import type { Stage } from '@/lib/orchestration/schemas';

import { StageNode } from './stage-node';
import { buildStageGraph, stageIndexFromNodeId } from './workflow-graph-model';
import type { StageGraphOverlay } from './workflow-graph-model';

const nodeTypes: NodeTypes = { stage: StageNode };

// Above this many stages React Flow renders only the nodes inside the viewport.
const visibleOnlyThreshold = 200;

type WorkflowGraphProps = {
  stages: Stage[];
  /** Canvas height in pixels. @default 340 */
  height?: number | string;
  /** Per-stage states, current and selected stage of one instance. */
  overlay?: StageGraphOverlay;
  /** Called with the 0-based stage number of a clicked node; makes nodes selectable. */
  onSelectStage?: (stage: number) => void;
};

/** Read-only graph of a workflow's stages, in order, optionally showing one instance's progress. */
export function WorkflowGraph({
  stages,
  height = 340,
  overlay,
  onSelectStage,
}: WorkflowGraphProps) {
  const colorScheme = useComputedColorScheme('light');
  const selectable = onSelectStage !== undefined;
  const { nodes, edges } = useMemo(
    () => buildStageGraph(stages, { ...overlay, selectable }),
    [stages, overlay, selectable],
  );

  const onNodeClick: NodeMouseHandler<Node> = useCallback(
    (_event, node) => {
      const index = stageIndexFromNodeId(node.id);

      if (index !== undefined) onSelectStage?.(index);
    },
    [onSelectStage],
  );

  if (stages.length === 0) {
    return <EmptyState title="No stages" description="This workflow defines no stages." />;
  }

  return (
    <Paper withBorder h={height} style={{ overflow: 'hidden' }} aria-label="Workflow stages graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={colorScheme}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={selectable}
        onNodeClick={selectable ? onNodeClick : undefined}
        onlyRenderVisibleElements={stages.length > visibleOnlyThreshold}
        minZoom={0.05}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Paper>
  );
}
