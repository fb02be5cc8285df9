import { useDocumentTitle } from '@mantine/hooks';
import { useMemo } from 'react';

import { PageHeader } from '@/components/page-header';
import { TriggersList } from '@/features/triggers/components/triggers-list';
import { useV2ListWorkflows } from '@/features/workflows/api/list-workflows';

export default function TriggersRoute() {
  // Names for the workflow column; workflows beyond the first 100 show their short id.
  const workflows = useV2ListWorkflows({ pageSize: 100 });
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
      />
      <TriggersList workflowNames={workflowNames} />
    </>
  );
}
