import { Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentVisibility } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { PageHeader } from '@/components/page-header';
import { instancePollInterval } from '@/features/instances/api/get-instance';
import { useInstance, useInstanceHistory } from '@/features/instances/api/versioned-instances';
import { useUrlParams } from '@/hooks/use-url-params';
import { isNotFound } from '@/lib/errors';
import type { Instance } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';
import { instanceKeys } from '@/lib/query-keys';

import { ExportCaseFile } from './case-file/export-case-file';
import { CancelInstance } from './cancel-instance';
import { InstanceRefresh } from './instance-refresh';
import { InstanceView } from './instance-view';
import { parseSelection } from './timeline/timeline-model';
import { useStageActivities } from './timeline/use-stage-activities';
import { SendEvent } from './send-event';

type InstanceDetailsProps = {
  instanceId: string;
  /** Extra header actions that need another feature, e.g. "Run again", built by the route. */
  extraActions?: (instance: Instance) => ReactNode;
};

/** Live instance page: polls while the instance runs and offers its actions. */
export function InstanceDetails({ instanceId, extraActions }: InstanceDetailsProps) {
  const [paused, setPaused] = useState(false);
  const visibility = useDocumentVisibility();
  const instance = useInstance(instanceId, {
    refetchInterval: paused ? false : instancePollInterval,
  });
  const running = instance.data !== undefined && !instance.data.terminated;
  const refetchInterval = running && !paused ? instancePollInterval : false;
  const history = useInstanceHistory(instanceId, {
    enabled: instance.data !== undefined,
    refetchInterval,
  });
  const [searchParams, setParams] = useUrlParams();
  const selection = parseSelection(searchParams);
  const [neededStages, setNeededStages] = useState<number[]>([]);

  useRefreshOnTermination(instanceId, instance.data?.terminated);

  const selectStage = useCallback(
    (stage: number) => setParams({ stage, activity: undefined }, { replace: true }),
    [setParams],
  );
  const linkTo = useCallback(
    (stage: number, activity?: number) =>
      new URL(paths.instance(instanceId, { stage, activity }), window.location.origin).href,
    [instanceId],
  );

  if (instance.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading instance">
        <Skeleton height={28} width="50%" />
        <Skeleton height={14} width="70%" />
        <Skeleton height={200} />
      </Stack>
    );
  }

  if (instance.isError) {
    return (
      <>
        <PageHeader
          eyebrow="Instance"
          title={
            <Text span inherit ff="monospace">
              {instanceId}
            </Text>
          }
        />
        <ApiErrorAlert
          title={isNotFound(instance.error) ? 'Instance not found' : 'Could not load the instance'}
          error={instance.error}
          onRetry={() => void instance.refetch()}
          retrying={instance.isFetching}
        />
      </>
    );
  }

  const data = instance.data;
  const config = data.workflow?.config;

  return (
    <LiveActivities instance={data} stages={neededStages} refetchInterval={refetchInterval}>
      {(activities) => (
        <InstanceView
          instance={data}
          workflow={data.workflow}
          history={history.data}
          activities={activities}
          selection={selection}
          onSelectStage={selectStage}
          onNeededStagesChange={setNeededStages}
          linkTo={linkTo}
          actions={
            <>
              <SendEvent instance={data} config={config} />
              <CancelInstance instance={data} config={config} />
              {extraActions?.(data)}
              <ExportCaseFile instance={data} />
            </>
          }
          timelineStatus={
            <InstanceRefresh
              updatedAt={instance.dataUpdatedAt}
              running={running}
              paused={paused}
              hidden={visibility === 'hidden'}
              fetching={instance.isFetching}
              intervalMs={instancePollInterval}
              onPausedChange={setPaused}
            />
          }
          notices={
            history.isError && (
              <ApiErrorAlert
                title="Could not load the instance history"
                error={history.error}
                onRetry={() => void history.refetch()}
              />
            )
          }
        />
      )}
    </LiveActivities>
  );
}

type LiveActivitiesProps = {
  instance: Instance;
  stages: readonly number[];
  refetchInterval: number | false;
  children: (activities: ReturnType<typeof useStageActivities>) => ReactNode;
};

// A component of its own, because the hook needs the loaded instance.
function LiveActivities({ instance, stages, refetchInterval, children }: LiveActivitiesProps) {
  const activities = useStageActivities(instance, stages, refetchInterval);

  return children(activities);
}

/**
 * Refetches the history and stage histories once when a watched instance
 * terminates: polling stops then, and the last poll may predate the end.
 */
function useRefreshOnTermination(instanceId: string, terminated: boolean | undefined) {
  const queryClient = useQueryClient();
  const seenRunning = useRef(false);

  useEffect(() => {
    if (terminated === false) seenRunning.current = true;
    if (terminated !== true || !seenRunning.current) return;

    seenRunning.current = false;
    void queryClient.invalidateQueries({ queryKey: instanceKeys.history('v2', instanceId) });
    void queryClient.invalidateQueries({ queryKey: instanceKeys.stageHistories('v2', instanceId) });
  }, [queryClient, instanceId, terminated]);
}
