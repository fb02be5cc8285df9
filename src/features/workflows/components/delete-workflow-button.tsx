import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';

import { ConfirmDeleteButton } from '@/components/confirm-delete-button';
import { useV2DeleteWorkflow } from '@/features/workflows/api/delete-workflow';
import type { Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

/** Delete action with a confirmation dialog naming the workflow. */
export function DeleteWorkflowButton({ workflow }: { workflow: Workflow }) {
  const navigate = useNavigate();
  const remove = useV2DeleteWorkflow({ meta: { errorNotification: false } });
  const name = workflow.config.name || workflow.id;

  return (
    <ConfirmDeleteButton
      resource="workflow"
      name={name}
      consequence="It disappears from the lists and triggers can no longer use it. Existing instances and triggers are kept."
      disabledReason={workflow.deletedAt ? 'This workflow is already deleted' : undefined}
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
