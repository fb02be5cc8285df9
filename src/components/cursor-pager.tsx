import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type CursorPagerProps = {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSizeChange: (size: number) => void;
  /** Text on the left, e.g. "20 workflows on this page". */
  summary?: ReactNode;
  /** Disables the buttons while a page loads. */
  loading?: boolean;
};

/** Previous / Next navigation for the API's cursor pages, with a page size select. */
export function CursorPager({
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  pageSize,
  pageSizes,
  onPageSizeChange,
  summary,
  loading,
}: CursorPagerProps) {
  return (
    <Group justify="space-between" mt="sm" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {summary}
      </Text>
      <Group gap="xs" component="nav" aria-label="Pagination">
        <NativeSelect
          size="xs"
          aria-label="Rows per page"
          value={String(pageSize)}
          data={pageSizes.map((size) => ({ value: String(size), label: `${size} / page` }))}
          onChange={(event) => onPageSizeChange(Number(event.currentTarget.value))}
        />
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChevronLeft size={14} />}
          disabled={!hasPrevious || loading}
          onClick={onPrevious}
        >
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronRight size={14} />}
          disabled={!hasNext || loading}
          onClick={onNext}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
