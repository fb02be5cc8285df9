import { Badge, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { memo, useMemo } from 'react';

import type { EditorStage } from '../model/document';
import { formatMonetary, previewPostings } from '../model/postings';
import { listVariableUsages } from '../model/variables';

type PostingsPanelProps = {
  stages: readonly EditorStage[];
  samples: Readonly<Record<string, string>>;
  onSampleChange: (name: string, value: string) => void;
};

/** Money movements of the send stages with sample variable values, and totals per asset. */
function PostingsPreview({ stages, samples, onSampleChange }: PostingsPanelProps) {
  const elements = useMemo(() => stages.map((stage) => stage.element), [stages]);
  const names = useMemo(() => listVariableUsages(elements).map((item) => item.name), [elements]);
  const preview = useMemo(() => previewPostings(elements, samples), [elements, samples]);

  return (
    <Stack gap="sm">
      {names.length > 0 && (
        <Stack gap={4}>
          <Title order={3} fz="sm">
            Sample values
          </Title>
          {names.map((name) => (
            <TextInput
              key={name}
              size="xs"
              label={name}
              value={samples[name] ?? ''}
              onChange={(event) => onSampleChange(name, event.currentTarget.value)}
            />
          ))}
        </Stack>
      )}
      <Title order={3} fz="sm">
        Movements
      </Title>
      {preview.movements.length === 0 ? (
        <Text size="sm" c="dimmed">
          No send stage yet.
        </Text>
      ) : (
        <Table withTableBorder fz="xs" verticalSpacing={4} aria-label="Movements">
          <Table.Tbody>
            {preview.movements.map((movement) => (
              <Table.Tr key={movement.stageIndex}>
                <Table.Td c="dimmed">{movement.stageIndex + 1}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {movement.source} → {movement.destination}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {movement.amount !== undefined && movement.asset
                    ? formatMonetary(movement.amount, movement.asset)
                    : `${movement.amountText} ${movement.asset ?? ''}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview.totals.length > 0 && (
        <>
          <Title order={3} fz="sm">
            Totals per asset
          </Title>
          <Group gap="xs">
            {preview.totals.map((total) => (
              <Badge key={total.asset} variant="light" size="lg" radius="sm" tt="none">
                {formatMonetary(total.amount, total.asset)} <Code>{total.asset}</Code> ·{' '}
                {total.movements} {total.movements === 1 ? 'movement' : 'movements'}
              </Badge>
            ))}
          </Group>
        </>
      )}
      {preview.unknownAmounts > 0 && (
        <Text size="xs" c="dimmed">
          {preview.unknownAmounts}{' '}
          {preview.unknownAmounts === 1 ? 'movement has' : 'movements have'} no known amount and
          asset yet (set the sample values above), so the totals leave{' '}
          {preview.unknownAmounts === 1 ? 'it' : 'them'} out.
        </Text>
      )}
    </Stack>
  );
}

export const PostingsPanel = memo(PostingsPreview);
