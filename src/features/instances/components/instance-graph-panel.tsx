import { Text, Title } from '@mantine/core';
import { useMemo } from 'react';

import type { DisplayState } from '@/components/state-badge';
import { WorkflowGraph } from '@/components/workflow-graph/workflow-graph';
import type { StageGraphOverlay } from '@/components/workflow-graph/workflow-graph-model';
import type { Stage } from '@/lib/orchestration/schemas';

import type { StageRow } from './instance-stages-model';

/** Most stages the side graph draws at once; longer workflows show a window around the focus. */
export const graphWindowSize = 40;

type InstanceGraphPanelProps = {
  stages: Stage[];
  rows: StageRow[];
  /** The running or waiting stage, highlighted. */
  currentStage?: number;
  selectedStage?: number;
  onSelectStage: (stage: number) => void;
};

/** Side panel with the workflow's graph, the instance's stage states and the shared selection. */
export function InstanceGraphPanel(props: InstanceGraphPanelProps) {
  const { stages, rows, currentStage, selectedStage, onSelectStage } = props;
  const focus = selectedStage ?? currentStage ?? 0;
  const first =
    stages.length <= graphWindowSize
      ? 0
      : Math.min(Math.max(0, focus - graphWindowSize / 2), stages.length - graphWindowSize);
  const windowStages = useMemo(() => stages.slice(first, first + graphWindowSize), [stages, first]);

  const overlay = useMemo((): StageGraphOverlay => {
    const states = new Map<number, DisplayState>();
    for (const row of rows.slice(first, first + graphWindowSize)) states.set(row.index, row.state);

    return {
      states,
      currentStage,
      selectedStage,
      direction: 'vertical',
      indexOffset: first,
    };
  }, [rows, first, currentStage, selectedStage]);

  return (
    <section aria-labelledby="instance-graph-title">
      <Title order={2} fz="h4" mb="xs" id="instance-graph-title">
        Workflow graph
      </Title>
      {stages.length > graphWindowSize && (
        <Text size="xs" c="dimmed" mb={4}>
          Stages {first} to {first + windowStages.length - 1} of {stages.length}, around the
          selected stage.
        </Text>
      )}
      <WorkflowGraph
        stages={windowStages}
        overlay={overlay}
        onSelectStage={onSelectStage}
        height={560}
      />
    </section>
  );
}
