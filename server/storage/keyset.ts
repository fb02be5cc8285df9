import type { Statement } from 'better-sqlite3';

import type { SqliteDatabase } from './database';
import type { PageWindow } from './json';

/** Direction of a list query: every row, or one page from the start, after a row or before a row. */
export type PageDirection = 'all' | 'first' | 'after' | 'before';

export function pageDirection(window: PageWindow | undefined): PageDirection {
  if (window === undefined) return 'all';
  if (window.after !== undefined) return 'after';
  if (window.before !== undefined) return 'before';

  return 'first';
}

/**
 * Returns the SQL that ends a list query over `table` (aliased `alias`) for a
 * direction: an extra WHERE condition (starting with AND, or empty) and the
 * ORDER BY / LIMIT clause. A `before` page is read backwards, so callers put its
 * rows back in order with `inPageOrder`. The cursor row is found by its unique
 * id, and a cursor id that matches no row gives an empty page.
 */
export function pageClauses(
  table: string,
  alias: string,
  direction: PageDirection,
): { condition: string; orderAndLimit: string } {
  const cursorSeq = `(SELECT seq FROM ${table} WHERE id = @cursorID)`;
  switch (direction) {
    case 'all':
      return { condition: '', orderAndLimit: `ORDER BY ${alias}.seq` };
    case 'first':
      return { condition: '', orderAndLimit: `ORDER BY ${alias}.seq LIMIT @limit OFFSET @offset` };
    case 'after':
      return {
        condition: `AND ${alias}.seq > ${cursorSeq}`,
        orderAndLimit: `ORDER BY ${alias}.seq LIMIT @limit`,
      };
    case 'before':
      return {
        condition: `AND ${alias}.seq < ${cursorSeq}`,
        orderAndLimit: `ORDER BY ${alias}.seq DESC LIMIT @limit`,
      };
  }
}

/** Returns the named parameters that `pageClauses` uses for this window. */
export function pageParameters(window: PageWindow | undefined): Record<string, string | number> {
  switch (pageDirection(window)) {
    case 'all':
      return {};
    case 'first':
      return { limit: window?.limit ?? -1, offset: window?.offset ?? 0 };
    case 'after':
      return { limit: window?.limit ?? -1, cursorID: window?.after ?? '' };
    case 'before':
      return { limit: window?.limit ?? -1, cursorID: window?.before ?? '' };
  }
}

/** Puts the rows of a `before` page (read backwards) back in `seq` order. */
export function inPageOrder<T>(rows: T[], window: PageWindow | undefined): T[] {
  return pageDirection(window) === 'before' ? rows.reverse() : rows;
}

/** Named parameters of a list query: filters and the page window's. */
export type ListParameters = Record<string, string | number>;

/**
 * Prepares list statements on first use, one per key: their text depends on
 * the filters present and the page direction, so that SQLite can pick the
 * index that matches each combination.
 */
export class ListStatements<Row> {
  private readonly statements = new Map<string, Statement<[ListParameters], Row>>();

  constructor(private readonly db: SqliteDatabase) {}

  get(key: string, buildSql: () => string): Statement<[ListParameters], Row> {
    let statement = this.statements.get(key);
    if (statement === undefined) {
      statement = this.db.prepare<[ListParameters], Row>(buildSql());
      this.statements.set(key, statement);
    }

    return statement;
  }
}
