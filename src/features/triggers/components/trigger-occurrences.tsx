import { Anchor, Code, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { CursorPager } from '@/components/cursor-pager';
import { EmptyState } from '@/components/empty-state';
import { RelativeTime } from '@/components/relative-time';
import { TableSkeleton } from '@/components/table-skeleton';
import { useTriggerOccurrencesPage } from '@/features/triggers/api/versioned-triggers';
import { pageSizeOptions, useCursorParams } from '@/hooks/use-url-params';
import { shortId } from '@/lib/format';
import { paths } from '@/lib/paths';

import { errorTextColor } from './status-colors';

const columns = ['Date', 'Event', 'Result'];

/** Lists when a trigger fired, on which event, and the instance it started or its error. */
export function TriggerOccurrences({ triggerID }: { triggerID: string }) {
  const { cursor, pageSize, setCursor, setPageSize } = useCursorParams();
  const occurrences = useTriggerOccurrencesPage({ triggerID, pageSize, cursor });

  if (occurrences.isPending) return <TableSkeleton columns={columns} rows={3} />;

  if (occurrences.isError && !occurrences.data) {
    return (
      <ApiErrorAlert
        title="Could not load occurrences"
        error={occurrences.error}
        onRetry={() => void occurrences.refetch()}
        retrying={occurrences.isFetching}
      />
    );
  }

  const page = occurrences.data;

  if (page.data.length === 0 && !cursor) {
    return (
      <EmptyState title="No occurrences" description="The trigger has not matched any event yet." />
    );
  }

  return (
    <Stack gap={0}>
      <Table aria-label="Occurrences">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.data.map((occurrence, index) => (
            <Table.Tr key={occurrence.id ?? `${occurrence.date}-${index}`}>
              <Table.Td>
                <RelativeTime value={occurrence.date} />
              </Table.Td>
              <Table.Td>
                <Code>{occurrence.event.type ?? 'unknown'}</Code>
              </Table.Td>
              <Table.Td>
                {occurrence.workflowInstanceID ? (
                  <Anchor
                    component={Link}
                    to={paths.instance(occurrence.workflowInstanceID)}
                    size="sm"
                    ff="monospace"
                  >
                    instance {shortId(occurrence.workflowInstanceID)}
                  </Anchor>
                ) : (
                  // Expression errors end with caret lines that point into the expression.
                  <Text
                    size="xs"
                    c={errorTextColor}
                    ff="monospace"
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                  >
                    {occurrence.error ?? 'No instance started'}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CursorPager
        summary={`${page.data.length} occurrence${page.data.length === 1 ? '' : 's'} on this page`}
        hasPrevious={Boolean(page.previous)}
        hasNext={page.hasMore && Boolean(page.next)}
        onPrevious={() => setCursor(page.previous)}
        onNext={() => setCursor(page.next)}
        pageSize={pageSize}
        pageSizes={pageSizeOptions}
        onPageSizeChange={setPageSize}
        loading={occurrences.isPlaceholderData}
      />
    </Stack>
  );
}
