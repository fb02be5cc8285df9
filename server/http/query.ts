/** Query strings as Fastify parses them: a value, or an array when the key repeats. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** Returns the first value of a query parameter, like Go's `url.Values.Get` (absent → undefined). */
export function queryValue(query: unknown, name: string): string | undefined {
  if (query === null || typeof query !== 'object') return undefined;

  const value = (query as RawQuery)[name];

  return Array.isArray(value) ? value[0] : value;
}

/** Query booleans as the real server reads them: `true` or `1`; anything else is false. */
export function queryFlag(query: unknown, name: string): boolean {
  const value = queryValue(query, name);

  return value === 'true' || value === '1';
}
