import { Alert, CloseButton, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { CursorPager } from '@/components/cursor-pager';
import { EmptyState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { useTriggersPage, v1TriggerListLimit } from '@/features/triggers/api/versioned-triggers';
import { useTriggerSuites } from '@/features/triggers/api/trigger-suites';
import { pageSizeOptions, useCursorParams, useDebouncedSearchParam } from '@/hooks/use-url-params';

import { TriggersTable } from './triggers-table';

const columns = ['Name', 'Event', 'Workflow', 'Filter', 'Vars', 'Tests', 'Created'];

type TriggersListProps = {
  workflowNames?: ReadonlyMap<string, string>;
};

/** Triggers with a server-side name search (`?q=`) and cursor paging, all in the URL. */
export function TriggersList({ workflowNames }: TriggersListProps) {
  const search = useDebouncedSearchParam('q');
  const { cursor, pageSize, setCursor, setPageSize } = useCursorParams();
  const triggers = useTriggersPage({ name: search.committed || undefined, pageSize, cursor });
  // The test column stays empty while suites load or when the Flowdeck server cannot list them.
  const suites = useTriggerSuites();

  let content;

  if (triggers.isPending) {
    content = <TableSkeleton columns={columns} />;
  } else if (triggers.isError && !triggers.data) {
    content = (
      <ApiErrorAlert
        title="Could not load triggers"
        error={triggers.error}
        onRetry={() => void triggers.refetch()}
        retrying={triggers.isFetching}
      />
    );
  } else {
    const page = triggers.data;

    content = (
      <div>
        {page.truncated && (
          <Alert color="yellow" mb="sm" title="List may be incomplete">
            This stack answers the v1 API, which returns only the first {v1TriggerListLimit}{' '}
            triggers and no cursor to read the rest. Search by name to reach the others.
          </Alert>
        )}
        {page.data.length > 0 ? (
          <TriggersTable triggers={page.data} workflowNames={workflowNames} suites={suites.data} />
        ) : (
          <EmptyState
            title={search.committed ? 'No matching trigger' : 'No triggers yet'}
            description={
              search.committed
                ? `No trigger has a name containing “${search.committed}”.`
                : 'Triggers start a workflow when a matching event arrives.'
            }
          />
        )}
        <CursorPager
          summary={`${page.data.length} trigger${page.data.length === 1 ? '' : 's'} on this page`}
          hasPrevious={Boolean(page.previous)}
          hasNext={page.hasMore && Boolean(page.next)}
          onPrevious={() => setCursor(page.previous)}
          onNext={() => setCursor(page.next)}
          pageSize={pageSize}
          pageSizes={pageSizeOptions}
          onPageSizeChange={setPageSize}
          loading={triggers.isPlaceholderData}
        />
      </div>
    );
  }

  return (
    <Stack gap="sm">
      <TextInput
        label="Search by name"
        placeholder="e.g. payout"
        leftSection={<IconSearch size={16} />}
        maw={360}
        value={search.value}
        onChange={(event) => search.onChange(event.currentTarget.value)}
        rightSection={
          search.value !== '' && <CloseButton aria-label="Clear search" onClick={search.clear} />
        }
      />
      {content}
    </Stack>
  );
}
