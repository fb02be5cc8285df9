import { Badge, Checkbox, Code, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { RelativeTime } from '@/components/relative-time';
import { TableSkeleton } from '@/components/table-skeleton';

import { useVersionedLatestTriggerOccurrences } from '../api/versioned-triggers';
import type { TriggerDefinition } from '../model/draft-evaluation';
import { compareOnOccurrences } from '../model/what-if';
import type { WhatIfSide } from '../model/what-if';

import { badgeTone } from './status-colors';

type WhatIfPanelProps = {
  triggerID: string;
  before: TriggerDefinition;
  after: TriggerDefinition;
};

const counts = [10, 20, 50, 100];

/** Compares the saved and the draft definition on the events of the latest occurrences. */
export function WhatIfPanel({ triggerID, before, after }: WhatIfPanelProps) {
  const [count, setCount] = useState(20);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const occurrences = useVersionedLatestTriggerOccurrences(triggerID, count);
  const rows = useMemo(
    () => compareOnOccurrences(before, after, occurrences.data ?? []),
    [before, after, occurrences.data],
  );
  const changed = rows.filter((row) => row.changed);
  const stopped = rows.filter((row) => row.before.matched && !row.after.matched).length;
  const visibleRows = onlyChanged ? changed : rows;

  let content;
  if (occurrences.isPending) {
    content = <TableSkeleton columns={['Date', 'Event', 'Matched', 'Variables']} rows={3} />;
  } else if (occurrences.isError) {
    content = (
      <ApiErrorAlert
        title="Could not load occurrences"
        error={occurrences.error}
        onRetry={() => void occurrences.refetch()}
        retrying={occurrences.isFetching}
      />
    );
  } else if (rows.length === 0) {
    content = (
      <Text size="sm" c="dimmed">
        The trigger has no occurrences yet, so there is no past traffic to compare on.
      </Text>
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="What-if on past events" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Matched before → after</Table.Th>
              <Table.Th>Variables before → after</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visibleRows.map((row) => (
              <Table.Tr key={row.key} data-changed={row.changed || undefined}>
                <Table.Td>
                  <RelativeTime value={row.date} />
                </Table.Td>
                <Table.Td>
                  <Code>{row.eventType}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <MatchBadge side={row.before} />→<MatchBadge side={row.after} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {row.variables.map((change) => (
                      <Text
                        key={change.name}
                        size="xs"
                        ff="monospace"
                        fw={change.changed ? 700 : undefined}
                        c={change.changed ? undefined : 'dimmed'}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {change.name}: {change.before}
                        {change.changed ? ` → ${change.after}` : ''}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm">
        <Text size="sm" role="status" aria-label="What-if summary">
          {rows.length === 0
            ? 'No past events to compare.'
            : `${changed.length} of ${rows.length} past events change: ${stopped} stop matching.`}
        </Text>
        <Group gap="sm">
          <Checkbox
            label="Only changed"
            checked={onlyChanged}
            onChange={(event) => setOnlyChanged(event.currentTarget.checked)}
          />
          <NativeSelect
            size="xs"
            aria-label="Occurrences to compare"
            data={counts.map((value) => ({ value: String(value), label: `Last ${value}` }))}
            value={String(count)}
            onChange={(event) => setCount(Number(event.currentTarget.value))}
          />
        </Group>
      </Group>
      {content}
      <Text size="xs" c="dimmed">
        Occurrences exist only for events that the saved trigger matched, so events that would start
        matching after the change are not listed. link() is not evaluated in the browser.
      </Text>
    </Stack>
  );
}

function MatchBadge({ side }: { side: WhatIfSide }) {
  return (
    <Badge size="sm" {...badgeTone(side.matched ? 'teal' : 'orange')} title={side.reason}>
      {side.matched ? 'match' : side.reason?.startsWith('other') ? side.reason : 'no match'}
    </Badge>
  );
}
