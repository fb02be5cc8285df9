import type { BuiltinImplementation } from './builtins';
import { fetch } from './interpreter';
import { MAX_VALUE_NESTING } from './limits';
import { floatToInt, wrapInt } from './numbers';
import { compare } from './operators';
import { formatGo } from './format';
import {
  Duration,
  OperationError,
  assertionError,
  compareStrings,
  expectString,
  goKindName,
  goTypeName,
  isMap,
  isNil,
  isNumber,
  setEntry,
  toFloat,
  toIndex,
  valuesEqual,
  type ValueMap,
} from './values';

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?|inf|infinity|nan)$/i;

function expectArray(value: unknown, message: string): unknown[] {
  if (!Array.isArray(value)) throw new OperationError(message, true);
  return value;
}

function expectInt(value: unknown): bigint {
  if (typeof value !== 'bigint') throw assertionError(value, 'int');
  return value;
}

function rounding(name: string, round: (value: number) => number): BuiltinImplementation {
  return ([value]) => {
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number') return round(value);
    throw new OperationError(`invalid argument for ${name} (type ${goTypeName(value)})`);
  };
}

/** Collects the numbers of min/max/mean/median arguments, descending into arrays. */
function numbersOf(name: string, args: unknown[], depth = 0): (bigint | number)[] {
  if (depth > MAX_VALUE_NESTING) throw new OperationError('recursion depth exceeded', true);
  return args.flatMap((arg) => {
    if (isNumber(arg)) return [arg];
    if (Array.isArray(arg)) return numbersOf(name, arg, depth + 1);
    throw new OperationError(`invalid argument for ${name} (type ${goTypeName(arg)})`, true);
  });
}

function extreme(name: string, sign: number): BuiltinImplementation {
  return (args) => {
    const [only] = args;
    if (args.length === 1 && !isNumber(only) && !Array.isArray(only)) return only;
    let best: bigint | number | null = null;
    for (const value of numbersOf(name, args)) {
      if (best === null || sign * compare(value, '<', best) > 0) best = value;
    }
    return best;
  };
}

function flatten(items: unknown[], depth: number): unknown[] {
  if (depth > MAX_VALUE_NESTING) throw new OperationError('recursion depth exceeded', true);
  return items.flatMap((item) => (Array.isArray(item) ? flatten(item, depth + 1) : [item]));
}

function bitwise(operation: (a: bigint, b: bigint) => bigint): BuiltinImplementation {
  return ([left, right]) => wrapInt(operation(expectInt(left), expectInt(right)));
}

function shift(operation: (a: bigint, b: bigint) => bigint): BuiltinImplementation {
  return ([left, right]) => {
    const amount = expectInt(right);
    if (amount < 0n) throw new OperationError('runtime error: negative shift amount', true);
    return wrapInt(operation(expectInt(left), amount > 64n ? 64n : amount));
  };
}

export const COLLECTION_BUILTINS: Record<string, BuiltinImplementation> = {
  len: ([value]) => {
    if (Array.isArray(value)) return BigInt(value.length);
    if (isMap(value)) return BigInt(Object.keys(value).length);
    if (typeof value === 'string') return BigInt([...value].length);
    throw new OperationError(`invalid argument for len (type ${goTypeName(value)})`);
  },
  type: ([value]) => {
    if (isNil(value)) return 'nil';
    if (value instanceof Date || value instanceof Duration) return goTypeName(value);
    const names: Record<string, string> = { bigint: 'int', number: 'float', boolean: 'bool' };
    if (names[typeof value]) return names[typeof value];
    if (typeof value === 'string') return 'string';
    return Array.isArray(value) ? 'array' : 'map';
  },
  abs: ([value]) => {
    if (typeof value === 'bigint') return value < 0n ? wrapInt(-value) : value;
    if (typeof value === 'number') return Math.abs(value);
    throw new OperationError(`invalid argument for abs (type ${goTypeName(value)})`);
  },
  ceil: rounding('ceil', Math.ceil),
  floor: rounding('floor', Math.floor),
  round: rounding('round', (value) => Math.sign(value) * Math.round(Math.abs(value))),
  int: ([value]) => {
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number') return floatToInt(value);
    if (typeof value === 'string') {
      const parsed = INTEGER.test(value) ? BigInt(value) : undefined;
      if (parsed === undefined || wrapInt(parsed) !== parsed) {
        throw new OperationError(`invalid operation: int(${value})`);
      }
      return parsed;
    }
    throw new OperationError(`invalid operation: int(${goTypeName(value)})`);
  },
  float: ([value]) => {
    if (isNumber(value)) return toFloat(value);
    if (typeof value === 'string') {
      if (!FLOAT.test(value)) throw new OperationError(`invalid operation: float(${value})`);
      const lower = value.toLowerCase().replace(/^\+/, '');
      if (lower.endsWith('nan')) return NaN;
      if (lower.endsWith('inf') || lower.endsWith('infinity')) {
        return lower.startsWith('-') ? -Infinity : Infinity;
      }
      return Number(value);
    }
    throw new OperationError(`invalid operation: float(${goTypeName(value)})`);
  },
  string: ([value]) => formatGo(value),
  join: ([items, glue = '']) => {
    const array = expectArray(items, `invalid argument for join (type ${goTypeName(items)})`);
    return array.map(expectString).join(expectString(glue));
  },
  max: extreme('max', 1),
  min: extreme('min', -1),
  mean: (args) => {
    const numbers = numbersOf('mean', args).map(toFloat);
    return numbers.length === 0 ? 0 : numbers.reduce((a, b) => a + b, 0) / numbers.length;
  },
  median: (args) => {
    const numbers = numbersOf('median', args)
      .map(toFloat)
      .sort((a, b) => a - b);
    const middle = Math.floor(numbers.length / 2);
    if (numbers.length === 0) return 0;
    if (numbers.length % 2 === 1) return numbers[middle];
    return ((numbers[middle - 1] as number) + (numbers[middle] as number)) / 2;
  },
  first: ([value]) =>
    Array.isArray(value) || typeof value === 'string' ? tryFetch(value, 0n) : null,
  last: ([value]) =>
    Array.isArray(value) || typeof value === 'string' ? tryFetch(value, -1n) : null,
  get: ([value, key]) => {
    if (isNil(value)) return null;
    if (Array.isArray(value) || typeof value === 'string') return tryFetch(value, toIndex(key));
    return isMap(value) && typeof key === 'string' ? tryFetch(value, key) : null;
  },
  take: ([value, count]) => {
    const array = expectArray(value, `cannot take from ${goKindName(value)}`);
    if (typeof count !== 'bigint')
      throw new OperationError(`cannot take ${goKindName(count)} elements`);
    return array.slice(0, Number(count < 0n ? 0n : count));
  },
  keys: ([value]) => {
    if (!isMap(value)) throw new OperationError(`cannot get keys from ${goKindName(value)}`, true);
    return Object.keys(value).sort(compareStrings);
  },
  values: ([value]) => {
    if (!isMap(value))
      throw new OperationError(`cannot get values from ${goKindName(value)}`, true);
    return Object.keys(value)
      .sort(compareStrings)
      .map((key) => value[key]);
  },
  toPairs: ([value]) => {
    if (!isMap(value))
      throw new OperationError(`cannot transform ${goKindName(value)} to pairs`, true);
    return Object.keys(value)
      .sort(compareStrings)
      .map((key) => [key, value[key]]);
  },
  fromPairs: ([value]) => {
    const pairs = expectArray(value, `cannot transform ${formatGo(value)} from pairs`);
    const map: ValueMap = {};
    for (const pair of pairs) {
      if (!Array.isArray(pair)) throw new OperationError(`invalid pair ${formatGo(pair)}`, true);
      if (pair.length !== 2)
        throw new OperationError(`invalid pair length ${formatGo(pair)}`, true);
      setEntry(map, typeof pair[0] === 'string' ? pair[0] : formatGo(pair[0]), pair[1]);
    }
    return map;
  },
  reverse: ([value]) => [...expectArray(value, `cannot reverse ${goKindName(value)}`)].reverse(),
  uniq: ([value], context, at) => {
    const array = expectArray(value, `cannot uniq ${goKindName(value)}`);
    const unique: unknown[] = [];
    for (const item of array) {
      context.budget.chargeBulk(unique.length + 1, at);
      if (!unique.some((seen) => valuesEqual(seen, item))) unique.push(item);
    }
    return unique;
  },
  concat: (args, context, at) => {
    const arrays = args.map((arg) => expectArray(arg, `cannot concat ${goKindName(arg)}`));
    const result = arrays.flat(1);
    context.budget.chargeBulk(result.length, at);
    return result;
  },
  flatten: ([value], context, at) => {
    const result = flatten(expectArray(value, `cannot flatten ${goKindName(value)}`), 0);
    context.budget.chargeBulk(result.length, at);
    return result;
  },
  sort: ([value, order = 'asc']) => {
    const array = Array.isArray(value) ? [...value] : [];
    if (typeof order !== 'string') {
      throw new OperationError(
        `sort order argument must be a string (got ${goTypeName(order)})`,
        true,
      );
    }
    if (order !== 'asc' && order !== 'desc') {
      throw new OperationError(`invalid order ${order}, expected asc or desc`, true);
    }
    const direction = order === 'desc' ? -1 : 1;
    return array.sort((a, b) => direction * compare(a, '<', b));
  },
  bitand: bitwise((a, b) => a & b),
  bitor: bitwise((a, b) => a | b),
  bitxor: bitwise((a, b) => a ^ b),
  bitnand: bitwise((a, b) => a & ~b),
  bitnot: ([value]) => wrapInt(~expectInt(value)),
  bitshl: shift((a, b) => a << b),
  bitshr: shift((a, b) => a >> b),
  bitushr: shift((a, b) => BigInt.asUintN(64, a) >> b),
};

/** Fetches like expr-lang's first/last/get: failures read as nil. */
function tryFetch(value: unknown, key: unknown): unknown {
  try {
    return fetch(value, key);
  } catch (error) {
    if (error instanceof OperationError) return null;
    throw error;
  }
}
