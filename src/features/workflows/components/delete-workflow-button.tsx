import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { useV2DeleteWorkflow } from '@/features/workflows/api/delete-workflow';
import type { Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

/** Delete action with a confirmation dialog naming the workflow. */
export function DeleteWorkflowButton({ workflow }: { workflow: Workflow }) {
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const remove = useV2DeleteWorkflow({ meta: { errorNotification: false } });
  const name = workflow.config.name || workflow.id;

  const confirm = () =>
    remove.mutate(
      { flowId: workflow.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Workflow deleted', message: name });
          close();
          void navigate(paths.workflows());
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
        disabled={Boolean(workflow.deletedAt)}
        title={workflow.deletedAt ? 'This workflow is already deleted' : undefined}
      >
        Delete
      </Button>
      <Modal opened={opened} onClose={close} title="Delete workflow?">
        <Stack gap="md">
          <Text size="sm">
            Delete <b>{name}</b>? It disappears from the lists and triggers can no longer use it.
            Existing instances and triggers are kept.
          </Text>
          {remove.isError && <ApiErrorAlert title="Could not delete" error={remove.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending}>
              Delete workflow
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
