import { Grid, Group, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { ReactNode } from 'react';

import { getCurrentStage } from '@/lib/orchestration/instance-state';
import type { Instance, InstanceHistory, Workflow } from '@/lib/orchestration/schemas';

import { InstanceError, InstanceHeader } from './instance-header';
import { InstanceGraphPanel } from './instance-graph-panel';
import { buildStageRows } from './instance-stages-model';
import type { ActivitiesState } from './timeline/activities-state';
import { InstanceTimeline } from './timeline/instance-timeline';
import type { TimelineSelection } from './timeline/timeline-model';

export type InstanceViewProps = {
  instance: Instance;
  /** The instance's workflow; getInstance embeds it, a case file stores it. */
  workflow: Workflow | undefined;
  history: InstanceHistory[] | undefined;
  activities: ReadonlyMap<number, ActivitiesState>;
  selection: TimelineSelection;
  onSelectStage: (stage: number) => void;
  onNeededStagesChange?: (stages: number[]) => void;
  linkTo?: (stage: number, activity?: number) => string;
  /** Header buttons; absent in the read-only case-file viewer. */
  actions?: ReactNode;
  eyebrow?: ReactNode;
  linkWorkflow?: boolean;
  /** Shown right of the timeline's title, e.g. the refresh status. */
  timelineStatus?: ReactNode;
  /** Shown between the header and the timeline, e.g. a history load error. */
  notices?: ReactNode;
};

/** Instance page body: header, error, the stage timeline and the workflow graph beside it. */
export function InstanceView(props: InstanceViewProps) {
  const { instance, workflow, history, selection, onSelectStage } = props;
  const config = workflow?.config ?? instance.workflow?.config;
  const rows = useMemo(
    () => buildStageRows(instance, config, history),
    [instance, config, history],
  );
  const current = instance.terminated ? undefined : getCurrentStage(instance, config)?.index;

  return (
    <Stack gap="lg">
      <InstanceHeader
        instance={instance}
        config={config}
        actions={props.actions}
        eyebrow={props.eyebrow}
        linkWorkflow={props.linkWorkflow}
      />
      <InstanceError instance={instance} />
      {props.notices}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 9 }}>
          <section aria-labelledby="instance-timeline-title">
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="h4" id="instance-timeline-title">
                Timeline
              </Title>
              {props.timelineStatus}
            </Group>
            <InstanceTimeline
              instance={instance}
              rows={rows}
              activities={props.activities}
              selection={selection}
              onSelectStage={onSelectStage}
              onNeededStagesChange={props.onNeededStagesChange}
              linkTo={props.linkTo}
            />
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <InstanceGraphPanel
            stages={config?.stages ?? []}
            rows={rows}
            currentStage={current}
            selectedStage={selection.stage}
            onSelectStage={onSelectStage}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
