import { Badge, Button, Group, Skeleton, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBraces, IconHierarchy3, IconPencil, IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { CopyId } from '@/components/copy-id';
import { JsonView } from '@/components/json-view';
import { PageHeader } from '@/components/page-header';
import { RelativeTime } from '@/components/relative-time';
import { WorkflowGraph } from '@/components/workflow-graph/workflow-graph';
import { useWorkflow } from '@/features/workflows/api/versioned-workflows';
import { useUrlParams } from '@/hooks/use-url-params';
import { useWriteAccess } from '@/lib/connection/connection-context';
import { isNotFound } from '@/lib/errors';
import type { Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

import { DeleteWorkflowButton } from './delete-workflow-button';
import { RunWorkflowDialog } from './run-workflow-dialog';

type WorkflowDetailsProps = {
  workflowId: string;
  /** The workflow's instances, rendered under the stages. */
  instances: ReactNode;
};

/** Workflow page: header with Run and Delete, stages as a graph or JSON (`?tab=`), instances. */
export function WorkflowDetails({ workflowId, instances }: WorkflowDetailsProps) {
  const workflow = useWorkflow(workflowId);
  const [searchParams, setParams] = useUrlParams();
  const tab = searchParams.get('tab') === 'config' ? 'config' : 'graph';

  if (workflow.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading workflow">
        <Skeleton height={28} width="40%" />
        <Skeleton height={14} width="60%" />
        <Skeleton height={340} />
      </Stack>
    );
  }

  if (workflow.isError) {
    return (
      <>
        <PageHeader
          eyebrow="Workflow"
          title={
            <Text span inherit ff="monospace">
              {workflowId}
            </Text>
          }
        />
        <ApiErrorAlert
          title={isNotFound(workflow.error) ? 'Workflow not found' : 'Could not load the workflow'}
          error={workflow.error}
          onRetry={() => void workflow.refetch()}
          retrying={workflow.isFetching}
        />
      </>
    );
  }

  const data = workflow.data;

  return (
    <Stack gap="lg">
      <WorkflowHeader workflow={data} />
      <Tabs
        value={tab}
        onChange={(value) => setParams({ tab: value === 'config' ? 'config' : undefined })}
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="graph" leftSection={<IconHierarchy3 size={14} />}>
            Stages ({data.config.stages.length})
          </Tabs.Tab>
          <Tabs.Tab value="config" leftSection={<IconBraces size={14} />}>
            Config JSON
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="graph">
          <WorkflowGraph stages={data.config.stages} />
        </Tabs.Panel>
        <Tabs.Panel value="config">
          <JsonView value={data.config} label="Workflow config" expandDepth={4} />
        </Tabs.Panel>
      </Tabs>
      <section aria-labelledby="workflow-instances-title">
        <Title order={2} fz="h4" mb="xs" id="workflow-instances-title">
          Instances
        </Title>
        {instances}
      </section>
    </Stack>
  );
}

function WorkflowHeader({ workflow }: { workflow: Workflow }) {
  const [runOpened, run] = useDisclosure(false);
  const access = useWriteAccess();
  const readOnlyReason = access.allowed ? undefined : access.reason;

  return (
    <>
      <PageHeader
        eyebrow="Workflow"
        title={
          workflow.config.name || (
            <Text span inherit c="dimmed" fs="italic">
              unnamed workflow
            </Text>
          )
        }
        meta={
          <>
            <CopyId id={workflow.id} short={false} label="workflow id" />
            <Group gap={4}>
              <Text size="sm" c="dimmed">
                Created
              </Text>
              <RelativeTime value={workflow.createdAt} />
            </Group>
            {workflow.deletedAt && (
              <Badge color="red" variant="light">
                Deleted <RelativeTime value={workflow.deletedAt} size="xs" inherit />
              </Badge>
            )}
          </>
        }
        actions={
          <>
            <Tooltip label={readOnlyReason} disabled={readOnlyReason === undefined} withinPortal>
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                onClick={run.open}
                disabled={readOnlyReason !== undefined}
                // A disabled button gets no pointer events, so the tooltip needs them back.
                style={readOnlyReason !== undefined ? { pointerEvents: 'auto' } : undefined}
                aria-description={readOnlyReason}
              >
                Run
              </Button>
            </Tooltip>
            <Button
              component={Link}
              to={paths.editWorkflow(workflow.id)}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              Edit
            </Button>
            <DeleteWorkflowButton workflow={workflow} />
          </>
        }
      />
      <RunWorkflowDialog workflow={workflow} opened={runOpened} onClose={run.close} />
    </>
  );
}
