/** JSON columns: values are stored as JSON text and parsed back on read. */
export function toJson(value: unknown): string {
  // JSON.stringify returns undefined for undefined (and functions); store those as null.
  return JSON.stringify(value) ?? 'null';
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Converts SQL NULL to `undefined` so that API objects omit the key instead of writing `null`. */
export function optional<T>(value: T | null): T | undefined {
  return value ?? undefined;
}

/**
 * A page request in storage terms, in `seq` (insertion) order: at most `limit`
 * rows, either from the first row (skipping `offset` rows, 0 by default), or
 * right after or right before the row with id `after` / `before` (keyset
 * pagination, so a deep page costs as much as the first one).
 */
export type PageWindow = { limit: number; offset?: number; after?: string; before?: string };
