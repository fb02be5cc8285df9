import { Alert, Button, Group, Modal, Stack, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { useVersionedSendEvent } from '@/features/instances/api/versioned-instances';
import { useWriteAccess } from '@/lib/connection/connection-context';
import { shortId } from '@/lib/format';
import { getInstanceState, getWaitingEventName } from '@/lib/orchestration/instance-state';
import type { Instance, WorkflowConfig } from '@/lib/orchestration/schemas';

type SendEventProps = {
  instance: Instance;
  config: WorkflowConfig | undefined;
};

/** Send event action: a dialog prefilled with the event the waiting stage expects. */
export function SendEvent({ instance, config }: SendEventProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const writeAccess = useWriteAccess();
  const disabledReason = !writeAccess.allowed
    ? writeAccess.reason
    : instance.terminated
      ? 'The instance has already terminated'
      : undefined;

  return (
    <>
      <Tooltip label={disabledReason} disabled={disabledReason === undefined}>
        <Button
          variant="light"
          leftSection={<IconSend size={16} />}
          // data-disabled instead of disabled keeps the tooltip with the reason working.
          data-disabled={disabledReason !== undefined || undefined}
          aria-disabled={disabledReason !== undefined || undefined}
          onClick={() => {
            if (disabledReason === undefined) open();
          }}
        >
          Send event
        </Button>
      </Tooltip>
      <Modal opened={opened} onClose={close} title="Send event">
        <SendEventForm instance={instance} config={config} onDone={close} />
      </Modal>
    </>
  );
}

type SendEventFormProps = SendEventProps & { onDone: () => void };

export function SendEventForm({ instance, config, onDone }: SendEventFormProps) {
  const send = useVersionedSendEvent({ meta: { errorNotification: false } });
  const waitingFor = getWaitingEventName(instance, config);
  const [name, setName] = useState(waitingFor ?? '');
  const [touched, setTouched] = useState(false);
  const waiting = getInstanceState(instance, config) === 'waiting';
  const nameError = touched && name.trim() === '' ? 'Enter the event name' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);

    if (name.trim() === '') return;

    send.mutate(
      { instanceID: instance.id, name: name.trim() },
      {
        onSuccess: () => {
          const sent = name.trim();
          notifications.show({
            color: waiting && sent === waitingFor ? 'teal' : 'yellow',
            title: 'Event sent',
            message: `“${sent}” sent to instance ${shortId(instance.id)}. ${describeOutcome(sent, waiting, waitingFor)}`,
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!waiting && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={16} />}
            title="Not waiting"
          >
            This instance is not waiting for an event. The server delivers an event only to a
            running wait_event stage and drops it otherwise, so it will not be replayed later.
          </Alert>
        )}
        <TextInput
          label="Event name"
          description={
            waitingFor
              ? `The waiting stage expects “${waitingFor}”.`
              : 'Name of the event to deliver.'
          }
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={nameError}
          required
          data-autofocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        {send.isError && <ApiErrorAlert title="Could not send the event" error={send.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={send.isPending} leftSection={<IconSend size={16} />}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Describes what the server does with the event: only a waiting wait_event
 * stage consumes it, and that stage completes only on its own event name.
 */
export function describeOutcome(
  sent: string,
  waiting: boolean,
  waitingFor: string | undefined,
): string {
  if (!waiting) return 'The instance was not waiting, so the server dropped the event.';
  if (waitingFor === undefined) return 'The waiting stage received it.';
  if (sent === waitingFor) return 'The waiting stage received it and completes.';

  return `The waiting stage expects “${waitingFor}”, so it discarded this event and keeps waiting.`;
}
