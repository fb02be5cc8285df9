import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMemo, useState } from 'react';

import type { Trigger } from '@/lib/orchestration/schemas';

import { diffConfigs } from '../model/diff';
import type { EditorConfig } from '../model/document';

import { ConfigDiffView } from './config-diff-view';

export type TriggersState = {
  data: readonly Trigger[] | undefined;
  isPending: boolean;
  /** Message of the load failure, if any. */
  error: string | undefined;
};

type SaveVersionDialogProps = {
  opened: boolean;
  onClose: () => void;
  original: EditorConfig;
  next: EditorConfig;
  triggers: TriggersState;
  saving: boolean;
  error: string | undefined;
  /** Reason saving is not allowed, e.g. a read-only connection. It disables the confirm button. */
  blockedReason?: string;
  onConfirm: (moveTriggers: boolean) => void;
};

/** Confirms saving an edited workflow as a new one: the diff and the triggers to move. */
export function SaveVersionDialog(props: SaveVersionDialogProps) {
  const { opened, onClose, original, next, triggers, saving, error, blockedReason, onConfirm } =
    props;
  const [moveTriggers, setMoveTriggers] = useState(true);
  const diff = useMemo(
    () => (opened ? diffConfigs(original, next) : undefined),
    [opened, original, next],
  );
  const count = triggers.data?.length ?? 0;

  return (
    <Modal opened={opened} onClose={onClose} title="Save as a new version" size="xl">
      <Stack gap="md">
        <Text size="sm">
          Workflows cannot be changed on the service, so saving creates a new workflow with this
          config. The original workflow and its past runs stay as they are.
        </Text>
        <Title order={3} fz="sm">
          Changes
        </Title>
        <ScrollArea.Autosize mah={320} type="auto">
          {diff && <ConfigDiffView diff={diff} />}
        </ScrollArea.Autosize>
        <Title order={3} fz="sm">
          Triggers
        </Title>
        {triggers.isPending && <Loader size="sm" aria-label="Loading triggers" />}
        {triggers.error && (
          <Alert color="red" variant="light" p="xs">
            Could not list the triggers of the original workflow: {triggers.error}
          </Alert>
        )}
        {!triggers.isPending && !triggers.error && count === 0 && (
          <Text size="sm" c="dimmed">
            No trigger starts the original workflow.
          </Text>
        )}
        {count > 0 && (
          <>
            <Text size="sm">
              {count} {count === 1 ? 'trigger starts' : 'triggers start'} the original workflow:
            </Text>
            <List size="sm">
              {triggers.data?.map((trigger) => (
                <List.Item key={trigger.id}>
                  {trigger.name || trigger.id}{' '}
                  <Text span c="dimmed" size="xs">
                    on {trigger.event}
                  </Text>
                </List.Item>
              ))}
            </List>
            <Checkbox
              checked={moveTriggers}
              onChange={(event) => setMoveTriggers(event.currentTarget.checked)}
              label={`Move ${count === 1 ? 'it' : 'them'} to the new version`}
              description="Creates the same triggers for the new workflow, then deletes the old ones. If a step fails, the created copies are removed again."
            />
          </>
        )}
        {error && (
          <Alert color="red" variant="light" title="Saving failed" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Tooltip label={blockedReason} disabled={blockedReason === undefined}>
            {/* A disabled button receives no pointer events, so the tooltip listens on a wrapper. */}
            <span style={{ display: 'inline-block' }}>
              <Button
                onClick={() => onConfirm(count > 0 && moveTriggers)}
                loading={saving}
                disabled={triggers.isPending || diff?.identical || blockedReason !== undefined}
                aria-description={blockedReason}
              >
                Save new version
              </Button>
            </span>
          </Tooltip>
        </Group>
      </Stack>
    </Modal>
  );
}
