import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';

import { RelativeTime } from '@/components/relative-time';
import { formatDuration, shortId } from '@/lib/format';
import { useWriteAccess } from '@/lib/connection/connection-context';
import { paths } from '@/lib/paths';

import type { BulkActionRequest } from '../bulk/bulk-action-dialog';
import type { WaitingGroup } from './waiting-groups';
import { durationBetween } from '@/lib/format';
import { badgeTextColor, mutedTextColor } from '../list/text-colors';

type WaitingGroupCardProps = {
  group: WaitingGroup;
  now: number;
  onSend: (request: BulkActionRequest) => void;
};

/** Instances of one workflow that wait for one event, with their age and a bulk send. */
export function WaitingGroupCard({ group, now, onSend }: WaitingGroupCardProps) {
  const access = useWriteAccess();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const ids = group.items.map((item) => item.instance.id);
  const chosen = ids.filter((id) => selected.has(id));
  const targets = chosen.length > 0 ? chosen : ids;
  const oldest = group.items[0];
  const headingId = `waiting-${group.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <div>
          <Text id={headingId} fw={600} component="h2" size="md" m={0}>
            <Code>{group.eventName}</Code> ·{' '}
            <Anchor component={Link} to={paths.workflow(group.workflowID)}>
              {group.workflowName}
            </Anchor>
          </Text>
          <Text size="sm" c={mutedTextColor}>
            <Badge variant="light" color="yellow" c={badgeTextColor('yellow')} size="sm" mr={6}>
              {group.items.length} waiting
            </Badge>
            oldest for{' '}
            {oldest
              ? formatDuration(durationBetween(oldest.waitingSince, undefined, now) ?? NaN)
              : '—'}
          </Text>
        </div>
        <Tooltip label={access.allowed ? undefined : access.reason} disabled={access.allowed}>
          <Button
            size="xs"
            // Light variant: white on the dark scheme's filled indigo (shade 5) is below 4.5:1.
            variant="light"
            c={badgeTextColor('indigo')}
            leftSection={<IconSend size={14} />}
            data-disabled={!access.allowed || undefined}
            aria-disabled={!access.allowed}
            onClick={() => {
              if (!access.allowed) return;
              onSend({
                kind: 'send-event',
                instanceIDs: targets,
                skippedTerminated: 0,
                eventName: group.eventName,
              });
            }}
          >
            Send “{group.eventName}” to{' '}
            {chosen.length > 0 ? `${chosen.length} selected` : `all ${ids.length}`}
          </Button>
        </Tooltip>
      </Group>
      <Table fz="sm" aria-label={`Instances waiting for ${group.eventName}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                size="xs"
                aria-label="Select all in this group"
                checked={chosen.length === ids.length}
                indeterminate={chosen.length > 0 && chosen.length < ids.length}
                onChange={() =>
                  setSelected(chosen.length === ids.length ? new Set() : new Set(ids))
                }
              />
            </Table.Th>
            <Table.Th>Instance</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Waiting since</Table.Th>
            <Table.Th ta="right">Age</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.items.map((item) => (
            <Table.Tr key={item.instance.id} data-instance-id={item.instance.id}>
              <Table.Td>
                <Checkbox
                  size="xs"
                  aria-label={`Select instance ${shortId(item.instance.id)}`}
                  checked={selected.has(item.instance.id)}
                  onChange={() => toggle(item.instance.id)}
                />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={paths.instance(item.instance.id)}
                  ff="monospace"
                  size="sm"
                >
                  {shortId(item.instance.id)}
                </Anchor>
              </Table.Td>
              <Table.Td>#{item.stageIndex}</Table.Td>
              <Table.Td>
                <RelativeTime value={item.waitingSince} />
              </Table.Td>
              <Table.Td ta="right">
                {formatDuration(durationBetween(item.waitingSince, undefined, now) ?? NaN)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
