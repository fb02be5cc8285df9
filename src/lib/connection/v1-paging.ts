import type { CursorPage } from '@/lib/orchestration/schemas';

/** Page size of the v2 API when none is given, used for v1 lists paged in the console too. */
export const defaultPageSize = 15;

/**
 * Cuts one page out of a complete v1 list, in the shape of a v2 cursor page.
 * v1 lists return every row and have no cursor, so the cursor here is the row
 * offset as a decimal string. An invalid cursor starts at the first row.
 */
export function pageRows<T>(
  rows: readonly T[],
  { pageSize = defaultPageSize, cursor }: { pageSize?: number; cursor?: string },
): CursorPage<T> {
  const size = pageSize > 0 ? pageSize : defaultPageSize;
  const parsed = cursor === undefined ? 0 : Number.parseInt(cursor, 10);
  const offset = Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
  const hasMore = offset + size < rows.length;

  return {
    pageSize: size,
    hasMore,
    data: rows.slice(offset, offset + size),
    ...(hasMore ? { next: String(offset + size) } : {}),
    ...(offset > 0 ? { previous: String(Math.max(0, offset - size)) } : {}),
  };
}
