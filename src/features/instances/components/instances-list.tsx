import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import {
  defaultPageSize,
  pageSizeOptions,
  parseChoiceParam,
  useCursorParams,
  useUrlParams,
} from '@/hooks/use-url-params';
import { useConnection } from '@/lib/connection/connection-context';
import { outcomeFilters } from '@/lib/paths';

import { BulkToolbar } from './bulk/bulk-toolbar';
import { InstancesTable } from './instances-table';
import { InstanceListFilters } from './list/instance-list-filters';
import type { WorkflowOption } from './list/instance-list-filters';
import {
  countUnknownStates,
  matchesRowFilters,
  sortNewestFirst,
  toInstanceRow,
} from './list/instance-rows';
import { useInstanceDetails } from './list/use-instance-details';
import { useInstancePages } from './list/use-instance-pages';
import { mutedTextColor } from './list/text-colors';

export type { WorkflowOption };

type InstancesListProps = {
  /** Shows only this workflow's instances, without a workflow filter. */
  workflowID?: string;
  /** Choices of the workflow filter; without them the filter is hidden. */
  workflowOptions?: WorkflowOption[];
};

const runningFilters = ['running', 'terminated'] as const;

/**
 * Instances, newest first within the loaded pages, with filters, "load more"
 * and bulk actions. Filters, page size and the first page's cursor live in
 * the URL (`?workflow=&running=&outcome=&pageSize=&cursor=`).
 */
export function InstancesList({ workflowID, workflowOptions }: InstancesListProps) {
  const { apiVersion } = useConnection();
  const [searchParams, setParams] = useUrlParams();
  const { cursor, pageSize } = useCursorParams();
  const running = parseChoiceParam(searchParams.get('running'), runningFilters);
  const outcome = parseChoiceParam(searchParams.get('outcome'), outcomeFilters);
  const selectedWorkflow = workflowID ?? (searchParams.get('workflow') || undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  // Ids on screen, joined by spaces: a string keeps equal lists from re-rendering.
  const [visibleKey, setVisibleKey] = useState('');

  // "waiting" implies running, so the API's only state filter narrows the pages.
  const pages = useInstancePages(apiVersion, {
    workflowID: selectedWorkflow,
    runningOnly: running === 'running' || outcome === 'waiting',
    pageSize,
    startCursor: cursor,
  });
  const sorted = useMemo(() => sortNewestFirst(pages.instances), [pages.instances]);

  // List rows carry no stage status, so getInstance is fetched for the visible
  // rows (running ones for their current stage, terminated ones for the stage
  // they ended at), and for every running row when "waiting" must judge them all.
  const detailIDs = useMemo(() => {
    const visibleIDs = new Set(visibleKey.split(' '));

    return sorted
      .filter(
        (instance) =>
          visibleIDs.has(instance.id) || (outcome === 'waiting' && !instance.terminated),
      )
      .map((instance) => instance.id);
  }, [outcome, sorted, visibleKey]);
  const detailKey = detailIDs.join(' ');
  const stableDetailIDs = useMemo(() => (detailKey ? detailKey.split(' ') : []), [detailKey]);
  const details = useInstanceDetails(apiVersion, stableDetailIDs);

  const allRows = useMemo(
    () => sorted.map((instance) => toInstanceRow(instance, details.get(instance.id))),
    [sorted, details],
  );
  const rows = useMemo(
    () => allRows.filter((row) => matchesRowFilters(row, { running, outcome })),
    [allRows, running, outcome],
  );
  const unknownStates = outcome === 'waiting' ? countUnknownStates(allRows) : 0;

  const onVisibleRowsChange = useCallback((ids: string[]) => setVisibleKey(ids.join(' ')), []);

  const selectedInstances = useMemo(
    () => rows.map((row) => row.instance).filter((instance) => selected.has(instance.id)),
    [rows, selected],
  );
  const bulkFilters = useMemo(
    () => ({ workflowID: selectedWorkflow, running, outcome }),
    [selectedWorkflow, running, outcome],
  );

  const toggle = useCallback((id: string) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const toggleAll = useCallback(() => {
    setSelected((previous) =>
      rows.length > 0 && rows.every((row) => previous.has(row.instance.id))
        ? new Set()
        : new Set(rows.map((row) => row.instance.id)),
    );
  }, [rows]);

  const filters = (
    <InstanceListFilters
      workflowOptions={workflowID ? undefined : workflowOptions}
      workflowID={selectedWorkflow}
      running={running}
      outcome={outcome}
      onChange={setParams}
      onRefresh={() => void pages.refetch()}
      refreshing={pages.isFetching}
    />
  );

  if (pages.isPending) {
    return (
      <Stack gap="sm">
        {filters}
        <TableSkeleton
          columns={[
            'Instance',
            'Workflow',
            'Outcome',
            'Stage',
            'Started',
            'Ended',
            'Duration',
            'Error',
          ]}
        />
      </Stack>
    );
  }

  if (pages.isError) {
    return (
      <Stack gap="sm">
        {filters}
        <ApiErrorAlert
          title="Could not load instances"
          error={pages.error}
          onRetry={() => void pages.refetch()}
          retrying={pages.isFetching}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {filters}
      {outcome && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} />} p="xs">
          The API cannot filter by outcome: this filter applies to the {sorted.length} loaded
          instances only.
          {unknownStates > 0 &&
            ` Checking the current stage of ${unknownStates} running instances…`}
        </Alert>
      )}
      <BulkToolbar selected={selectedInstances} filters={bulkFilters} version={apiVersion} />
      {rows.length > 0 ? (
        <InstancesTable
          rows={rows}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          onVisibleRowsChange={onVisibleRowsChange}
          linkWorkflows={!workflowID}
        />
      ) : (
        <EmptyState
          title="No instances"
          description={emptyDescription(
            Boolean(running || outcome || (selectedWorkflow && !workflowID)),
            workflowID,
          )}
        />
      )}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c={mutedTextColor} aria-live="polite">
          {rows.length} of {sorted.length} loaded instance{sorted.length === 1 ? '' : 's'} shown
          {pages.hasMore ? ' · more on the server' : ''}
        </Text>
        <Group gap="sm">
          {cursor && (
            <Button variant="subtle" size="xs" onClick={() => setParams({ cursor: undefined })}>
              Back to the first page
            </Button>
          )}
          {apiVersion === 'v2' && (
            <PageSizeSelect
              value={pageSize}
              onChange={(size) =>
                setParams({
                  pageSize: size === defaultPageSize ? undefined : size,
                  cursor: undefined,
                })
              }
            />
          )}
          {pages.hasMore && (
            <Button
              size="xs"
              variant="default"
              onClick={() => void pages.loadMore()}
              loading={pages.isLoadingMore}
            >
              Load more
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

function PageSizeSelect({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  return (
    <NativeSelect
      aria-label="Page size"
      size="xs"
      value={String(value)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      data={pageSizeOptions.map((size) => ({ value: String(size), label: `${size} per page` }))}
    />
  );
}

function emptyDescription(filtered: boolean, workflowID: string | undefined) {
  if (filtered) return 'No loaded instance matches the filters.';

  return workflowID ? 'This workflow has not run yet.' : 'Run a workflow to create one.';
}
