import { Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

import { PageHeader } from '@/components/page-header';
import { mutedTextColor } from '@/features/instances/components/list/text-colors';
import { InstancesList } from '@/features/instances/components/instances-list';
import { useWorkflowsPage } from '@/features/workflows/api/versioned-workflows';
import { shortId } from '@/lib/format';

/** Workflows offered by the workflow filter: the first page of at most 100 (the API's maximum). */
const workflowOptionsPageSize = 100;

export default function InstancesRoute() {
  const workflows = useWorkflowsPage({ pageSize: workflowOptionsPageSize });
  const options = (workflows.data?.data ?? []).map((workflow) => ({
    value: workflow.id,
    label: `${workflow.config.name || 'unnamed'} · ${shortId(workflow.id)}`,
  }));

  useDocumentTitle('Instances · Flowdeck');

  return (
    <>
      <PageHeader
        title="Instances"
        description={
          <Text span inherit c={mutedTextColor}>
            Runs of workflows and their current state.
          </Text>
        }
      />
      <InstancesList workflowOptions={options} />
    </>
  );
}
