import { ActionIcon, Code, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';

import { RelativeTime } from '@/components/relative-time';
import { StageKindBadge } from '@/components/stage-kind';
import { stageOneLiner } from '@/components/stage-summary';
import { StateBadge } from '@/components/state-badge';
import { durationBetween, formatDuration } from '@/lib/format';

import type { StageRow } from './instance-stages-model';
import { StageDetails } from './stage-details';

type InstanceStagesProps = {
  instanceID: string;
  rows: StageRow[];
  /** Poll period for the activities of an expanded running stage. */
  refetchInterval: number | false;
};

/** One row per stage with its resolved input, times and state; a row expands to its activities. */
export function InstanceStages({ instanceID, rows, refetchInterval }: InstanceStagesProps) {
  const [expanded, setExpanded] = useState<number | undefined>(undefined);

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Stages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Input</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Ended</Table.Th>
            <Table.Th ta="right">Duration</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const open = expanded === row.index;
            const duration = row.startedAt
              ? durationBetween(row.startedAt, row.terminatedAt)
              : undefined;

            return (
              <Fragment key={row.index}>
                <Table.Tr data-stage={row.index} data-state={row.state}>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-expanded={open}
                      aria-label={`${open ? 'Hide' : 'Show'} details of stage ${row.index}`}
                      onClick={() => setExpanded(open ? undefined : row.index)}
                    >
                      {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td ff="monospace">{row.index}</Table.Td>
                  <Table.Td>
                    <StageKindBadge kind={row.kind} />
                  </Table.Td>
                  <Table.Td maw={360}>
                    <StageInput row={row} />
                    {row.error && (
                      <Text size="xs" c="red" mt={2} style={{ overflowWrap: 'anywhere' }}>
                        {row.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {row.startedAt ? <RelativeTime value={row.startedAt} /> : '—'}
                  </Table.Td>
                  <Table.Td>
                    {row.terminatedAt ? <RelativeTime value={row.terminatedAt} /> : '—'}
                  </Table.Td>
                  <Table.Td ta="right">
                    {duration === undefined ? '—' : formatDuration(duration)}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={row.state} />
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr>
                    <Table.Td colSpan={8} p="md">
                      <StageDetails
                        instanceID={instanceID}
                        row={row}
                        refetchInterval={refetchInterval}
                      />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StageInput({ row }: { row: StageRow }) {
  // Before a stage starts only its config, with `${name}` placeholders, is known.
  const resolved = row.input !== undefined;
  const summary = stageOneLiner(row.kind, resolved ? (row.input ?? {}) : row.config);

  if (summary === '') {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }

  return (
    <Code
      c={resolved ? undefined : 'dimmed'}
      style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
      title={resolved ? 'Resolved input' : 'Config (not resolved yet)'}
    >
      {summary}
    </Code>
  );
}
