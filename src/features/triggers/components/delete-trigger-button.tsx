import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { useV2DeleteTrigger } from '@/features/triggers/api/delete-trigger';
import type { Trigger } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

/** Delete action with a confirmation dialog naming the trigger. */
export function DeleteTriggerButton({ trigger }: { trigger: Trigger }) {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const remove = useV2DeleteTrigger({ meta: { errorNotification: false } });
  const name = trigger.name || trigger.id;

  const confirm = () =>
    remove.mutate(
      { triggerID: trigger.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Trigger deleted', message: name });
          close();
          void navigate(paths.triggers());
        },
      },
    );

  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => {
          remove.reset();
          open();
        }}
      >
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title="Delete trigger?">
        <Stack gap="md">
          <Text size="sm">
            Delete <b>{name}</b>? Events of type <code>{trigger.event}</code> no longer start its
            workflow. Past occurrences and instances are kept.
          </Text>
          {remove.isError && <ApiErrorAlert title="Could not delete" error={remove.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending}>
              Delete trigger
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
