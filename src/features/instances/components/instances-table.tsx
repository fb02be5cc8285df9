import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';

import { CopyIdButton } from '@/components/copy-id';
import { RelativeTime } from '@/components/relative-time';
import { StateBadge } from '@/components/state-badge';
import { formatDuration, shortId } from '@/lib/format';
import { getInstanceDuration, getInstanceState } from '@/lib/orchestration/instance-state';
import type { Instance } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

type InstancesTableProps = {
  instances: Instance[];
  /** Hides the workflow column, e.g. on a workflow's own page. @default true */
  showWorkflow?: boolean;
};

/** Instances with state, workflow, start, end and duration; a row opens its instance. */
export function InstancesTable({ instances, showWorkflow = true }: InstancesTableProps) {
  const navigate = useNavigate();

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label="Instances">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Instance</Table.Th>
            {showWorkflow && <Table.Th>Workflow</Table.Th>}
            <Table.Th>State</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Ended</Table.Th>
            <Table.Th ta="right">Duration</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {instances.map((instance) => (
            <Table.Tr
              key={instance.id}
              className="clickable-row"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a, button')) return;
                void navigate(paths.instance(instance.id));
              }}
            >
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={paths.instance(instance.id)}
                    ff="monospace"
                    size="sm"
                    aria-label={`Instance ${instance.id}`}
                  >
                    {shortId(instance.id)}
                  </Anchor>
                  <CopyIdButton id={instance.id} label="instance id" />
                </Group>
              </Table.Td>
              {showWorkflow && (
                <Table.Td>
                  <Anchor component={Link} to={paths.workflow(instance.workflowID)} size="sm">
                    {instance.workflow?.config.name || shortId(instance.workflowID)}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <StateBadge state={getInstanceState(instance)} />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={instance.createdAt} />
              </Table.Td>
              <Table.Td>
                {instance.terminatedAt ? (
                  <RelativeTime value={instance.terminatedAt} />
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatDuration(getInstanceDuration(instance))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
