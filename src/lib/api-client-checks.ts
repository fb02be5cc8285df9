/**
 * Small zod-free checks of the response bodies that the first page reads: the
 * connection check and the workflow list. Zod adds about 25 KB gzip to the
 * first page, so these bodies are checked by hand. The zod schemas they mirror
 * stay the reference, and unit tests compare both on the same bodies.
 *
 * A check returns the parsed value or throws `CheckError`; `responseSchema`
 * turns a check into the `safeParse` form that `apiRequest` expects.
 */
import type { ResponseIssue, ResponseSchema } from '@/lib/api-client';
import type { CursorPage } from '@/lib/orchestration/schemas';

export type Check<T> = (value: unknown, path: ReadonlyArray<PropertyKey>) => T;

class CheckError extends Error {
  constructor(readonly issue: ResponseIssue) {
    super(issue.message);
  }
}

function fail(path: ReadonlyArray<PropertyKey>, message: string): never {
  throw new CheckError({ path, message });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Wraps a check in the `safeParse` form of a zod schema; it reports the first issue found. */
export function responseSchema<T>(check: Check<T>): ResponseSchema<T> {
  return {
    safeParse(value) {
      try {
        return { success: true, data: check(value, []) };
      } catch (error) {
        if (error instanceof CheckError)
          return { success: false, error: { issues: [error.issue] } };
        throw error;
      }
    },
  };
}

export const string: Check<string> = (value, path) =>
  typeof value === 'string' ? value : fail(path, 'expected a string');

/** A string of at least one character, like `z.string().min(1)`. */
export const nonEmptyString: Check<string> = (value, path) =>
  string(value, path) !== '' ? (value as string) : fail(path, 'expected a non-empty string');

export const boolean: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, 'expected a boolean');

export const integer: Check<number> = (value, path) =>
  Number.isSafeInteger(value) ? (value as number) : fail(path, 'expected an integer');

export function oneOf<const T extends string>(values: ReadonlyArray<T>): Check<T> {
  return (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path, `expected one of ${values.join(', ')}`);
}

/** Accepts an absent value as `undefined`, like zod's `.optional()`, and rejects `null`. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined ? undefined : check(value, path));
}

/** Turns an absent or `null` value into `undefined`, because the real server writes `null` for absent parts. */
export function nullish<T>(check: Check<T>): Check<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : check(value, path));
}

export function array<T>(check: Check<T>): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'expected an array');

    return value.map((item, index) => check(item, [...path, index]));
  };
}

/** An object with any keys, such as a stage: `{ send: {...} }`. */
export const record: Check<Record<string, unknown>> = (value, path) =>
  isPlainObject(value) ? { ...value } : fail(path, 'expected an object');

type Shape = Record<string, Check<unknown>>;
type ShapeOutput<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>;
} & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: Exclude<
    ReturnType<S[K]>,
    undefined
  >;
};

/** Checks the keys of `shape` in an object. It drops other keys and leaves out `undefined` values. */
export function object<S extends Shape>(shape: S): Check<ShapeOutput<S>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'expected an object');

    const output: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const parsed = check(value[key], [...path, key]);
      if (parsed !== undefined) output[key] = parsed;
    }

    return output as ShapeOutput<S>;
  };
}

/** Checks an array that the real server may send as `null`, and turns `null` into `[]`. */
export function arrayOrEmpty<T>(check: Check<T>): Check<T[]> {
  const items = array(check);

  return (value, path) => (value === undefined || value === null ? [] : items(value, path));
}

/** Checks the v2 list envelope, like `cursorSchema`: `{cursor: {pageSize, hasMore, previous?, next?, data}}`. */
export function cursorPage<T>(item: Check<T>): Check<{ cursor: CursorPage<T> }> {
  return object({
    cursor: object({
      pageSize: integer,
      hasMore: boolean,
      previous: nullish(string),
      next: nullish(string),
      data: arrayOrEmpty(item),
    }),
  });
}

/** Checks the v1 list and single-object envelope, like `dataSchema`: `{data: T}`. */
export function dataEnvelope<T>(item: Check<T>): Check<{ data: T }> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, 'expected an object');

    return { data: item(value.data, [...path, 'data']) };
  };
}
