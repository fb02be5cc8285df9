import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';

import { JsonView } from '@/components/json-view';
import { interpolate } from '@/lib/orchestration/interpolate';
import type { WorkflowConfig } from '@/lib/orchestration/schemas';

import type { TriggerEvaluation } from '../model/draft-evaluation';

import { badgeTone, errorTextColor } from './status-colors';

type TestResultViewProps = {
  result: TriggerEvaluation;
  /** Config of the trigger's workflow, to show its stages after interpolation. */
  workflowConfig?: WorkflowConfig;
  /** Accessible name of the result region. */
  label: string;
};

/** Result of a trigger test: filter match, each variable's value or error, interpolated stages. */
export function TestResultView({ result, workflowConfig, label }: TestResultViewProps) {
  const matched = result.filter === undefined || result.filter.match;
  const variables = Object.entries(result.variables ?? {});
  const failed = variables.some(([, outcome]) => outcome.error !== undefined);
  const values = Object.fromEntries(
    variables.map(([name, outcome]) => [name, outcome.error === undefined ? outcome.value : '']),
  );

  return (
    <Stack gap="sm" role="region" aria-label={label}>
      <Group gap="xs">
        {result.filter === undefined ? (
          <Badge {...badgeTone('gray')}>No filter: matches</Badge>
        ) : (
          <Badge {...badgeTone(matched ? 'teal' : 'orange')} data-testid="filter-outcome">
            {matched ? 'Filter matches' : 'Filter does not match'}
          </Badge>
        )}
        {matched && (
          <Badge {...badgeTone(failed ? 'red' : 'teal')}>
            {failed ? 'Would fail: a variable has an error' : 'Would start the workflow'}
          </Badge>
        )}
      </Group>
      {result.filter?.error && <ErrorText text={result.filter.error} />}
      {variables.length > 0 && (
        <Table withTableBorder aria-label={`${label}: variables`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Variable</Table.Th>
              <Table.Th>Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {variables.map(([name, outcome]) => (
              <Table.Tr key={name}>
                <Table.Td ff="monospace">{name}</Table.Td>
                <Table.Td>
                  {outcome.error === undefined ? (
                    <Code>{outcome.value === '' ? '""' : outcome.value}</Code>
                  ) : (
                    <ErrorText text={outcome.error} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {matched && !failed && workflowConfig && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Stages the workflow would receive
          </Text>
          <JsonView
            value={interpolate(workflowConfig.stages, values)}
            label={`${label}: interpolated stages`}
            expandDepth={6}
          />
        </Stack>
      )}
    </Stack>
  );
}

function ErrorText({ text }: { text: string }) {
  return (
    <Text
      size="xs"
      c={errorTextColor}
      ff="monospace"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {text}
    </Text>
  );
}
