import { Badge, Code, Group, List, Stack, Text } from '@mantine/core';
import type { MantineColor } from '@mantine/core';

import { stageKindStyle } from '@/components/stage-kind';

import type { ConfigDiff, FieldChange, StageDiff } from '../model/diff';

/** Entries shown at most; a 1,000-stage rewrite would otherwise fill the dialog. */
const maxEntries = 100;

const badges: Record<
  Exclude<StageDiff['type'], 'unchanged'>,
  { label: string; color: MantineColor }
> = {
  added: { label: 'Added', color: 'green' },
  removed: { label: 'Removed', color: 'red' },
  moved: { label: 'Moved', color: 'blue' },
  changed: { label: 'Changed', color: 'yellow' },
};

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function FieldChangeItem({ change }: { change: FieldChange }) {
  return (
    <List.Item>
      <Code>{change.path}</Code> {change.type === 'added' && <>added: {show(change.after)}</>}
      {change.type === 'removed' && <>removed (was {show(change.before)})</>}
      {change.type === 'changed' && (
        <>
          {show(change.before)} → {show(change.after)}
        </>
      )}
    </List.Item>
  );
}

function describe(entry: Exclude<StageDiff, { type: 'unchanged' }>): string {
  const label = stageKindStyle(entry.kind).label;
  switch (entry.type) {
    case 'added':
      return `Stage ${entry.toIndex + 1} · ${label}`;
    case 'removed':
      return `Stage ${entry.fromIndex + 1} of the original · ${label}`;
    case 'moved':
      return `${label}: stage ${entry.fromIndex + 1} → ${entry.toIndex + 1}`;
    case 'changed':
      return entry.fromIndex === entry.toIndex
        ? `Stage ${entry.toIndex + 1} · ${label}`
        : `Stage ${entry.toIndex + 1} (was ${entry.fromIndex + 1}) · ${label}`;
  }
}

/** Stage-level differences between the original workflow and the new version. */
export function ConfigDiffView({ diff }: { diff: ConfigDiff }) {
  const entries = diff.stages.filter(
    (entry): entry is Exclude<StageDiff, { type: 'unchanged' }> => entry.type !== 'unchanged',
  );
  const unchanged = diff.stages.length - entries.length;

  if (diff.identical) {
    return <Text size="sm">No difference from the original workflow.</Text>;
  }

  return (
    <Stack gap="xs" aria-label="Changes from the original" role="list">
      {diff.name && (
        <Text size="sm" role="listitem">
          Name: {diff.name.before || '(none)'} → {diff.name.after || '(none)'}
        </Text>
      )}
      {diff.otherKeys.length > 0 && (
        <List size="sm" role="listitem">
          {diff.otherKeys.map((change) => (
            <FieldChangeItem key={change.path} change={change} />
          ))}
        </List>
      )}
      {entries.slice(0, maxEntries).map((entry) => (
        <Stack
          key={`${entry.type}:${'fromIndex' in entry ? entry.fromIndex : ''}:${'toIndex' in entry ? entry.toIndex : ''}`}
          gap={2}
          role="listitem"
        >
          <Group gap="xs">
            <Badge color={badges[entry.type].color} variant="light" size="sm">
              {badges[entry.type].label}
            </Badge>
            <Text size="sm">{describe(entry)}</Text>
          </Group>
          {entry.type === 'changed' && (
            <List size="xs" ml="md">
              {entry.fields.map((change) => (
                <FieldChangeItem key={change.path} change={change} />
              ))}
            </List>
          )}
        </Stack>
      ))}
      {entries.length > maxEntries && (
        <Text size="xs" c="dimmed">
          … and {entries.length - maxEntries} more changed stages.
        </Text>
      )}
      {unchanged > 0 && (
        <Text size="xs" c="dimmed">
          {unchanged} {unchanged === 1 ? 'stage' : 'stages'} unchanged.
        </Text>
      )}
    </Stack>
  );
}
