import { Anchor, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';

import { CopyId } from '@/components/copy-id';
import { RelativeTime } from '@/components/relative-time';
import type { Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

/** Keeps workflows whose name contains `search`, ignoring case and surrounding spaces. */
export function filterWorkflowsByName(workflows: Workflow[], search: string): Workflow[] {
  const needle = search.trim().toLowerCase();

  if (needle === '') return workflows;

  return workflows.filter((workflow) =>
    (workflow.config.name ?? '').toLowerCase().includes(needle),
  );
}

type WorkflowsTableProps = {
  workflows: Workflow[];
  /** Called when the pointer enters a row, e.g. to prefetch the workflow. */
  onRowHover?: (workflow: Workflow) => void;
};

/** Workflows with name, short id, stage count and creation date; a row opens its workflow. */
export function WorkflowsTable({ workflows, onRowHover }: WorkflowsTableProps) {
  const navigate = useNavigate();

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Workflows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>ID</Table.Th>
            <Table.Th ta="right">Stages</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workflows.map((workflow) => (
            <Table.Tr
              key={workflow.id}
              className="clickable-row"
              onMouseEnter={() => onRowHover?.(workflow)}
              onClick={(event) => {
                // Links and buttons inside the row handle their own clicks.
                if ((event.target as HTMLElement).closest('a, button')) return;
                void navigate(paths.workflow(workflow.id));
              }}
            >
              <Table.Td>
                <Anchor component={Link} to={paths.workflow(workflow.id)} fw={500} size="sm">
                  {workflow.config.name || (
                    <Text span c="dimmed" fs="italic" size="sm">
                      unnamed
                    </Text>
                  )}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CopyId id={workflow.id} label="workflow id" />
              </Table.Td>
              <Table.Td ta="right">{workflow.config.stages.length}</Table.Td>
              <Table.Td>
                <RelativeTime value={workflow.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
