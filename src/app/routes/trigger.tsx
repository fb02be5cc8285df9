import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';

import { useV2ReadTrigger } from '@/features/triggers/api/read-trigger';
import { TriggerDetails } from '@/features/triggers/components/trigger-details';
import { v2WorkflowQuery } from '@/features/workflows/api/get-workflow';
import { shortId } from '@/lib/format';

export default function TriggerRoute() {
  const { triggerId = '' } = useParams();
  const trigger = useV2ReadTrigger(triggerId);
  const workflowID = trigger.data?.workflowID ?? '';
  // The workflow name is a nicety: the trigger page shows its short id until (or unless) it loads.
  const workflow = useQuery({ ...v2WorkflowQuery(workflowID), enabled: workflowID !== '' });

  useDocumentTitle(`Trigger ${trigger.data?.name || shortId(triggerId)} · Flowdeck`);

  return (
    <TriggerDetails
      key={triggerId}
      triggerId={triggerId}
      workflowName={workflow.data?.config.name}
      workflowConfig={workflow.data?.config}
    />
  );
}
