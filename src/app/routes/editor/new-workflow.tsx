import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { WorkflowEditor } from '@/features/editor/components/workflow-editor';
import type { SaveOutcome, SaveRequest } from '@/features/editor/components/workflow-editor';
import {
  useVersionedCreateWorkflow,
  versionedWorkflowQuery,
} from '@/features/workflows/api/versioned-workflows';
import { useConnection } from '@/lib/connection/connection-context';
import { paths } from '@/lib/paths';

import { EditorPage } from './editor-page';

/** `/workflows/new/edit`: builds a new workflow; saving creates it and opens it in the editor. */
export default function NewWorkflowEditorRoute() {
  // The editor reports save failures itself.
  const { apiVersion } = useConnection();
  const createWorkflow = useVersionedCreateWorkflow({ meta: { errorNotification: false } });
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const save = async ({ config }: SaveRequest): Promise<SaveOutcome> => {
    const workflow = await createWorkflow.mutateAsync({ config });
    queryClient.setQueryData(versionedWorkflowQuery(apiVersion, workflow.id).queryKey, workflow);

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
