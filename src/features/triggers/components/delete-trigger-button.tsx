import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';

import { ConfirmDeleteButton } from '@/components/confirm-delete-button';
import { useV2DeleteTrigger } from '@/features/triggers/api/delete-trigger';
import type { Trigger } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

/** Delete action with a confirmation dialog naming the trigger. */
export function DeleteTriggerButton({ trigger }: { trigger: Trigger }) {
  const navigate = useNavigate();
  const remove = useV2DeleteTrigger({ meta: { errorNotification: false } });
  const name = trigger.name || trigger.id;

  return (
    <ConfirmDeleteButton
      resource="trigger"
      name={name}
      consequence={
        <>
          Events of type <code>{trigger.event}</code> no longer start its workflow. Past occurrences
          and instances are kept.
        </>
      }
      pending={remove.isPending}
      error={remove.error}
      onOpen={remove.reset}
      onConfirm={(done) =>
        remove.mutate(
          { triggerID: trigger.id },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', title: 'Trigger deleted', message: name });
              done();
              void navigate(paths.triggers());
            },
          },
        )
      }
    />
  );
}
