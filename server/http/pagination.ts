/**
 * v2 cursor pagination with an opaque cursor: base64url JSON
 * `{"after"|"before","order","pageSize","filters"}`, where `after` / `before`
 * is the id of the last / first row of the page the cursor came from. Pages are
 * read by keyset (the row's insertion order), so a deep page costs as much as
 * the first one. When a cursor is given, the page size and filters come from
 * it and the other query parameters are ignored.
 */
import { z } from 'zod';

import type { CursorPage } from '@/lib/orchestration/schemas';

import type { PageWindow } from '../storage/json';
import { validationError } from './api-error';
import { queryValue } from './query';

export const defaultPageSize = 15;
export const maxPageSize = 100;

export type PageRequest = {
  pageSize: number;
  /** Raw filter query parameters, carried from page to page in the cursor. */
  filters: Record<string, string>;
  /** Id of the row that the page starts after (a `next` cursor). */
  after?: string;
  /** Id of the row that the page ends before (a `previous` cursor). */
  before?: string;
};

const rowID = z.string().min(1).max(200);

// Strict: a cursor with unknown keys, such as the `offset` of older cursors, is invalid.
const cursorSchema = z
  .strictObject({
    after: rowID.optional(),
    before: rowID.optional(),
    order: z.number().int().optional(),
    pageSize: z.number().int().min(1).max(maxPageSize),
    filters: z.record(z.string(), z.string()).optional(),
  })
  .refine((cursor) => (cursor.after === undefined) !== (cursor.before === undefined));

export function encodeCursor(request: PageRequest): string {
  const { after, before, pageSize, filters } = request;
  const json = JSON.stringify({ after, before, order: 0, pageSize, filters });

  return Buffer.from(json, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): PageRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw validationError("invalid 'cursor' query param");
  }

  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw validationError("invalid 'cursor' query param");

  const { after, before, pageSize, filters } = result.data;

  return { after, before, pageSize, filters: filters ?? {} };
}

/** Parses `pageSize`: absent or 0 → 15, above 100 → 100, not a non-negative integer → 400. */
export function parsePageSize(query: unknown): number {
  const text = queryValue(query, 'pageSize');
  if (text === undefined || text === '') return defaultPageSize;
  if (!/^\d+$/.test(text)) throw validationError("invalid 'pageSize' query param");

  const pageSize = Number(text);
  if (pageSize === 0) return defaultPageSize;

  return Math.min(pageSize, maxPageSize);
}

/** Reads `cursor`, or else `pageSize` and the named filter parameters. */
export function parsePageRequest(query: unknown, filterNames: readonly string[] = []): PageRequest {
  const cursor = queryValue(query, 'cursor');
  if (cursor !== undefined && cursor !== '') return decodeCursor(cursor);

  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = queryValue(query, name);
    if (value !== undefined) filters[name] = value;
  }

  return { pageSize: parsePageSize(query), filters };
}

/**
 * Rows to read for a page: one more than the page size, to learn whether more
 * exist beyond the page (after it, or before it for a `previous` cursor).
 */
export function pageWindow(request: PageRequest): PageWindow {
  const { after, before, pageSize } = request;

  return { limit: pageSize + 1, after, before };
}

function idOf(row: { id?: string }): string {
  if (row.id === undefined) throw new Error('cannot build a cursor: a listed row has no id');

  return row.id;
}

/** Builds the page, with its `next` and `previous` cursors, from rows read with `pageWindow(request)`. */
export function toCursorPage<T extends { id?: string }>(
  rows: T[],
  request: PageRequest,
): CursorPage<T> {
  const { pageSize, filters } = request;
  const extra = rows.length > pageSize;
  // A `previous` page was read backwards, so its extra row is the first one.
  const data = request.before !== undefined && extra ? rows.slice(1) : rows.slice(0, pageSize);
  const first = data[0];
  const last = data[data.length - 1];
  // Rows exist after a `previous` page: the page its cursor came from.
  const hasMore = request.before !== undefined ? data.length > 0 : extra;
  const hasPrevious = request.before !== undefined ? extra : request.after !== undefined;
  const page: CursorPage<T> = { pageSize, hasMore, data };

  if (hasPrevious && first !== undefined) {
    page.previous = encodeCursor({ before: idOf(first), pageSize, filters });
  }
  if (hasMore && last !== undefined) {
    page.next = encodeCursor({ after: idOf(last), pageSize, filters });
  }

  return page;
}
