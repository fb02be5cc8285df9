import { Alert, Anchor, Group, Loader, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHandStop } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { CopyId } from '@/components/copy-id';
import { PageHeader } from '@/components/page-header';
import { RelativeTime } from '@/components/relative-time';
import { StateBadge, stateLabel } from '@/components/state-badge';
import { instancePollInterval, useV2GetInstance } from '@/features/instances/api/get-instance';
import { useV2GetInstanceHistory } from '@/features/instances/api/get-instance-history';
import { useNow } from '@/hooks/use-now';
import { formatDateTime, formatDuration, shortId } from '@/lib/format';
import { isNotFound } from '@/lib/errors';
import {
  canceledError,
  getInstanceDuration,
  getInstanceState,
} from '@/lib/orchestration/instance-state';
import type { Instance } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

import { CancelInstance } from './cancel-instance';
import { buildStageRows } from './instance-stages-model';
import { InstanceStages } from './instance-stages';
import { SendEvent } from './send-event';

/** Instance page: state, times, error, actions, and its stages; polls while the instance runs. */
export function InstanceDetails({ instanceId }: { instanceId: string }) {
  const instance = useV2GetInstance(instanceId);
  const running = instance.data !== undefined && !instance.data.terminated;
  const refetchInterval = running ? instancePollInterval : false;
  const history = useV2GetInstanceHistory(instanceId, {
    enabled: instance.data !== undefined,
    refetchInterval,
  });

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
  const rows = buildStageRows(data, config, history.data);

  return (
    <Stack gap="lg">
      <InstanceHeader instance={data} />
      <InstanceError instance={data} />
      <section aria-labelledby="instance-stages-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} fz="h4" id="instance-stages-title">
            Stages
          </Title>
          <LastUpdated
            updatedAt={instance.dataUpdatedAt}
            polling={running}
            fetching={instance.isFetching}
          />
        </Group>
        {history.isError && (
          <ApiErrorAlert
            title="Could not load the stage history"
            error={history.error}
            onRetry={() => void history.refetch()}
          />
        )}
        <InstanceStages instanceID={data.id} rows={rows} refetchInterval={refetchInterval} />
      </section>
    </Stack>
  );
}

function InstanceHeader({ instance }: { instance: Instance }) {
  const config = instance.workflow?.config;
  const state = getInstanceState(instance, config);
  const now = useNow(1000);

  return (
    <PageHeader
      eyebrow="Instance"
      title={
        <Group gap="sm" wrap="wrap">
          <Text span inherit ff="monospace">
            {shortId(instance.id)}
          </Text>
          <span role="status" aria-label={`State: ${stateLabel(state)}`}>
            <StateBadge state={state} size="lg" />
          </span>
        </Group>
      }
      meta={
        <>
          <CopyId id={instance.id} short={false} label="instance id" size="xs" />
          <Fact label="Workflow">
            <Anchor component={Link} to={paths.workflow(instance.workflowID)} size="sm">
              {config?.name || shortId(instance.workflowID)}
            </Anchor>
          </Fact>
          <Fact label="Started">
            <RelativeTime value={instance.createdAt} />
          </Fact>
          <Fact label="Ended">
            {instance.terminatedAt ? <RelativeTime value={instance.terminatedAt} /> : '—'}
          </Fact>
          <Fact label="Duration">{formatDuration(getInstanceDuration(instance, now))}</Fact>
        </>
      }
      actions={
        <>
          <SendEvent instance={instance} config={config} />
          <CancelInstance instance={instance} config={config} />
        </>
      }
    />
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text span size="sm">
        {children}
      </Text>
    </Group>
  );
}

function InstanceError({ instance }: { instance: Instance }) {
  if (!instance.error) return null;

  const canceled = instance.error === canceledError;

  return (
    <Alert
      color={canceled ? 'orange' : 'red'}
      variant="light"
      title={canceled ? 'Canceled' : 'Failed'}
      icon={canceled ? <IconHandStop size={18} /> : <IconAlertTriangle size={18} />}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {canceled ? 'The instance was canceled before it finished.' : instance.error}
      </Text>
    </Alert>
  );
}

type LastUpdatedProps = { updatedAt: number; polling: boolean; fetching: boolean };

function LastUpdated({ updatedAt, polling, fetching }: LastUpdatedProps) {
  return (
    <Group gap={6} aria-live="polite">
      {fetching && <Loader size={12} />}
      <Text size="xs" c="dimmed">
        {polling ? `Refreshing every ${instancePollInterval / 1000} s · ` : ''}
        Last updated {formatDateTime(new Date(updatedAt))}
      </Text>
    </Group>
  );
}
