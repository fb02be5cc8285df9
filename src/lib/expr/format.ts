import { MAX_VALUE_NESTING } from './limits';
import { formatDuration, formatTime } from './time';
import { Duration, OperationError, compareStrings, isMap, isNil, type ValueMap } from './values';

/**
 * Positions of integer values inside arrays and maps returned by evaluate().
 * Results reach callers with plain JS numbers, so this side table keeps Go's
 * int/float distinction for formatVarValue (`[1000000]` vs `[1e+06]`).
 */
const integerSlots = new WeakMap<object, Set<string | number>>();

function checkNesting(depth: number): void {
  if (depth > MAX_VALUE_NESTING) {
    throw new OperationError(`value nesting exceeds the limit of ${MAX_VALUE_NESTING}`);
  }
}

/**
 * Converts an internal value for callers: bigints become numbers (ints beyond
 * 2^53 lose precision) and containers holding ints are copied so that no
 * bigint leaks into JSON.stringify. Containers without ints are returned as is.
 */
export function toExternal(value: unknown, depth = 0): unknown {
  checkNesting(depth);
  if (typeof value === 'bigint') return Number(value);
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    const converted = value.map((item) => toExternal(item, depth + 1));
    const ints = new Set<number>();
    value.forEach((item, index) => typeof item === 'bigint' && ints.add(index));
    const changed = converted.some((item, index) => item !== value[index]);
    if (!changed) return value;
    if (ints.size > 0) integerSlots.set(converted, ints);
    return converted;
  }
  if (isMap(value)) {
    const entries = Object.entries(value).map(([key, item]) => {
      return [key, toExternal(item, depth + 1)] as const;
    });
    if (entries.every(([key, item]) => item === value[key])) return value;
    const converted: ValueMap = {};
    const ints = new Set<string>();
    for (const [key, item] of entries) {
      Object.defineProperty(converted, key, { value: item, enumerable: true, writable: true });
      if (typeof value[key] === 'bigint') ints.add(key);
    }
    if (ints.size > 0) integerSlots.set(converted, ints);
    return converted;
  }
  return value;
}

/** Formats a float like Go's `%v` (strconv 'g' with the shortest precision): 1e+06, 0.5, 1e-05. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** Formats a float like Go's encoding/json, which matches JavaScript's own number printing. */
export function formatJsonFloat(value: number): string {
  if (!Number.isFinite(value)) {
    throw new OperationError(`json: unsupported value: ${formatGoFloat(value)}`, true);
  }
  return Object.is(value, -0) ? '-0' : String(value);
}

function formatNumber(value: number, isInt: boolean): string {
  return isInt && Number.isInteger(value) ? value.toFixed(0) : formatGoFloat(value);
}

/** Prints a value like Go's `fmt.Sprint`: `map[a:1 b:2]` with sorted keys, `[1 2 3]`, `<nil>`. */
export function formatGo(value: unknown, depth = 0, isInt = false): string {
  checkNesting(depth);
  if (isNil(value)) return '<nil>';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatNumber(value, isInt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatTime(value);
  if (value instanceof Duration) return formatDuration(value.nanoseconds);
  const ints = typeof value === 'object' ? integerSlots.get(value) : undefined;
  if (Array.isArray(value)) {
    const items = value.map((item, index) => formatGo(item, depth + 1, ints?.has(index) ?? false));
    return `[${items.join(' ')}]`;
  }
  if (isMap(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    const items = keys.map((key) => `${key}:${formatGo(value[key], depth + 1, ints?.has(key))}`);
    return `map[${items.join(' ')}]`;
  }
  return String(value);
}

/**
 * Formats the result of a trigger variable the way Formance does: floats
 * through JSON (`12.5`), everything else through Go's `fmt.Sprint`. Throws an
 * OperationError for NaN and infinities, which Go's JSON encoder rejects.
 */
export function formatVarValue(value: unknown): string {
  if (typeof value === 'number') return formatJsonFloat(value);
  return formatGo(value);
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function quoteJson(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.charCodeAt(0);
    out += JSON_ESCAPES[char] ?? (code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : char);
  }
  return `${out}"`;
}

/**
 * Encodes a value like Go's `json.MarshalIndent(v, "", "  ")`, which toJSON()
 * uses: sorted map keys, HTML characters escaped, `null` for nil.
 */
export function marshalJson(value: unknown, indent = '', depth = 0): string {
  checkNesting(depth);
  const inner = `${indent}  `;
  if (isNil(value)) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatJsonFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quoteJson(value);
  if (value instanceof Date) return quoteJson(value.toISOString());
  if (value instanceof Duration) return value.nanoseconds.toString();
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => inner + marshalJson(item, inner, depth + 1));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (isMap(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    if (keys.length === 0) return '{}';
    const items = keys.map(
      (key) => `${inner}${quoteJson(key)}: ${marshalJson(value[key], inner, depth + 1)}`,
    );
    return `{\n${items.join(',\n')}\n${indent}}`;
  }
  throw new OperationError(`json: unsupported type: ${typeof value}`, true);
}
