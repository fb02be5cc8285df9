import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';

import { formatPath, getIn, isPlainObject } from '../../model/path';
import type { FieldPath } from '../../model/path';
import { fieldError } from '../../model/validation';

import { GroupError } from './config-field';
import { useStageForm } from './stage-form-context';

type MetadataEditorProps = {
  label: string;
  path: FieldPath;
  description?: string;
};

function entriesOf(value: unknown): [string, string][] {
  if (!isPlainObject(value)) return [];

  return Object.entries(value).map(([key, item]) => [
    key,
    typeof item === 'string' ? item : JSON.stringify(item),
  ]);
}

function freeKey(entries: [string, string][]): string {
  const keys = new Set(entries.map(([key]) => key));
  let index = 1;
  while (keys.has(index === 1 ? 'key' : `key${index}`)) index += 1;

  return index === 1 ? 'key' : `key${index}`;
}

/** Key/value rows of a metadata map; values may hold `${var}` placeholders, keys may not. */
export function MetadataEditor({ label, path, description }: MetadataEditorProps) {
  const { element, errors, setField } = useStageForm();
  const entries = entriesOf(getIn(element, path));

  const write = (next: [string, string][]) => setField(path, Object.fromEntries(next));

  return (
    <Stack gap={4}>
      <Text size="xs" fw={500}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      {entries.map(([key, value], index) => (
        <MetadataRow
          // Rows are keyed by position so that renaming a key keeps the input focused.
          key={index}
          name={`${formatPath(path)}[${index}]`}
          entryKey={key}
          value={value}
          valueError={fieldError(errors, [...path, key])}
          takenKeys={entries.filter((_, other) => other !== index).map(([other]) => other)}
          onRename={(nextKey) =>
            write(entries.map((entry, at) => (at === index ? [nextKey, entry[1]] : entry)))
          }
          onValue={(nextValue) =>
            write(entries.map((entry, at) => (at === index ? [entry[0], nextValue] : entry)))
          }
          onRemove={() => write(entries.filter((_, at) => at !== index))}
        />
      ))}
      <GroupError path={path} />
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={12} />}
        onClick={() => write([...entries, [freeKey(entries), '']])}
        style={{ alignSelf: 'flex-start' }}
      >
        Add entry
      </Button>
    </Stack>
  );
}

type MetadataRowProps = {
  name: string;
  entryKey: string;
  value: string;
  valueError: string | undefined;
  takenKeys: string[];
  onRename: (key: string) => void;
  onValue: (value: string) => void;
  onRemove: () => void;
};

function MetadataRow(props: MetadataRowProps) {
  const { name, entryKey, value, valueError, takenKeys, onRename, onValue, onRemove } = props;
  // A key being typed may be empty or taken for a moment; it is applied once valid.
  const [keyText, setKeyText] = useState(entryKey);
  const [shownKey, setShownKey] = useState(entryKey);
  if (shownKey !== entryKey) {
    setShownKey(entryKey);
    setKeyText(entryKey);
  }

  const keyError =
    keyText === ''
      ? 'A key is required'
      : takenKeys.includes(keyText)
        ? 'This key is already used'
        : undefined;

  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      <TextInput
        size="xs"
        aria-label="Metadata key"
        name={`${name}.key`}
        value={keyText}
        error={keyError}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setKeyText(next);
          if (next !== '' && !takenKeys.includes(next)) onRename(next);
        }}
        style={{ flex: 1 }}
      />
      <TextInput
        size="xs"
        aria-label={`Value of ${keyText || 'metadata entry'}`}
        name={`${name}.value`}
        value={value}
        error={valueError}
        onChange={(event) => onValue(event.currentTarget.value)}
        style={{ flex: 1 }}
      />
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={onRemove}
        aria-label={`Remove ${keyText || 'entry'}`}
      >
        <IconTrash size={14} />
      </ActionIcon>
    </Group>
  );
}
