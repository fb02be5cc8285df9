import { describe, expect, it } from 'vitest';

import { ApiError } from './api-error';
import { encodeCursor, pageWindow, parsePageRequest, toCursorPage } from './pagination';

describe('parsePageRequest', () => {
  it('reads pageSize and the named filters without a cursor', () => {
    const request = parsePageRequest({ pageSize: '5', workflowID: 'w', other: 'x' }, [
      'workflowID',
      'running',
    ]);

    expect(request).toEqual({ offset: 0, pageSize: 5, filters: { workflowID: 'w' } });
  });

  it('takes everything from the cursor when one is given', () => {
    const cursor = encodeCursor({ offset: 10, pageSize: 5, filters: { running: 'true' } });
    const request = parsePageRequest({ cursor, pageSize: '50', running: 'false' }, ['running']);

    expect(request).toEqual({ offset: 10, pageSize: 5, filters: { running: 'true' } });
  });

  it('encodes cursors as unpadded base64url JSON', () => {
    const cursor = encodeCursor({ offset: 15, pageSize: 15, filters: {} });

    expect(cursor).not.toMatch(/[=+/]/);
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual({
      offset: 15,
      order: 0,
      pageSize: 15,
      filters: {},
    });
  });

  it('rejects a cursor with a page size above the maximum', () => {
    const cursor = Buffer.from(JSON.stringify({ offset: 0, pageSize: 500 })).toString('base64url');

    expect(() => parsePageRequest({ cursor })).toThrow(ApiError);
  });
});

describe('toCursorPage', () => {
  it('uses the extra row to set hasMore and next, and offset for previous', () => {
    const request = { offset: 2, pageSize: 2, filters: {} };
    const page = toCursorPage(['c', 'd', 'e'], request);

    expect(pageWindow(request)).toEqual({ offset: 2, limit: 3 });
    expect(page.data).toEqual(['c', 'd']);
    expect(page.hasMore).toBe(true);
    expect(parsePageRequest({ cursor: page.next }).offset).toBe(4);
    expect(parsePageRequest({ cursor: page.previous }).offset).toBe(0);
  });

  it('omits next and previous on a single first page', () => {
    const page = toCursorPage(['a'], { offset: 0, pageSize: 15, filters: {} });

    expect(page).toEqual({ pageSize: 15, hasMore: false, data: ['a'] });
  });
});
