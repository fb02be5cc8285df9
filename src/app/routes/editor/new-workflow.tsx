import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { WorkflowEditor } from '@/features/editor/components/workflow-editor';
import type { SaveOutcome, SaveRequest } from '@/features/editor/components/workflow-editor';
import { useV2CreateWorkflow } from '@/features/workflows/api/create-workflow';
import { v2WorkflowQuery } from '@/features/workflows/api/get-workflow';
import { paths } from '@/lib/paths';

import { EditorPage } from './editor-page';

/** `/workflows/new/edit`: builds a new workflow; saving creates it and opens it in the editor. */
export default function NewWorkflowEditorRoute() {
  // The editor reports save failures itself.
  const createWorkflow = useV2CreateWorkflow({ meta: { errorNotification: false } });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const save = async ({ config }: SaveRequest): Promise<SaveOutcome> => {
    const workflow = await createWorkflow.mutateAsync({ config });
    queryClient.setQueryData(v2WorkflowQuery(workflow.id).queryKey, workflow);

    return { workflowId: workflow.id };
  };

  return (
    <EditorPage title="New workflow">
      <WorkflowEditor
        onSave={save}
        onSaved={(outcome) =>
          void navigate(paths.editWorkflow(outcome.workflowId), { replace: true })
        }
      />
    </EditorPage>
  );
}
