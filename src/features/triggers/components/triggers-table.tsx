import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';

import { RelativeTime } from '@/components/relative-time';
import { shortId } from '@/lib/format';
import type { TriggerSuite } from '@/lib/orchestration/event-samples';
import type { Trigger } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

import { summarizeSuite } from '../model/suite-run';
import { draftFromTrigger, toDefinition } from '../model/trigger-draft';

import { badgeTone } from './status-colors';

type TriggersTableProps = {
  triggers: Trigger[];
  /** Workflow names by id, for the workflow column; unknown ids show a short id. */
  workflowNames?: ReadonlyMap<string, string>;
  /** Saved test suites of the connection, run against each trigger for the test column. */
  suites?: readonly TriggerSuite[];
};

/** Triggers with event, target workflow, filter and variables; a row opens its trigger. */
export function TriggersTable({ triggers, workflowNames, suites }: TriggersTableProps) {
  const navigate = useNavigate();
  const suiteByTrigger = new Map((suites ?? []).map((suite) => [suite.triggerID, suite]));

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label="Triggers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Workflow</Table.Th>
            <Table.Th>Filter</Table.Th>
            <Table.Th ta="right">Vars</Table.Th>
            <Table.Th>Tests</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {triggers.map((trigger) => (
            <Table.Tr
              key={trigger.id}
              className="clickable-row"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a, button')) return;
                void navigate(paths.trigger(trigger.id));
              }}
            >
              <Table.Td>
                <Anchor component={Link} to={paths.trigger(trigger.id)} size="sm" fw={500}>
                  {trigger.name || (
                    <Text span inherit ff="monospace">
                      {shortId(trigger.id)}
                    </Text>
                  )}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Code>{trigger.event}</Code>
                {trigger.version && (
                  <Text span size="xs" c="dimmed" ml={4}>
                    {trigger.version}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={paths.workflow(trigger.workflowID)} size="sm">
                  {workflowNames?.get(trigger.workflowID) || (
                    <Text span inherit ff="monospace">
                      {shortId(trigger.workflowID)}
                    </Text>
                  )}
                </Anchor>
              </Table.Td>
              <Table.Td maw={320}>
                {trigger.filter ? (
                  <Code
                    title={trigger.filter}
                    style={{
                      display: 'block',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {trigger.filter}
                  </Code>
                ) : (
                  <Text size="xs" c="dimmed">
                    every event
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{Object.keys(trigger.vars ?? {}).length}</Table.Td>
              <Table.Td>
                <SuiteBadge trigger={trigger} suite={suiteByTrigger.get(trigger.id)} />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={trigger.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SuiteBadge({ trigger, suite }: { trigger: Trigger; suite: TriggerSuite | undefined }) {
  if (!suite || suite.cases.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        none
      </Text>
    );
  }

  const { passed, failed } = summarizeSuite(toDefinition(draftFromTrigger(trigger)), suite.cases);

  return (
    <Badge size="sm" {...badgeTone(failed === 0 ? 'teal' : 'red')}>
      {failed === 0 ? `${passed} pass` : `${failed} fail`}
    </Badge>
  );
}
