import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { TimeFormatToggle } from '@/components/time-format';
import {
  maxRunningInstances,
  useRunningInstances,
} from '@/features/instances/api/list-running-instances';
import { useNow } from '@/hooks/use-now';
import { useConnection } from '@/lib/connection/connection-context';

import { BulkActionDialog } from '../bulk/bulk-action-dialog';
import type { BulkActionRequest } from '../bulk/bulk-action-dialog';
import { useInstanceDetails } from '../list/use-instance-details';
import { WaitingGroupCard } from './waiting-group-card';
import { groupWaitingItems, toWaitingItem } from './waiting-groups';
import type { WaitingItem } from './waiting-groups';
import { mutedTextColor } from '../list/text-colors';

/**
 * Running instances blocked on a `wait_event` stage, grouped by event name and
 * workflow. List rows have no `status`, so each running instance needs a
 * getInstance call (four at a time, cached).
 */
export function WaitingInbox() {
  const { apiVersion } = useConnection();
  const running = useRunningInstances(apiVersion);
  const now = useNow(10_000);
  const [request, setRequest] = useState<BulkActionRequest | undefined>(undefined);
  const runningIDs = useMemo(
    () => (running.data?.instances ?? []).map((instance) => instance.id),
    [running.data],
  );
  const details = useInstanceDetails(apiVersion, runningIDs);
  const groups = useMemo(() => {
    const items = runningIDs
      .map((id) => details.get(id))
      .map((detail) => (detail === undefined ? undefined : toWaitingItem(detail)))
      .filter((item): item is WaitingItem => item !== undefined);

    return groupWaitingItems(items);
  }, [details, runningIDs]);
  const checking = runningIDs.filter((id) => !details.has(id)).length;

  if (running.isPending)
    return <TableSkeleton columns={['Instance', 'Stage', 'Waiting since', 'Age']} />;

  if (running.isError) {
    return (
      <ApiErrorAlert
        title="Could not load running instances"
        error={running.error}
        onRetry={() => void running.refetch()}
        retrying={running.isFetching}
      />
    );
  }

  const waitingCount = groups.reduce((sum, group) => sum + group.items.length, 0);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c={mutedTextColor} aria-live="polite">
          {waitingCount} waiting in {groups.length} group{groups.length === 1 ? '' : 's'}, out of{' '}
          {runningIDs.length} running instance{runningIDs.length === 1 ? '' : 's'}
          {checking > 0 && ` · checking ${checking}…`}
        </Text>
        <Group gap="sm">
          {(checking > 0 || running.isFetching) && <Loader size="xs" aria-label="Loading" />}
          <TimeFormatToggle />
        </Group>
      </Group>
      {running.data.truncated && (
        <Alert color="yellow" variant="light">
          Only the first {maxRunningInstances} running instances are checked.
        </Alert>
      )}
      {groups.length === 0 && checking === 0 ? (
        <EmptyState
          title="Nothing is waiting"
          description="No running instance waits for an event."
        />
      ) : (
        groups.map((group) => (
          <WaitingGroupCard key={group.key} group={group} now={now} onSend={setRequest} />
        ))
      )}
      {request && (
        <BulkActionDialog
          request={request}
          version={apiVersion}
          onClose={() => setRequest(undefined)}
        />
      )}
    </Stack>
  );
}
