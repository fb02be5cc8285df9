import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';

import { ConfirmDeleteButton } from '@/components/confirm-delete-button';
import { useVersionedDeleteWorkflow } from '@/features/workflows/api/versioned-workflows';
import { useWriteAccess } from '@/lib/connection/connection-context';
import type { Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

/** Delete action with a confirmation dialog naming the workflow. */
export function DeleteWorkflowButton({ workflow }: { workflow: Workflow }) {
  const navigate = useNavigate();
  const remove = useVersionedDeleteWorkflow({ meta: { errorNotification: false } });
  const access = useWriteAccess();
  const name = workflow.config.name || workflow.id;
  const disabledReason = !access.allowed
    ? access.reason
    : workflow.deletedAt
      ? 'This workflow is already deleted'
      : undefined;

  return (
    <ConfirmDeleteButton
      resource="workflow"
      name={name}
      consequence="It disappears from the lists and triggers can no longer use it. Existing instances and triggers are kept."
      disabledReason={disabledReason}
      pending={remove.isPending}
      error={remove.error}
      onOpen={remove.reset}
      onConfirm={(done) =>
        remove.mutate(
          { flowId: workflow.id },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', title: 'Workflow deleted', message: name });
              done();
              void navigate(paths.workflows());
            },
          },
        )
      }
    />
  );
}
