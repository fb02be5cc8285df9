import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { TriggersList } from '@/features/triggers/components/triggers-list';
import { WriteButton } from '@/features/triggers/components/write-button';
import { useWorkflowsPage } from '@/features/workflows/api/versioned-workflows';
import { paths } from '@/lib/paths';

export default function TriggersRoute() {
  const navigate = useNavigate();
  // Names for the workflow column; workflows beyond the first 100 show their short id.
  const workflows = useWorkflowsPage({ pageSize: 100 });
  const workflowNames = useMemo(
    () =>
      new Map(
        (workflows.data?.data ?? []).map((workflow) => [workflow.id, workflow.config.name ?? '']),
      ),
    [workflows.data],
  );

  useDocumentTitle('Triggers · Flowdeck');

  return (
    <>
      <PageHeader
        title="Triggers"
        description="Rules that start a workflow when a matching event arrives."
        actions={
          <WriteButton
            leftSection={<IconPlus size={16} />}
            onClick={() => void navigate(paths.newTrigger())}
          >
            New trigger
          </WriteButton>
        }
      />
      <TriggersList workflowNames={workflowNames} />
    </>
  );
}
