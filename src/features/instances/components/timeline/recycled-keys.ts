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
