import { Alert, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';

import type { LineageReport } from '../model/lineage';
import { lineageProblemCount } from '../model/lineage';

/** Variable lineage: vars the workflow uses but the trigger lacks, unused and misspelt ones. */
export function LineageAlert({
  report,
  workflowName,
}: {
  report: LineageReport;
  workflowName: string;
}) {
  if (lineageProblemCount(report) === 0) {
    return (
      <Group gap="xs" wrap="nowrap">
        <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="sm">
          <b>Variables match:</b> every <code>{'${…}'}</code> placeholder of {workflowName} has a
          variable, and every variable is used.
        </Text>
      </Group>
    );
  }

  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="Variables and workflow placeholders differ"
      role="status"
    >
      <List size="sm" spacing={4}>
        {report.misspelt.map(({ defined, used }) => (
          <List.Item key={`misspelt-${defined}`}>
            <code>{defined}</code> looks like a misspelling of <code>{used}</code>, which{' '}
            {workflowName} uses.
          </List.Item>
        ))}
        {report.missing.map((name) => (
          <List.Item key={`missing-${name}`}>
            Missing <code>{name}</code>: {workflowName} uses <code>{`\${${name}}`}</code>, which
            becomes an empty string.
          </List.Item>
        ))}
        {report.unused.map((name) => (
          <List.Item key={`unused-${name}`}>
            Unused <code>{name}</code>: {workflowName} has no <code>{`\${${name}}`}</code>{' '}
            placeholder.
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        You can still save; the workflow runs with the variables as they are.
      </Text>
    </Alert>
  );
}
