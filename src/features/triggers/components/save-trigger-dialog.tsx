import { Alert, Button, Code, Group, List, Modal, Stack, Table, Text } from '@mantine/core';

import { ApiErrorAlert } from '@/components/api-error-alert';
import type { Trigger, TriggerData } from '@/lib/orchestration/schemas';

type SaveTriggerDialogProps = {
  opened: boolean;
  onClose: () => void;
  data: TriggerData;
  /** The trigger being edited; absent when creating. */
  original?: Trigger;
  workflowName: string;
  /** Warnings to confirm: lineage problems, failing test cases. */
  warnings: string[];
  saving: boolean;
  error: unknown;
  onConfirm: () => void;
};

function describeVars(vars: Record<string, string> | undefined): string {
  const entries = Object.entries(vars ?? {});
  return entries.length === 0 ? '—' : entries.map(([name, expr]) => `${name} = ${expr}`).join('\n');
}

/** Confirms creating a trigger, or replacing the edited one with a new trigger. */
export function SaveTriggerDialog(props: SaveTriggerDialogProps) {
  const { opened, onClose, data, original, workflowName, warnings, saving, error } = props;
  const rows: Array<[string, string, string]> = [
    ['Name', original?.name || '—', data.name || '—'],
    ['Event type', original?.event ?? '—', data.event],
    ['Event version', original?.version || 'any', data.version || 'any'],
    ['Workflow', original?.workflowID ?? '—', data.workflowID],
    ['Filter', original?.filter || '—', data.filter || '—'],
    ['Variables', describeVars(original?.vars), describeVars(data.vars)],
  ];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={original ? 'Save as a new trigger' : 'Create trigger'}
      size="lg"
    >
      <Stack gap="md">
        {original ? (
          <Text size="sm">
            Triggers cannot be changed on the service, so saving creates a new trigger with this
            definition, moves the test suite to it and deletes <b>{original.name || original.id}</b>
            . Past occurrences stay with the deleted trigger. An event that arrives between the two
            steps may start the workflow twice.
          </Text>
        ) : (
          <Text size="sm">
            Events of type <Code>{data.event}</Code> that match will start <b>{workflowName}</b>.
          </Text>
        )}
        <Table withTableBorder aria-label="Trigger definition" fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              {original && <Table.Th>Before</Table.Th>}
              <Table.Th>{original ? 'After' : 'Value'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([field, before, after]) => (
              <Table.Tr key={field} fw={original && before !== after ? 700 : undefined}>
                <Table.Td>{field}</Table.Td>
                {original && <Table.Td style={cellStyle}>{before}</Table.Td>}
                <Table.Td style={cellStyle}>{after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {warnings.length > 0 && (
          <Alert color="yellow" title="Check before saving">
            <List size="sm">
              {warnings.map((warning) => (
                <List.Item key={warning}>{warning}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {error !== null && error !== undefined && (
          <ApiErrorAlert title="Could not save the trigger" error={error} />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={props.onConfirm} loading={saving}>
            {original ? 'Save as new trigger' : 'Create trigger'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const cellStyle = {
  fontFamily: 'var(--mantine-font-family-monospace)',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
} as const;
