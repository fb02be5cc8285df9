import { Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

import { PageHeader } from '@/components/page-header';
import { mutedTextColor } from '@/features/instances/components/list/text-colors';
import { WaitingInbox } from '@/features/instances/components/waiting/waiting-inbox';

export default function WaitingRoute() {
  useDocumentTitle('Waiting · Flowdeck');

  return (
    <>
      <PageHeader
        title="Waiting"
        description={
          <Text span inherit c={mutedTextColor}>
            Running instances blocked on a wait_event stage, grouped by event and workflow.
          </Text>
        }
      />
      <WaitingInbox />
    </>
  );
}
