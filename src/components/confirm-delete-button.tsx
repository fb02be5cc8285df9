import { Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

import { ApiErrorAlert } from './api-error-alert';

type ConfirmDeleteButtonProps = {
  /** Kind of resource, lower case: "workflow", "trigger". */
  resource: string;
  /** Name shown in the dialog. */
  name: string;
  /** Consequence of deleting: what changes and what is kept. */
  consequence: ReactNode;
  /** Reason the button is disabled; the button is enabled when unset. */
  disabledReason?: string;
  pending: boolean;
  error: unknown;
  /** Called when the dialog opens, to clear a previous attempt's error. */
  onOpen: () => void;
  /** Deletes; calls `done` on success so that the dialog closes. */
  onConfirm: (done: () => void) => void;
};

/** Delete button with a confirmation dialog that names the resource and shows API errors. */
export function ConfirmDeleteButton(props: ConfirmDeleteButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const { resource, name } = props;

  return (
    <>
      <Tooltip label={props.disabledReason} disabled={props.disabledReason === undefined}>
        {/* A disabled button receives no pointer events, so the tooltip listens on a wrapper. */}
        <span style={{ display: 'inline-block' }}>
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} />}
            disabled={props.disabledReason !== undefined}
            aria-description={props.disabledReason}
            onClick={() => {
              props.onOpen();
              open();
            }}
          >
            Delete
          </Button>
        </span>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={`Delete ${resource}?`}>
        <Stack gap="md">
          <Text size="sm">
            Delete <b>{name}</b>? {props.consequence}
          </Text>
          {props.error !== null && props.error !== undefined && (
            <ApiErrorAlert title="Could not delete" error={props.error} />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={() => props.onConfirm(close)} loading={props.pending}>
              Delete {resource}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
