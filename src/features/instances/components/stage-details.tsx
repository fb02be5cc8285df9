import { Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { JsonView } from '@/components/json-view';
import { RelativeTime } from '@/components/relative-time';
import { useV2GetInstanceStageHistory } from '@/features/instances/api/get-instance-stage-history';

import type { StageRow } from './instance-stages-model';

type StageDetailsProps = {
  instanceID: string;
  row: StageRow;
  refetchInterval: number | false;
};

/** Expanded stage: its config, resolved input and activities (attempts, failures). */
export function StageDetails({ instanceID, row, refetchInterval }: StageDetailsProps) {
  const started = row.startedAt !== undefined;
  const activities = useV2GetInstanceStageHistory(instanceID, started ? row.index : undefined, {
    refetchInterval: row.terminatedAt ? false : refetchInterval,
  });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Title order={3} fz="sm" mb={6}>
            Config
          </Title>
          <JsonView value={row.config} label={`Config of stage ${row.index}`} />
        </div>
        <div>
          <Title order={3} fz="sm" mb={6}>
            Resolved input
          </Title>
          {row.input ? (
            <JsonView value={row.input} label={`Input of stage ${row.index}`} />
          ) : (
            <Text size="sm" c="dimmed">
              Not started yet.
            </Text>
          )}
        </div>
      </SimpleGrid>
      <div>
        <Title order={3} fz="sm" mb={6}>
          Activities
        </Title>
        {!started && (
          <Text size="sm" c="dimmed">
            Not started yet.
          </Text>
        )}
        {started && activities.isPending && <Text size="sm">Loading activities…</Text>}
        {activities.isError && (
          <ApiErrorAlert
            title="Could not load the stage history"
            error={activities.error}
            onRetry={() => void activities.refetch()}
          />
        )}
        {activities.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No activities: {row.kind} stages run without calling other services.
          </Text>
        )}
        {activities.data && activities.data.length > 0 && (
          <Table withTableBorder fz="xs" aria-label={`Activities of stage ${row.index}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Activity</Table.Th>
                <Table.Th>Attempt</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>Ended</Table.Th>
                <Table.Th>Error / last failure</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activities.data.map((activity, index) => (
                <Table.Tr key={`${activity.name}-${index}`}>
                  <Table.Td ff="monospace">{activity.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {activity.attempt}
                      {activity.nextExecution && (
                        <Badge size="xs" color="yellow" variant="light">
                          retry <RelativeTime value={activity.nextExecution} size="xs" inherit />
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime value={activity.startedAt} size="xs" />
                  </Table.Td>
                  <Table.Td>
                    {activity.terminatedAt ? (
                      <RelativeTime value={activity.terminatedAt} size="xs" />
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td c="red" style={{ overflowWrap: 'anywhere' }}>
                    {activity.error ?? activity.lastFailure ?? ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
    </Stack>
  );
}
