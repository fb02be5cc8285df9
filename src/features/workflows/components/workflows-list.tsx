import { Button, CloseButton, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { CursorPager } from '@/components/cursor-pager';
import { EmptyState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import {
  useWorkflowsInfinite,
  useWorkflowsPage,
} from '@/features/workflows/api/versioned-workflow-lists';
import { pageSizeOptions, useCursorParams, useDebouncedSearchParam } from '@/hooks/use-url-params';
import { useConnection } from '@/lib/connection/connection-context';
import type { Workflow } from '@/lib/orchestration/schemas';

import { filterWorkflowsByName, WorkflowsTable } from './workflows-table';

const columns = ['Name', 'ID', 'Stages', 'Created'];

/** Page size used while searching: the API has no name filter, so search reads whole pages. */
const searchPageSize = 100;

function usePrefetchWorkflow() {
  const queryClient = useQueryClient();
  const { apiVersion } = useConnection();

  return useCallback(
    (workflow: Workflow) => {
      // Imported on hover: the detail query parses with zod, which the list does not load.
      void import('@/features/workflows/api/get-workflow').then(({ versionedWorkflowQuery }) =>
        queryClient.prefetchQuery(versionedWorkflowQuery(apiVersion, workflow.id)),
      );
    },
    [queryClient, apiVersion],
  );
}

/** Workflows with a name search (`?q=`) and cursor paging (`?cursor=&pageSize=`) in the URL. */
export function WorkflowsList() {
  const search = useDebouncedSearchParam('q');

  return (
    <Stack gap="sm">
      <TextInput
        label="Search by name"
        placeholder="e.g. refund"
        leftSection={<IconSearch size={16} />}
        maw={360}
        value={search.value}
        onChange={(event) => search.onChange(event.currentTarget.value)}
        rightSection={
          search.value !== '' && <CloseButton aria-label="Clear search" onClick={search.clear} />
        }
      />
      {search.committed === '' ? (
        <WorkflowPages search={search.value} />
      ) : (
        <WorkflowSearchResults search={search.value} onClear={search.clear} />
      )}
    </Stack>
  );
}

function WorkflowPages({ search }: { search: string }) {
  const { cursor, pageSize, setCursor, setPageSize } = useCursorParams();
  const workflows = useWorkflowsPage({ pageSize, cursor });
  const prefetch = usePrefetchWorkflow();

  if (workflows.isPending) return <TableSkeleton columns={columns} />;

  if (workflows.isError && !workflows.data) {
    return (
      <ApiErrorAlert
        title="Could not load workflows"
        error={workflows.error}
        onRetry={() => void workflows.refetch()}
        retrying={workflows.isFetching}
      />
    );
  }

  const page = workflows.data;
  const rows = filterWorkflowsByName(page.data, search);

  if (page.data.length === 0 && !cursor) {
    return (
      <EmptyState
        title="No workflows yet"
        description="Create one with New workflow or with POST /api/orchestration/v2/workflows."
      />
    );
  }

  return (
    <div>
      {rows.length > 0 ? (
        <WorkflowsTable workflows={rows} onRowHover={prefetch} />
      ) : (
        <EmptyState title="No workflows on this page" />
      )}
      <CursorPager
        summary={`${page.data.length} workflow${page.data.length === 1 ? '' : 's'} on this page`}
        hasPrevious={Boolean(page.previous)}
        hasNext={page.hasMore && Boolean(page.next)}
        onPrevious={() => setCursor(page.previous)}
        onNext={() => setCursor(page.next)}
        pageSize={pageSize}
        pageSizes={pageSizeOptions}
        onPageSizeChange={setPageSize}
        loading={workflows.isPlaceholderData}
      />
    </div>
  );
}

function WorkflowSearchResults({ search, onClear }: { search: string; onClear: () => void }) {
  const workflows = useWorkflowsInfinite({ pageSize: searchPageSize });
  const prefetch = usePrefetchWorkflow();

  if (workflows.isPending) return <TableSkeleton columns={columns} />;

  if (workflows.isError && !workflows.data) {
    return (
      <ApiErrorAlert
        title="Could not load workflows"
        error={workflows.error}
        onRetry={() => void workflows.refetch()}
        retrying={workflows.isFetching}
      />
    );
  }

  const loaded = workflows.data.pages.flatMap((page) => page.data);
  const rows = filterWorkflowsByName(loaded, search);
  const loadMore = workflows.hasNextPage && (
    <Button
      size="xs"
      variant="light"
      loading={workflows.isFetchingNextPage}
      onClick={() => void workflows.fetchNextPage()}
    >
      Search more workflows
    </Button>
  );

  return (
    <div>
      {rows.length > 0 ? (
        <WorkflowsTable workflows={rows} onRowHover={prefetch} />
      ) : (
        <EmptyState
          title="No matching workflow"
          description={`No loaded workflow has a name containing “${search.trim()}”.`}
          actions={
            <>
              {loadMore}
              <Button size="xs" variant="default" onClick={onClear}>
                Clear search
              </Button>
            </>
          }
        />
      )}
      <Stack align="flex-start" gap="xs" mt="sm">
        <Text size="sm" c="dimmed">
          {rows.length} of {loaded.length} loaded workflow{loaded.length === 1 ? '' : 's'} match
          {workflows.hasNextPage ? '; more exist on the server.' : '.'}
        </Text>
        {rows.length > 0 && loadMore}
      </Stack>
    </div>
  );
}
