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

/** A page request in storage terms: rows to skip and rows to return. */
export type PageWindow = { offset: number; limit: number };
