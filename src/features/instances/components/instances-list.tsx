import { ActionIcon, Group, SegmentedControl, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { CursorPager } from '@/components/cursor-pager';
import { EmptyState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { useV2ListInstances } from '@/features/instances/api/list-instances';
import { pageSizeOptions, useCursorParams, useUrlParams } from '@/hooks/use-url-params';
import type { RunningFilter } from '@/lib/paths';

import { InstancesTable } from './instances-table';

export type WorkflowOption = { value: string; label: string };

type InstancesListProps = {
  /** Shows only this workflow's instances, without a workflow filter. */
  workflowID?: string;
  /** Choices of the workflow filter; without them the filter is hidden. */
  workflowOptions?: WorkflowOption[];
};

const columns = ['Instance', 'Workflow', 'State', 'Started', 'Ended', 'Duration'];

function parseRunning(value: string | null): RunningFilter | undefined {
  return value === 'running' || value === 'terminated' ? value : undefined;
}

/** Instances with filters (`?workflow=&running=`) and cursor paging, all in the URL. */
export function InstancesList({ workflowID, workflowOptions }: InstancesListProps) {
  const [searchParams, setParams] = useUrlParams();
  const { cursor, pageSize, setCursor, setPageSize } = useCursorParams();
  const running = parseRunning(searchParams.get('running'));
  const selectedWorkflow = workflowID ?? (searchParams.get('workflow') || undefined);
  // The API filters only running instances; "terminated" is applied to each loaded page.
  const instances = useV2ListInstances({
    workflowID: selectedWorkflow,
    running: running === 'running' ? true : undefined,
    pageSize,
    cursor,
  });

  const options = withSelectedOption(workflowOptions, selectedWorkflow);
  const filters = (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {workflowOptions && !workflowID && (
        <Select
          label="Workflow"
          placeholder="All workflows"
          data={options}
          value={selectedWorkflow ?? null}
          onChange={(value) => setParams({ workflow: value ?? undefined, cursor: undefined })}
          searchable
          clearable
          w={280}
        />
      )}
      <SegmentedControl
        aria-label="Filter by state"
        value={running ?? 'all'}
        onChange={(value) =>
          setParams({ running: value === 'all' ? undefined : value, cursor: undefined })
        }
        data={[
          { value: 'all', label: 'All' },
          { value: 'running', label: 'Running' },
          { value: 'terminated', label: 'Terminated' },
        ]}
      />
      <Tooltip label="Refresh">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Refresh instances"
          onClick={() => void instances.refetch()}
          loading={instances.isFetching}
        >
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );

  if (instances.isPending) {
    return (
      <Stack gap="sm">
        {filters}
        <TableSkeleton columns={workflowID ? columns.filter((c) => c !== 'Workflow') : columns} />
      </Stack>
    );
  }

  if (instances.isError && !instances.data) {
    return (
      <Stack gap="sm">
        {filters}
        <ApiErrorAlert
          title="Could not load instances"
          error={instances.error}
          onRetry={() => void instances.refetch()}
          retrying={instances.isFetching}
        />
      </Stack>
    );
  }

  const page = instances.data;
  const rows = running === 'terminated' ? page.data.filter((row) => row.terminated) : page.data;

  return (
    <Stack gap="sm">
      {filters}
      {rows.length > 0 ? (
        <InstancesTable instances={rows} showWorkflow={!workflowID} />
      ) : (
        <EmptyState
          title="No instances"
          description={emptyDescription({ running, workflowID, selectedWorkflow })}
        />
      )}
      <CursorPager
        summary={
          <Text span size="sm" c="dimmed">
            {rows.length} instance{rows.length === 1 ? '' : 's'} on this page
            {running === 'terminated' && rows.length !== page.data.length
              ? ` (${page.data.length - rows.length} running hidden)`
              : ''}
          </Text>
        }
        hasPrevious={Boolean(page.previous)}
        hasNext={page.hasMore && Boolean(page.next)}
        onPrevious={() => setCursor(page.previous)}
        onNext={() => setCursor(page.next)}
        pageSize={pageSize}
        pageSizes={pageSizeOptions}
        onPageSizeChange={setPageSize}
        loading={instances.isPlaceholderData}
      />
    </Stack>
  );
}

type EmptyDescriptionInput = {
  running: RunningFilter | undefined;
  workflowID: string | undefined;
  selectedWorkflow: string | undefined;
};

function emptyDescription({ running, workflowID, selectedWorkflow }: EmptyDescriptionInput) {
  if (running || (selectedWorkflow && !workflowID)) {
    return 'No instance on this page matches the filters.';
  }

  return workflowID ? 'This workflow has not run yet.' : 'Run a workflow to create one.';
}

/** Keeps a workflow chosen through the URL selectable even when it is not among the options. */
function withSelectedOption(options: WorkflowOption[] = [], selected: string | undefined) {
  if (!selected || options.some((option) => option.value === selected)) return options;

  return [...options, { value: selected, label: selected }];
}
