import { Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlayerStop } from '@tabler/icons-react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { stageKindStyle } from '@/components/stage-kind';
import { useVersionedCancelEvent } from '@/features/instances/api/versioned-instances';
import { useWriteAccess } from '@/lib/connection/connection-context';
import { shortId } from '@/lib/format';
import { getCurrentStage } from '@/lib/orchestration/instance-state';
import type { Instance, WorkflowConfig } from '@/lib/orchestration/schemas';

type CancelInstanceProps = {
  instance: Instance;
  config: WorkflowConfig | undefined;
};

/** Cancel action: a confirmation naming the instance and its current stage. */
export function CancelInstance({ instance, config }: CancelInstanceProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const writeAccess = useWriteAccess();
  const disabledReason = !writeAccess.allowed
    ? writeAccess.reason
    : instance.terminated
      ? 'The instance has already terminated'
      : undefined;
  const cancel = useVersionedCancelEvent({ meta: { errorNotification: false } });
  const current = getCurrentStage(instance, config);
  const workflowName = instance.workflow?.config.name;
  const stageText = current
    ? `stage ${current.index} (${stageKindStyle(current.kind ?? 'unknown').label})`
    : 'its first stage';

  const confirm = () =>
    cancel.mutate(
      { instanceID: instance.id },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Instance canceled',
            message: `Instance ${shortId(instance.id)} stopped at ${stageText}.`,
          });
          close();
        },
      },
    );

  return (
    <>
      <Tooltip label={disabledReason} disabled={disabledReason === undefined}>
        <Button
          variant="light"
          color="red"
          leftSection={<IconPlayerStop size={16} />}
          // data-disabled instead of disabled keeps the tooltip with the reason working.
          data-disabled={disabledReason !== undefined || undefined}
          aria-disabled={disabledReason !== undefined || undefined}
          onClick={() => {
            if (disabledReason !== undefined) return;
            cancel.reset();
            open();
          }}
        >
          Cancel
        </Button>
      </Tooltip>
      <Modal opened={opened} onClose={close} title="Cancel instance?">
        <Stack gap="md">
          <Text size="sm">
            Cancel instance{' '}
            <Text span ff="monospace" fw={600}>
              {shortId(instance.id)}
            </Text>
            {workflowName && (
              <>
                {' '}
                of <b>{workflowName}</b>
              </>
            )}
            ? Its current {stageText} stops with the error “canceled” and no later stage runs.
          </Text>
          {cancel.isError && <ApiErrorAlert title="Could not cancel" error={cancel.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Keep running
            </Button>
            <Button color="red" onClick={confirm} loading={cancel.isPending}>
              Cancel instance
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
