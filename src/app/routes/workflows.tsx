import { Button } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { WorkflowsList } from '@/features/workflows/components/workflows-list';
import { paths } from '@/lib/paths';

export default function WorkflowsRoute() {
  useDocumentTitle('Workflows · Flowdeck');

  return (
    <>
      <PageHeader
        title="Workflows"
        description="Workflow definitions: stages that each instance runs in order."
        actions={
          <Button component={Link} to={paths.newWorkflow()} leftSection={<IconPlus size={16} />}>
            New workflow
          </Button>
        }
      />
      <WorkflowsList />
    </>
  );
}
