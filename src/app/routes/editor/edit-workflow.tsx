import { Anchor, Skeleton, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { WorkflowEditor } from '@/features/editor/components/workflow-editor';
import type { SaveOutcome, SaveRequest } from '@/features/editor/components/workflow-editor';
import { moveTriggers } from '@/features/editor/model/move-triggers';
import {
  useVersionedCreateTrigger,
  useVersionedDeleteTrigger,
} from '@/features/triggers/api/versioned-triggers';
import {
  useVersionedCreateWorkflow,
  useVersionedRunWorkflow,
  useWorkflow,
  versionedWorkflowQuery,
} from '@/features/workflows/api/versioned-workflows';
import { useConnection } from '@/lib/connection/connection-context';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';

import { EditorPage } from './editor-page';
import { workflowTriggersQuery } from './workflow-triggers-query';

/**
 * `/workflows/:workflowId/edit`: edits a saved workflow. Saving creates a new
 * workflow (the service cannot change one) and can move the original's
 * triggers to it; Run starts the saved workflow.
 */
export default function EditWorkflowEditorRoute() {
  const { workflowId = '' } = useParams();
  const { apiVersion } = useConnection();
  const workflowQuery = useWorkflow(workflowId);
  const queryClient = useQueryClient();
  const triggersQuery = useQuery(workflowTriggersQuery(queryClient, workflowId, apiVersion));
  const createWorkflow = useVersionedCreateWorkflow({ meta: { errorNotification: false } });
  const createTrigger = useVersionedCreateTrigger({ meta: { errorNotification: false } });
  const deleteTrigger = useVersionedDeleteTrigger({ meta: { errorNotification: false } });
  const runWorkflow = useVersionedRunWorkflow({ meta: { errorNotification: false } });
  const navigate = useNavigate();

  const workflow = workflowQuery.data;
  const title = workflow ? (
    <>
      Edit{' '}
      <Anchor component={Link} to={paths.workflow(workflow.id)} inherit>
        {workflow.config.name || workflow.id}
      </Anchor>
    </>
  ) : (
    'Edit workflow'
  );

  if (workflowQuery.isPending) {
    return (
      <EditorPage title={title}>
        <Stack>
          <Skeleton h={36} />
          <Skeleton h={480} />
        </Stack>
      </EditorPage>
    );
  }

  if (workflowQuery.isError || !workflow) {
    return (
      <EditorPage title={title}>
        <ApiErrorAlert
          error={workflowQuery.error}
          title="Could not load the workflow"
          onRetry={() => void workflowQuery.refetch()}
          retrying={workflowQuery.isFetching}
        />
      </EditorPage>
    );
  }

  const save = async ({ config, moveTriggers: move }: SaveRequest): Promise<SaveOutcome> => {
    const created = await createWorkflow.mutateAsync({ config });
    queryClient.setQueryData(versionedWorkflowQuery(apiVersion, created.id).queryKey, created);
    const triggers = triggersQuery.data ?? [];
    if (!move || triggers.length === 0) return { workflowId: created.id };

    const result = await moveTriggers(triggers, created.id, {
      createTrigger: (data) => createTrigger.mutateAsync(data),
      deleteTrigger: (triggerID) => deleteTrigger.mutateAsync({ triggerID }),
    });
    if (result.ok) return { workflowId: created.id };

    const rollback =
      result.rollbackErrors.length > 0
        ? ` Rollback problems: ${result.rollbackErrors.join('; ')}`
        : '';
    return {
      workflowId: created.id,
      warning: `${result.error}. ${result.moved.length} of ${triggers.length} triggers moved; the others still start the original workflow.${rollback}`,
    };
  };

  const run = async (variables: Record<string, string>) => {
    const instance = await runWorkflow.mutateAsync({ workflowID: workflow.id, variables });
    void navigate(paths.instance(instance.id));
  };

  return (
    <EditorPage title={title}>
      <WorkflowEditor
        key={workflow.id}
        workflow={{ id: workflow.id, config: workflow.config }}
        triggers={{
          data: triggersQuery.data,
          isPending: triggersQuery.isPending,
          error: triggersQuery.isError ? describeError(triggersQuery.error).message : undefined,
        }}
        onSave={save}
        onSaved={(outcome) => void navigate(paths.editWorkflow(outcome.workflowId))}
        onRun={run}
      />
    </EditorPage>
  );
}
