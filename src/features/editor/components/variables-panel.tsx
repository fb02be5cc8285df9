import { Anchor, Code, Stack, Table, Text } from '@mantine/core';
import { memo, useMemo } from 'react';

import type { EditorStage } from '../model/document';
import { listVariableUsages } from '../model/variables';

type VariablesPanelProps = {
  stages: readonly EditorStage[];
  /** Selects the stage at a 0-based index. */
  onShowStage: (index: number) => void;
};

/** Every `${var}` the workflow uses, with the stage number and field path of each use. */
function VariablesTable({ stages, onShowStage }: VariablesPanelProps) {
  const variables = useMemo(
    () => listVariableUsages(stages.map((stage) => stage.element)),
    [stages],
  );

  if (variables.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This workflow uses no variables. Write <Code>{'${name}'}</Code> in any text field to use
        one; its value comes from the run or from the trigger.
      </Text>
    );
  }

  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {variables.length} {variables.length === 1 ? 'variable' : 'variables'}. Each run must
        provide them; a missing one becomes empty text.
      </Text>
      <Table withTableBorder fz="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variable</Table.Th>
            <Table.Th>Used in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {variables.map((variable) => (
            <Table.Tr key={variable.name}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Code>{variable.name}</Code>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {variable.usages.map((usage) => (
                    <Anchor
                      key={`${usage.stageIndex}:${usage.path}`}
                      component="button"
                      type="button"
                      size="xs"
                      ta="left"
                      onClick={() => onShowStage(usage.stageIndex)}
                    >
                      Stage {usage.stageIndex + 1} · {usage.path}
                    </Anchor>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export const VariablesPanel = memo(VariablesTable);
