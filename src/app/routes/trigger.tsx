import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';

import { useTrigger } from '@/features/triggers/api/versioned-triggers';
import { TriggerDetails } from '@/features/triggers/components/trigger-details';
import { versionedWorkflowQuery } from '@/features/workflows/api/versioned-workflows';
import { useConnection } from '@/lib/connection/connection-context';
import { shortId } from '@/lib/format';

export default function TriggerRoute() {
  const { triggerId = '' } = useParams();
  const { apiVersion } = useConnection();
  const trigger = useTrigger(triggerId);
  const workflowID = trigger.data?.workflowID ?? '';
  // The workflow name is a nicety: the trigger page shows its short id until (or unless) it loads.
  const workflow = useQuery({
    ...versionedWorkflowQuery(apiVersion, workflowID),
    enabled: workflowID !== '',
  });

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
