import { describe, expect, it } from 'vitest';

import { inKeyOrder, RecycledKeys } from './recycled-keys';

describe('RecycledKeys', () => {
  it('numbers the first window from zero', () => {
    const keys = new RecycledKeys().assign([4, 5, 6]);

    expect([...keys]).toEqual([
      [4, 0],
      [5, 1],
      [6, 2],
    ]);
  });

  it('keeps the keys of indexes that stay visible', () => {
    const recycled = new RecycledKeys();
    recycled.assign([4, 5, 6]);
    const keys = recycled.assign([5, 6, 7]);

    expect(keys.get(5)).toBe(1);
    expect(keys.get(6)).toBe(2);
  });

  it('gives a new index the key of one that left', () => {
    const recycled = new RecycledKeys();
    recycled.assign([4, 5, 6]);
    const keys = recycled.assign([5, 6, 7]);

    expect(keys.get(7)).toBe(0);
  });

  it('assigns unique keys when the window grows', () => {
    const recycled = new RecycledKeys();
    recycled.assign([10, 11]);
    const keys = recycled.assign([8, 9, 10, 11, 12]);

    expect(new Set(keys.values()).size).toBe(5);
    expect(keys.get(10)).toBe(0);
    expect(keys.get(11)).toBe(1);
  });

  it('assigns unique keys after a jump', () => {
    const recycled = new RecycledKeys();
    recycled.assign([0, 1, 2]);
    const keys = recycled.assign([500, 501, 502, 503]);

    expect([...keys.values()].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('inKeyOrder', () => {
  it('keeps the DOM order of rows that stay in the window', () => {
    const recycled = new RecycledKeys();
    recycled.assign([4, 5, 6]);
    const items = [5, 6, 7].map((index) => ({ index }));
    const keys = recycled.assign(items.map((item) => item.index));

    // 7 took the key of 4 (0), so it comes first, where 4's node was.
    expect(inKeyOrder(items, keys).map((item) => item.index)).toEqual([7, 5, 6]);
  });
});
