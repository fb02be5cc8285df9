/**
 * Keys for the rows of a virtualized list that reuse the keys of rows that left the window.
 * With them, React updates the DOM of a row that scrolled out to show a row that scrolled in,
 * instead of removing one subtree and creating another on every scrolled frame.
 */
export class RecycledKeys {
  private slots = new Map<number, number>();

  /** Returns a key per index: an index that stays in the window keeps its key. */
  assign(indexes: readonly number[]): ReadonlyMap<number, number> {
    const next = new Map<number, number>();
    const used = new Set<number>();

    for (const index of indexes) {
      const slot = this.slots.get(index);
      if (slot === undefined) continue;

      next.set(index, slot);
      used.add(slot);
    }

    let free = 0;
    for (const index of indexes) {
      if (next.has(index)) continue;

      while (used.has(free)) free += 1;
      next.set(index, free);
      used.add(free);
    }
    this.slots = next;

    return next;
  }
}

/**
 * Orders the rows of a window by their recycled key, so that a row keeps its place in the DOM
 * while it moves on screen (rows are placed with a transform). Moving a node in the DOM costs
 * about as much style, layout and paint work as creating it. Screen readers get each row's
 * position from `aria-rowindex` or `aria-posinset`, not from this order.
 */
export function inKeyOrder<T extends { index: number }>(
  items: readonly T[],
  keys: ReadonlyMap<number, number>,
): T[] {
  return [...items].sort((a, b) => (keys.get(a.index) ?? 0) - (keys.get(b.index) ?? 0));
}
