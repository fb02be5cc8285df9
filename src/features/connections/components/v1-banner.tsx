import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';

import { useConnection } from '@/lib/connection/connection-context';

/** Says what the console cannot do on a stack that only has the v1 API. */
export function V1Banner() {
  const connection = useConnection();
  if (connection.apiVersion !== 'v1') return null;

  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconInfoCircle size={18} />}
      title={`${connection.name} has only the v1 API`}
      mb="md"
    >
      Lists have no cursors, so the console loads every row and pages them itself. Triggers cannot
      be tested, and the trigger list shows only the first 15 triggers.
    </Alert>
  );
}
