import { Box, Group, NativeSelect, Stack, Text } from '@mantine/core';

import { CodeEditor } from '@/components/code-editor/code-editor';
import { formatDateTime } from '@/lib/format';
import { findEventSample } from '@/lib/orchestration/event-samples';
import type { TriggerOccurrence } from '@/lib/orchestration/schemas';

import { formatPayload, parsePayload } from '../model/payload-text';

import { errorTextColor } from './status-colors';

type PayloadInputProps = {
  value: string;
  onChange: (text: string) => void;
  /** Event type whose sample the source menu offers. */
  eventType: string;
  /** Past occurrences whose events the source menu offers. */
  occurrences?: readonly TriggerOccurrence[];
  label?: string;
};

/** JSON editor of a sample event payload, with a menu to load a sample or a past event. */
export function PayloadInput({
  value,
  onChange,
  eventType,
  occurrences = [],
  label = 'Sample event payload',
}: PayloadInputProps) {
  const sample = findEventSample(eventType);
  const parsed = parsePayload(value);
  const sources = [
    { value: '', label: 'Load a payload…' },
    ...(sample ? [{ value: 'sample', label: `Sample ${sample.type} payload` }] : []),
    ...occurrences.map((occurrence, index) => ({
      value: `occurrence-${index}`,
      label: `Event of the occurrence of ${formatDateTime(occurrence.date)}`,
    })),
  ];

  const load = (source: string) => {
    if (source === 'sample' && sample) onChange(formatPayload(sample.payload));
    const match = /^occurrence-(\d+)$/.exec(source);
    const occurrence = match ? occurrences[Number(match[1])] : undefined;
    if (occurrence) onChange(formatPayload(occurrence.event.payload ?? {}));
  };

  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <NativeSelect
          size="xs"
          aria-label="Load a payload"
          data={sources}
          value=""
          onChange={(event) => load(event.currentTarget.value)}
          disabled={sources.length === 1}
        />
      </Group>
      <Box h={260} style={{ border: '1px solid var(--mantine-color-default-border)' }}>
        <CodeEditor
          value={value}
          language="json"
          onChange={onChange}
          error={parsed.ok ? undefined : parsed.error}
          label={label}
        />
      </Box>
      {!parsed.ok && (
        <Text size="xs" c={errorTextColor} role="alert">
          {parsed.error.message}
        </Text>
      )}
    </Stack>
  );
}
