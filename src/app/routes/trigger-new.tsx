import { useDocumentTitle } from '@mantine/hooks';

import { TriggerEditor } from '@/features/triggers/components/trigger-editor';
import { useWorkflowsPage } from '@/features/workflows/api/versioned-workflows';

export default function NewTriggerRoute() {
  // NOTE: the workflow picker offers the first 100 workflows only.
  const workflows = useWorkflowsPage({ pageSize: 100 });

  useDocumentTitle('New trigger · Flowdeck');

  return (
    <TriggerEditor workflows={workflows.data?.data ?? []} workflowsPending={workflows.isPending} />
  );
}
