/**
 * Scalar field types of stage configs: how a JSON value, or a string after
 * `${var}` interpolation, is parsed into a number, boolean, date or duration.
 */
import { formatGoDuration, parseGoDuration } from './duration';

/** A scalar field type: how a JSON value (or a string after interpolation) is parsed. */
export type Scalar<T> = { expected: string; parse: (value: unknown) => T | undefined };

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${value}"`;

  return String(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const text: Scalar<string> = {
  expected: 'a string',
  parse: (value) => (typeof value === 'string' ? value : undefined),
};

export const integer: Scalar<number> = {
  expected: 'an integer',
  parse: (value) => {
    let number = NaN;
    if (typeof value === 'number') number = value;
    if (typeof value === 'string' && /^[+-]?\d+$/.test(value)) number = Number(value);

    return Number.isSafeInteger(number) ? number : undefined;
  },
};

// Go's strconv.ParseBool spellings.
const trueWords = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const falseWords = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export const boolean: Scalar<boolean> = {
  expected: 'true or false',
  parse: (value) => {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && trueWords.has(value)) return true;
    if (typeof value === 'string' && falseWords.has(value)) return false;

    return undefined;
  },
};

const rfc3339Pattern = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const dateTime: Scalar<string> = {
  expected: 'an RFC 3339 date-time such as 2025-06-01T08:00:00Z',
  parse: (value) =>
    typeof value === 'string' && rfc3339Pattern.test(value) && !Number.isNaN(Date.parse(value))
      ? value
      : undefined,
};

export const duration: Scalar<string> = {
  expected: 'a duration such as 45s, 1h30m or 250ms',
  parse: (value) => {
    const nanoseconds = typeof value === 'string' ? parseGoDuration(value) : undefined;

    return nanoseconds === undefined ? undefined : formatGoDuration(nanoseconds);
  },
};

export const stringMap: Scalar<Record<string, string>> = {
  expected: 'an object with string values',
  parse: (value) => {
    if (!isPlainObject(value)) return undefined;
    if (!Object.values(value).every((item) => typeof item === 'string')) return undefined;

    return { ...value } as Record<string, string>;
  },
};

export const paymentType: Scalar<'TRANSFER' | 'PAYOUT'> = {
  expected: 'TRANSFER or PAYOUT',
  parse: (value) => (value === 'TRANSFER' || value === 'PAYOUT' ? value : undefined),
};
