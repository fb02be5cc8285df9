import { ActionIcon, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

import { useWriteAccess } from '@/lib/connection/connection-context';
import type { TriggerSuiteCase } from '@/lib/orchestration/event-samples';

import type { TriggerDefinition } from '../model/draft-evaluation';
import { runSuiteCase } from '../model/suite-run';

import { badgeTone, errorTextColor } from './status-colors';

type SuiteResultsProps = {
  definition: TriggerDefinition;
  cases: readonly TriggerSuiteCase[];
  /** Removes a case; without it the list is read-only. */
  onRemove?: (name: string) => void;
  removing?: boolean;
};

/** Each test case run against `definition`, with a pass or fail badge and the failures. */
export function SuiteResults({ definition, cases, onRemove, removing }: SuiteResultsProps) {
  const access = useWriteAccess();
  const results = cases.map((testCase) => ({
    testCase,
    result: runSuiteCase(definition, testCase),
  }));
  const failed = results.filter(({ result }) => !result.pass).length;

  if (cases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No test cases yet. Test the trigger with a payload, then save it as a case.
      </Text>
    );
  }

  return (
    <Stack gap="xs">
      <Group gap="xs" role="status" aria-label="Test suite summary">
        <Badge {...badgeTone(failed === 0 ? 'teal' : 'red')}>
          {failed === 0 ? `All ${cases.length} pass` : `${failed} of ${cases.length} fail`}
        </Badge>
      </Group>
      <List listStyleType="none" spacing={6} aria-label="Test cases">
        {results.map(({ testCase, result }) => (
          <List.Item key={testCase.name}>
            <Paper withBorder p="xs" data-testid="suite-case">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge {...badgeTone(result.pass ? 'teal' : 'red')} miw={52}>
                    {result.pass ? 'pass' : 'fail'}
                  </Badge>
                  <Text size="sm" fw={500} truncate>
                    {testCase.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    expects {testCase.expect.match ? 'a match' : 'no match'}
                    {Object.keys(testCase.expect.variables ?? {}).length > 0 &&
                      `, ${Object.keys(testCase.expect.variables ?? {}).length} variable values`}
                  </Text>
                </Group>
                {onRemove && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove test case ${testCase.name}`}
                    title={access.allowed ? undefined : access.reason}
                    disabled={!access.allowed || removing}
                    onClick={() => onRemove(testCase.name)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
              {result.failures.length > 0 && (
                <List size="xs" mt={4} c={errorTextColor} withPadding>
                  {result.failures.map((failure) => (
                    <List.Item key={failure} style={{ overflowWrap: 'anywhere' }}>
                      {failure}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
