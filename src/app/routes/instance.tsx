import { useDocumentTitle } from '@mantine/hooks';
import { useParams } from 'react-router';

import { InstanceDetails } from '@/features/instances/components/instance-details';
import { shortId } from '@/lib/format';

export default function InstanceRoute() {
  const { instanceId = '' } = useParams();

  useDocumentTitle(`Instance ${shortId(instanceId)} · Flowdeck`);

  return <InstanceDetails key={instanceId} instanceId={instanceId} />;
}
