import { MAX_VALUE_NESTING } from './limits';

/**
 * Runtime values. Integers (Go `int`) are bigints, floats (Go `float64`) are
 * numbers, so `1` and `1.0` keep expr-lang's distinct types. Maps are plain
 * objects with string keys, nil is null (undefined in the environment reads
 * as nil too), times are Dates.
 */
export type ValueMap = { [key: string]: unknown };

/** A Go `time.Duration`, in nanoseconds. */
export class Duration {
  constructor(readonly nanoseconds: bigint) {}

  /** Serializes as Go's encoding/json does: the count of nanoseconds. */
  toJSON(): number {
    return Number(this.nanoseconds);
  }
}

/**
 * Signals a failed operation; the interpreter adds the node's position.
 * `wrapped` marks errors that expr-lang wraps (see ExprError.wrapped).
 */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly wrapped = false,
  ) {
    super(message);
  }
}

export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function isNumber(value: unknown): value is bigint | number {
  return typeof value === 'bigint' || typeof value === 'number';
}

export function isMap(value: unknown): value is ValueMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Duration)
  );
}

/** Returns the Go type name expr-lang prints in messages (`%T`). */
export function goTypeName(value: unknown): string {
  if (isNil(value)) return '<nil>';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof Date) return 'time.Time';
  if (value instanceof Duration) return 'time.Duration';
  if (typeof value === 'function') return 'func';
  return 'map[string]interface {}';
}

/** Returns the Go reflect kind name, used by a few messages expr-lang takes from reflect. */
export function goKindName(value: unknown): string {
  if (Array.isArray(value)) return 'slice';
  if (isMap(value)) return 'map';
  if (value instanceof Date) return 'struct';
  if (value instanceof Duration) return 'int64';
  return goTypeName(value);
}

/** Builds the message of a failed Go type assertion, e.g. `… is float64, not string`. */
export function assertionError(value: unknown, expected: string): OperationError {
  const actual = isNil(value) ? 'nil' : goTypeName(value);
  return new OperationError(
    `interface conversion: interface {} is ${actual}, not ${expected}`,
    true,
  );
}

export function expectString(value: unknown): string {
  if (typeof value !== 'string') throw assertionError(value, 'string');
  return value;
}

export function expectBool(value: unknown): boolean {
  if (typeof value !== 'boolean') throw assertionError(value, 'bool');
  return value;
}

/** Reads a map entry; a missing key reads as nil, and inherited properties are ignored. */
export function getEntry(map: ValueMap, key: string): unknown {
  return Object.hasOwn(map, key) ? (map[key] ?? null) : null;
}

/** Writes a map entry without ever touching the prototype (`__proto__` is an ordinary key). */
export function setEntry(map: ValueMap, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

export function toFloat(value: bigint | number): number {
  return typeof value === 'bigint' ? Number(value) : value;
}

function order<T extends bigint | number>(a: T, b: T): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Compares numbers of either kind; ints are compared exactly when both are ints. */
export function compareNumbers(left: bigint | number, right: bigint | number): number {
  if (typeof left === 'bigint' && typeof right === 'bigint') return order(left, right);
  const a = toFloat(left);
  const b = toFloat(right);
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return order(a, b);
}

/** Compares strings by code point, which is Go's byte order on UTF-8. */
export function compareStrings(left: string, right: string): number {
  const a = left[Symbol.iterator]();
  const b = right[Symbol.iterator]();
  for (;;) {
    const x = a.next();
    const y = b.next();
    if (x.done && y.done) return 0;
    if (x.done) return -1;
    if (y.done) return 1;
    const difference = order(x.value.codePointAt(0) ?? 0, y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}

function checkNesting(depth: number): void {
  if (depth > MAX_VALUE_NESTING) {
    throw new OperationError(`value nesting exceeds the limit of ${MAX_VALUE_NESTING}`);
  }
}

/** expr-lang's `==`: numbers compare by value across int and float, arrays element by element. */
export function valuesEqual(left: unknown, right: unknown, depth = 0): boolean {
  checkNesting(depth);
  if (isNumber(left) && isNumber(right)) return compareNumbers(left, right) === 0;
  if (isNil(left) || isNil(right)) return isNil(left) && isNil(right);
  if (left instanceof Date && right instanceof Date) return left.getTime() === right.getTime();
  if (Array.isArray(left) && Array.isArray(right)) {
    return (
      left.length === right.length &&
      left.every((item, index) => valuesEqual(item, right[index], depth + 1))
    );
  }
  return deepEqual(left, right, depth);
}

/** Go's reflect.DeepEqual: same types all the way down, so an int never equals a float. */
export function deepEqual(left: unknown, right: unknown, depth = 0): boolean {
  checkNesting(depth);
  if (isNil(left) || isNil(right)) return isNil(left) && isNil(right);
  if (typeof left !== typeof right) return false;
  if (typeof left !== 'object') return left === right;
  if (left instanceof Duration || right instanceof Duration) {
    return (
      left instanceof Duration &&
      right instanceof Duration &&
      left.nanoseconds === right.nanoseconds
    );
  }
  if (left instanceof Date || right instanceof Date) {
    return left instanceof Date && right instanceof Date && left.getTime() === right.getTime();
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) {
      return false;
    }
    return left.every((item, index) => deepEqual(item, right[index], depth + 1));
  }
  const a = left as ValueMap;
  const b = right as ValueMap;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key], depth + 1));
}

/** Go's `int(x)` conversion used for indexes and ranges (floats truncate). */
export function toIndex(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(Math.trunc(Number.isFinite(value) ? value : 0));
  throw new OperationError(`invalid operation: int(${goTypeName(value)})`);
}

/** UTF-8 bytes of a string, for the few operations Go defines on bytes. */
export function utf8Bytes(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

export function utf8Length(value: string): number {
  let length = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code < 0x10000) length += 3;
    else length += 4;
  }
  return length;
}
