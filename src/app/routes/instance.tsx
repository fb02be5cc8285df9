import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';

import { versionedInstanceHistoryQuery } from '@/features/instances/api/versioned-instances';
import { InstanceDetails } from '@/features/instances/components/instance-details';
import { InstanceRunAgain } from '@/features/instances/components/instance-run-again';
import { runWorkflowMutation } from '@/features/workflows/api/run-workflow';
import { useConnection } from '@/lib/connection/connection-context';
import { shortId } from '@/lib/format';
import type { Instance } from '@/lib/orchestration/schemas';

export default function InstanceRoute() {
  const { instanceId = '' } = useParams();

  useDocumentTitle(`Instance ${shortId(instanceId)} · Flowdeck`);

  return (
    <InstanceDetails
      key={instanceId}
      instanceId={instanceId}
      extraActions={(instance) => <RunAgain instance={instance} />}
    />
  );
}

// "Run again" starts a workflow, which belongs to the workflows feature: the route joins the two.
function RunAgain({ instance }: { instance: Instance }) {
  const { apiVersion } = useConnection();
  // Shares the cache entry that the instance page polls, so this adds no request.
  const history = useQuery({
    ...versionedInstanceHistoryQuery(apiVersion, instance.id),
    enabled: false,
  });

  return (
    <InstanceRunAgain
      instance={instance}
      workflow={instance.workflow}
      history={history.data}
      runMutation={runWorkflowMutation(apiVersion)}
    />
  );
}
