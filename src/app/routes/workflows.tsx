import { Button } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';

import { LazyTooltip } from '@/components/lazy-tooltip';
import { PageHeader } from '@/components/page-header';
import { WorkflowsList } from '@/features/workflows/components/workflows-list';
import { useWriteAccess } from '@/lib/connection/connection-context';
import { paths } from '@/lib/paths';

export default function WorkflowsRoute() {
  const access = useWriteAccess();

  useDocumentTitle('Workflows · Flowdeck');

  return (
    <>
      <PageHeader
        title="Workflows"
        description="Workflow definitions: stages that each instance runs in order."
        actions={
          access.allowed ? (
            <Button component={Link} to={paths.newWorkflow()} leftSection={<IconPlus size={16} />}>
              New workflow
            </Button>
          ) : (
            <LazyTooltip label={access.reason}>
              {/* A disabled button receives no pointer events, so the tooltip listens on a wrapper. */}
              <span style={{ display: 'inline-block' }}>
                <Button
                  disabled
                  aria-description={access.reason}
                  leftSection={<IconPlus size={16} />}
                >
                  New workflow
                </Button>
              </span>
            </LazyTooltip>
          )
        }
      />
      <WorkflowsList />
    </>
  );
}
