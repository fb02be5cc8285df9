import { Anchor, Badge, ScrollArea, Table, Text } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { Link } from 'react-router';

import { shortId } from '@/lib/format';
import { paths } from '@/lib/paths';

import type { BulkItemResult, BulkItemStatus } from './bulk-runner';
import { badgeTextColor, errorTextColor, mutedTextColor } from '../list/text-colors';

/** Rows rendered at most; failed items come first, so they are always among them. */
const maxShownResults = 200;

const statusStyles: Record<BulkItemStatus, { label: string; color: MantineColor }> = {
  pending: { label: 'Pending', color: 'gray' },
  running: { label: 'In progress', color: 'blue' },
  succeeded: { label: 'Succeeded', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

const statusOrder: Record<BulkItemStatus, number> = {
  failed: 0,
  running: 1,
  pending: 2,
  succeeded: 3,
};

/** Result of each instance of a bulk run: failed first, then in progress, pending, succeeded. */
export function BulkResultsTable({ results }: { results: readonly BulkItemResult[] }) {
  const sorted = [...results].sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  const shown = sorted.slice(0, maxShownResults);

  return (
    <>
      <ScrollArea.Autosize mah={280} type="auto">
        <Table aria-label="Results" striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Instance</Table.Th>
              <Table.Th w={120}>Result</Table.Th>
              <Table.Th>Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((result) => (
              <Table.Tr key={result.id} data-result={result.status}>
                <Table.Td>
                  <Anchor component={Link} to={paths.instance(result.id)} ff="monospace" size="sm">
                    {shortId(result.id)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    size="sm"
                    color={statusStyles[result.status].color}
                    c={badgeTextColor(statusStyles[result.status].color)}
                  >
                    {statusStyles[result.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    c={result.error ? errorTextColor : mutedTextColor}
                    style={{ wordBreak: 'break-word' }}
                  >
                    {result.error ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {sorted.length > shown.length && (
        <Text size="xs" c={mutedTextColor}>
          Showing {shown.length} of {sorted.length} results.
        </Text>
      )}
    </>
  );
}
