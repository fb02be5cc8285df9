/**
 * v2 cursor pagination: offset-based, with an opaque cursor that is base64url
 * JSON `{"offset","order","pageSize","filters"}` like the real server's. When a
 * cursor is given, the page size and filters come from it and the other query
 * parameters are ignored.
 */
import { z } from 'zod';

import type { CursorPage } from '@/lib/orchestration/schemas';

import type { PageWindow } from '../storage/json';
import { validationError } from './api-error';
import { queryValue } from './query';

export const defaultPageSize = 15;
export const maxPageSize = 100;

export type PageRequest = {
  offset: number;
  pageSize: number;
  /** Raw filter query parameters, carried from page to page in the cursor. */
  filters: Record<string, string>;
};

const cursorSchema = z.object({
  offset: z.number().int().min(0),
  order: z.number().int().optional(),
  pageSize: z.number().int().min(1).max(maxPageSize),
  filters: z.record(z.string(), z.string()).optional(),
});

export function encodeCursor(request: PageRequest): string {
  const { offset, pageSize, filters } = request;
  const json = JSON.stringify({ offset, order: 0, pageSize, filters });

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

  const { offset, pageSize, filters } = result.data;

  return { offset, pageSize, filters: filters ?? {} };
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

  return { offset: 0, pageSize: parsePageSize(query), filters };
}

/** Rows to read for a page: one more than the page size, to learn whether more exist. */
export function pageWindow(request: PageRequest): PageWindow {
  return { offset: request.offset, limit: request.pageSize + 1 };
}

/** Builds the page from rows read with `pageWindow(request)`. */
export function toCursorPage<T>(rows: T[], request: PageRequest): CursorPage<T> {
  const { offset, pageSize, filters } = request;
  const hasMore = rows.length > pageSize;
  const page: CursorPage<T> = { pageSize, hasMore, data: rows.slice(0, pageSize) };

  if (offset > 0) {
    page.previous = encodeCursor({ offset: Math.max(0, offset - pageSize), pageSize, filters });
  }
  if (hasMore) page.next = encodeCursor({ offset: offset + pageSize, pageSize, filters });

  return page;
}
