import { describe, expect, it } from 'vitest';

import { ApiError } from './api-error';
import { encodeCursor, pageWindow, parsePageRequest, toCursorPage } from './pagination';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));

function decode(cursor: string | undefined): unknown {
  return JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString());
}

describe('parsePageRequest', () => {
  it('reads pageSize and the named filters without a cursor', () => {
    const request = parsePageRequest({ pageSize: '5', workflowID: 'w', other: 'x' }, [
      'workflowID',
      'running',
    ]);

    expect(request).toEqual({ pageSize: 5, filters: { workflowID: 'w' } });
  });

  it('takes everything from the cursor when one is given', () => {
    const cursor = encodeCursor({ after: 'i-10', pageSize: 5, filters: { running: 'true' } });
    const request = parsePageRequest({ cursor, pageSize: '50', running: 'false' }, ['running']);

    expect(request).toEqual({ after: 'i-10', pageSize: 5, filters: { running: 'true' } });
  });

  it('encodes cursors as unpadded base64url JSON', () => {
    const cursor = encodeCursor({ after: 'i-15', pageSize: 15, filters: {} });

    expect(cursor).not.toMatch(/[=+/]/);
    expect(decode(cursor)).toEqual({ after: 'i-15', order: 0, pageSize: 15, filters: {} });
  });

  it.each([
    ['a page size above the maximum', { after: 'a', pageSize: 500 }],
    ['an offset, as older cursors had', { offset: 15, pageSize: 15 }],
    ['neither after nor before', { pageSize: 15 }],
    ['both after and before', { after: 'a', before: 'b', pageSize: 15 }],
    ['an empty row id', { after: '', pageSize: 15 }],
    ['a row id that is not a string', { after: 7, pageSize: 15 }],
  ])('rejects a cursor with %s', (_case, body) => {
    const cursor = Buffer.from(JSON.stringify(body)).toString('base64url');

    expect(() => parsePageRequest({ cursor })).toThrow(ApiError);
  });
});

describe('toCursorPage', () => {
  it('reads one extra row after the cursor row', () => {
    expect(pageWindow({ after: 'b', pageSize: 2, filters: {} })).toEqual({
      limit: 3,
      after: 'b',
      before: undefined,
    });
  });

  it('builds next and previous from edge rows', () => {
    const request = { after: 'b', pageSize: 2, filters: { running: 'true' } };
    const page = toCursorPage(rows('c', 'd', 'e'), request);

    expect(page.data).toEqual(rows('c', 'd'));
    expect(page.hasMore).toBe(true);
    expect(parsePageRequest({ cursor: page.next })).toEqual({
      after: 'd',
      pageSize: 2,
      filters: { running: 'true' },
    });
    expect(parsePageRequest({ cursor: page.previous })).toEqual({
      before: 'c',
      pageSize: 2,
      filters: { running: 'true' },
    });
  });

  it('omits next and previous on a single first page', () => {
    const page = toCursorPage(rows('a'), { pageSize: 15, filters: {} });

    expect(page).toEqual({ pageSize: 15, hasMore: false, data: rows('a') });
  });

  it('omits next on the last page reached by a next cursor', () => {
    const page = toCursorPage(rows('e'), { after: 'd', pageSize: 2, filters: {} });

    expect(page.hasMore).toBe(false);
    expect(page.next).toBeUndefined();
    expect(decode(page.previous)).toMatchObject({ before: 'e' });
  });

  it('drops the extra row at the start of a previous page', () => {
    // Rows before 'e', in order, with one extra row ('b') that shows a page exists before.
    const page = toCursorPage(rows('b', 'c', 'd'), { before: 'e', pageSize: 2, filters: {} });

    expect(page.data).toEqual(rows('c', 'd'));
    expect(page.hasMore).toBe(true);
    expect(decode(page.next)).toMatchObject({ after: 'd' });
    expect(decode(page.previous)).toMatchObject({ before: 'c' });
  });

  it('omits previous on the first page reached by a previous cursor', () => {
    const page = toCursorPage(rows('a', 'b'), { before: 'c', pageSize: 2, filters: {} });

    expect(page.data).toEqual(rows('a', 'b'));
    expect(page.previous).toBeUndefined();
    expect(decode(page.next)).toMatchObject({ after: 'b' });
  });
});
