import { ActionIcon, Alert, Code, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCopy, IconTrash } from '@tabler/icons-react';
import { memo, useCallback, useMemo } from 'react';
import type { Dispatch } from 'react';

import { StageKindBadge } from '@/components/stage-kind';

import { stageConfigOf, stageKindOf } from '../../model/document';
import type { EditorStage } from '../../model/document';
import type { EditorAction } from '../../model/history';
import { formatPath } from '../../model/path';
import type { FieldPath } from '../../model/path';
import type { FieldError } from '../../model/validation';

import { DelayForm, SendForm, UpdateForm, WaitEventForm } from './kind-forms';
import { StageFormContext } from './stage-form-context';
import type { StageFormValue } from './stage-form-context';

/** Config keys each kind's form edits; others are kept as written and listed. */
const knownKeys: Record<string, string[]> = {
  send: ['source', 'destination', 'amount', 'metadata', 'timestamp'],
  delay: ['duration', 'until'],
  wait_event: ['event'],
  update: ['account'],
  noop: [],
};

const forms: Record<string, () => React.JSX.Element> = {
  send: SendForm,
  delay: DelayForm,
  wait_event: WaitEventForm,
  update: UpdateForm,
};

type StageInspectorProps = {
  stage: EditorStage;
  index: number;
  stageCount: number;
  errors: readonly FieldError[];
  dispatch: Dispatch<EditorAction>;
};

function StageInspectorForm({ stage, index, stageCount, errors, dispatch }: StageInspectorProps) {
  const kind = stageKindOf(stage.element) ?? '(empty)';
  const Form = forms[kind];
  const setField = useCallback(
    (path: FieldPath, value: unknown) =>
      dispatch({ type: 'setField', stageId: stage.id, path, value }),
    [dispatch, stage.id],
  );
  const form = useMemo<StageFormValue>(
    () => ({ element: stage.element, errors, setField }),
    [stage.element, errors, setField],
  );
  const extraKeys = Object.keys(stageConfigOf(stage.element)).filter(
    (key) => !(knownKeys[kind] ?? []).includes(key),
  );
  const isKnown = kind in knownKeys && Object.keys(stage.element).length === 1;

  return (
    <Stack gap="sm" aria-label={`Stage ${index + 1} settings`} role="region">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text fw={600}>Stage {index + 1}</Text>
          <StageKindBadge kind={kind} />
        </Group>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move up (Alt+↑)">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Move stage up"
              disabled={index === 0}
              onClick={() => dispatch({ type: 'move', id: stage.id, toIndex: index - 1 })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down (Alt+↓)">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Move stage down"
              disabled={index === stageCount - 1}
              onClick={() => dispatch({ type: 'move', id: stage.id, toIndex: index + 1 })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Duplicate (Ctrl+D)">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Duplicate stage"
              onClick={() => dispatch({ type: 'duplicate', ids: [stage.id] })}
            >
              <IconCopy size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete (Delete)">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Delete stage"
              onClick={() => dispatch({ type: 'remove', ids: [stage.id] })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {errors.length > 0 && (
        <Alert
          color="red"
          variant="light"
          p="xs"
          title={`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`}
        >
          <List size="xs" spacing={2}>
            {errors.map((error) => (
              <List.Item key={`${formatPath(error.path)}:${error.message}`}>
                {formatPath(error.path) && <Code>{formatPath(error.path)}</Code>} {error.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {!isKnown && (
        <Text size="sm" c="dimmed">
          The service does not know this stage. Edit it in the JSON or YAML view.
        </Text>
      )}
      {isKnown && kind === 'noop' && (
        <Text size="sm" c="dimmed">
          A no-op stage has no settings: it completes at once.
        </Text>
      )}
      {isKnown && Form && (
        <StageFormContext.Provider value={form}>
          <Form />
        </StageFormContext.Provider>
      )}
      {isKnown && extraKeys.length > 0 && (
        <Text size="xs" c="dimmed">
          Other keys, kept as written (edit them in JSON or YAML): {extraKeys.join(', ')}
        </Text>
      )}
    </Stack>
  );
}

export const StageInspector = memo(StageInspectorForm);
