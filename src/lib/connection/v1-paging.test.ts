import { describe, expect, it } from 'vitest';

import { pageRows } from './v1-paging';

const rows = Array.from({ length: 35 }, (_, index) => index);

describe('pageRows', () => {
  it('returns the first page without a cursor', () => {
    const page = pageRows(rows, { pageSize: 15 });

    expect(page.data).toEqual(rows.slice(0, 15));
    expect(page.hasMore).toBe(true);
    expect(page.next).toBe('15');
    expect(page.previous).toBeUndefined();
  });

  it('follows next and previous cursors', () => {
    const last = pageRows(rows, { pageSize: 15, cursor: '30' });

    expect(last.data).toEqual([30, 31, 32, 33, 34]);
    expect(last.hasMore).toBe(false);
    expect(last.next).toBeUndefined();
    expect(last.previous).toBe('15');
  });

  it('starts over on an invalid cursor', () => {
    expect(pageRows(rows, { pageSize: 10, cursor: 'abc' }).data[0]).toBe(0);
    expect(pageRows(rows, { pageSize: 10, cursor: '-5' }).data[0]).toBe(0);
  });

  it('returns an empty page past the end', () => {
    const page = pageRows(rows, { pageSize: 10, cursor: '100' });

    expect(page.data).toEqual([]);
    expect(page.hasMore).toBe(false);
  });
});
