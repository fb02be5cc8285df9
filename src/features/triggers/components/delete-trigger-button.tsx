import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';

import { ConfirmDeleteButton } from '@/components/confirm-delete-button';
import { useVersionedDeleteTrigger } from '@/features/triggers/api/versioned-triggers';
import { deleteTriggerSuite } from '@/features/triggers/api/trigger-suites';
import { useConnection, useWriteAccess } from '@/lib/connection/connection-context';
import type { Trigger } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

/** Delete action with a confirmation dialog naming the trigger. */
export function DeleteTriggerButton({ trigger }: { trigger: Trigger }) {
  const navigate = useNavigate();
  const connection = useConnection();
  const access = useWriteAccess();
  const remove = useVersionedDeleteTrigger({ meta: { errorNotification: false } });
  const name = trigger.name || trigger.id;

  return (
    <ConfirmDeleteButton
      resource="trigger"
      name={name}
      consequence={
        <>
          Events of type <code>{trigger.event}</code> no longer start its workflow. Past occurrences
          and instances are kept; its test suite is deleted.
        </>
      }
      disabledReason={access.allowed ? undefined : access.reason}
      pending={remove.isPending}
      error={remove.error}
      onOpen={remove.reset}
      onConfirm={(done) =>
        remove.mutate(
          { triggerID: trigger.id },
          {
            onSuccess: () => {
              notifications.show({
                closeButtonProps: { 'aria-label': 'Dismiss notification' },
                color: 'teal',
                title: 'Trigger deleted',
                message: name,
              });
              // The suite has no use without its trigger; a failure here only leaves a stale row.
              void deleteTriggerSuite(connection.id, trigger.id).catch(() => undefined);
              done();
              void navigate(paths.triggers());
            },
          },
        )
      }
    />
  );
}
