import '@xyflow/react/dist/style.css';

import { Paper, useComputedColorScheme } from '@mantine/core';
import { Background, Controls, ReactFlow } from '@xyflow/react';
import type { NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';

import { EmptyState } from '@/components/empty-state';
import type { Stage } from '@/lib/orchestration/schemas';

import { StageNode } from './stage-node';
import { buildStageGraph } from './workflow-graph-model';

const nodeTypes: NodeTypes = { stage: StageNode };

type WorkflowGraphProps = {
  stages: Stage[];
  /** Canvas height in pixels. @default 340 */
  height?: number;
};

/** Read-only graph of a workflow's stages, in order. */
export function WorkflowGraph({ stages, height = 340 }: WorkflowGraphProps) {
  const colorScheme = useComputedColorScheme('light');
  const { nodes, edges } = useMemo(() => buildStageGraph(stages), [stages]);

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
        elementsSelectable={false}
        minZoom={0.2}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </Paper>
  );
}
