import { useDocumentTitle } from '@mantine/hooks';

import { TriggerEditor } from '@/features/triggers/components/trigger-editor';
import { useV2ListWorkflows } from '@/features/workflows/api/list-workflows';

export default function NewTriggerRoute() {
  // NOTE: the workflow picker offers the first 100 workflows only.
  const workflows = useV2ListWorkflows({ pageSize: 100 });

  useDocumentTitle('New trigger · Flowdeck');

  return (
    <TriggerEditor workflows={workflows.data?.data ?? []} workflowsPending={workflows.isPending} />
  );
}
