import { Skeleton, Table } from '@mantine/core';

type TableSkeletonProps = {
  columns: string[];
  /** @default 6 */
  rows?: number;
};

/** Placeholder rows while a table's first page loads. */
export function TableSkeleton({ columns, rows = 6 }: TableSkeletonProps) {
  return (
    <Table aria-busy="true" aria-label="Loading">
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th key={column}>{column}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {Array.from({ length: rows }, (_, row) => (
          <Table.Tr key={row}>
            {columns.map((column) => (
              <Table.Td key={column}>
                <Skeleton
                  height={12}
                  radius="sm"
                  width={`${50 + ((row * 7 + column.length * 5) % 40)}%`}
                />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
