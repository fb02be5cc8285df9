import { useDocumentTitle } from '@mantine/hooks';
import { useParams } from 'react-router';

import { InstancesList } from '@/features/instances/components/instances-list';
import { WorkflowDetails } from '@/features/workflows/components/workflow-details';
import { shortId } from '@/lib/format';

export default function WorkflowRoute() {
  const { workflowId = '' } = useParams();

  useDocumentTitle(`Workflow ${shortId(workflowId)} · Flowdeck`);

  return (
    <WorkflowDetails
      key={workflowId}
      workflowId={workflowId}
      instances={<InstancesList workflowID={workflowId} />}
    />
  );
}
