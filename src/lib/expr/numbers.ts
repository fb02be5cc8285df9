import { goQuote } from './lexer';

export const MAX_INT64 = (1n << 63n) - 1n;
export const MIN_INT64 = -(1n << 63n);

/** Wraps a result to a signed 64-bit integer, as Go's `int` arithmetic does. */
export function wrapInt(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** Converts a float to int like Go's `int(f)`; out-of-range values saturate (Go leaves them unspecified). */
export function floatToInt(value: number): bigint {
  if (Number.isNaN(value)) return MIN_INT64;
  if (value >= 2 ** 63) return MAX_INT64;
  if (value <= -(2 ** 63)) return MIN_INT64;
  return BigInt(Math.trunc(value));
}

/**
 * Parses a number literal the way expr-lang does: underscores are dropped,
 * `0x`/`0o`/`0b` prefixes give integers, a `.` or an exponent gives a float.
 * Returns the error message when the literal is invalid.
 */
export function parseNumber(raw: string): bigint | number | string {
  const value = raw.replaceAll('_', '');
  const lower = value.toLowerCase();
  const prefixes: [string, string][] = [
    ['0x', 'hex'],
    ['0b', 'binary'],
    ['0o', 'octal'],
  ];
  for (const [prefix, name] of prefixes) {
    if (lower.startsWith(prefix) && (prefix === '0x' || !/[.e]/.test(lower))) {
      return parseInteger(value, `invalid ${name} literal`);
    }
  }
  if (/[.e]/.test(lower)) {
    const parsed = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(lower) ? Number(value) : NaN;
    if (Number.isNaN(parsed)) {
      return `invalid float literal: strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax`;
    }
    if (!Number.isFinite(parsed)) {
      return `invalid float literal: strconv.ParseFloat: parsing ${goQuote(value)}: value out of range`;
    }
    return parsed;
  }
  return parseInteger(value, 'invalid integer literal');
}

function parseInteger(value: string, label: string): bigint | string {
  let parsed: bigint;
  try {
    parsed = BigInt(value.toLowerCase());
  } catch {
    return `${label}: strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`;
  }
  if (parsed > MAX_INT64) {
    return `${label}: strconv.ParseInt: parsing ${goQuote(value)}: value out of range`;
  }
  return parsed;
}
