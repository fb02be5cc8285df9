import { Button } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';

import { EmptyState } from '@/components/empty-state';
import { paths } from '@/lib/paths';

export function NotFoundPage() {
  const { pathname } = useLocation();

  return (
    <EmptyState
      title="Page not found"
      description={`Nothing lives at ${pathname}.`}
      icon={<IconMapSearch size={28} stroke={1.5} />}
      actions={
        <Button component={Link} to={paths.workflows()} variant="light">
          Go to workflows
        </Button>
      }
    />
  );
}
