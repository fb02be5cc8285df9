import { wrapInt } from './numbers';
import { addDuration, subtractTimes } from './time';
import {
  Duration,
  OperationError,
  compareNumbers,
  compareStrings,
  goTypeName,
  isMap,
  isNil,
  isNumber,
  toFloat,
  valuesEqual,
} from './values';

/*
 * Operators on evaluated operands, with the type rules and messages of
 * expr-lang's runtime helpers: int op int stays int (wrapping at 64 bits),
 * a float on either side gives a float, `/` and `**` always give floats.
 */

function invalid(left: unknown, operator: string, right: unknown): OperationError {
  return new OperationError(
    `invalid operation: ${goTypeName(left)} ${operator} ${goTypeName(right)}`,
  );
}

function arithmetic(
  operator: string,
  left: unknown,
  right: unknown,
  ints: (a: bigint, b: bigint) => bigint,
  floats: (a: number, b: number) => number,
): bigint | number {
  if (typeof left === 'bigint' && typeof right === 'bigint') return wrapInt(ints(left, right));
  if (isNumber(left) && isNumber(right)) return floats(toFloat(left), toFloat(right));
  throw invalid(left, operator, right);
}

export function add(left: unknown, right: unknown): unknown {
  if (typeof left === 'string' && typeof right === 'string') return left + right;
  if (left instanceof Date && right instanceof Duration) return addDuration(left, right);
  if (left instanceof Duration && right instanceof Date) return addDuration(right, left);
  if (left instanceof Duration && right instanceof Duration) {
    return new Duration(wrapInt(left.nanoseconds + right.nanoseconds));
  }
  return arithmetic(
    '+',
    left,
    right,
    (a, b) => a + b,
    (a, b) => a + b,
  );
}

export function subtract(left: unknown, right: unknown): unknown {
  if (left instanceof Date && right instanceof Date) return subtractTimes(left, right);
  if (left instanceof Date && right instanceof Duration) {
    return addDuration(left, new Duration(-right.nanoseconds));
  }
  if (left instanceof Duration && right instanceof Duration) {
    return new Duration(wrapInt(left.nanoseconds - right.nanoseconds));
  }
  return arithmetic(
    '-',
    left,
    right,
    (a, b) => a - b,
    (a, b) => a - b,
  );
}

export function multiply(left: unknown, right: unknown): unknown {
  return arithmetic(
    '*',
    left,
    right,
    (a, b) => a * b,
    (a, b) => a * b,
  );
}

export function divide(left: unknown, right: unknown): number {
  if (isNumber(left) && isNumber(right)) return toFloat(left) / toFloat(right);
  throw invalid(left, '/', right);
}

export function modulo(left: unknown, right: unknown): bigint {
  if (typeof left !== 'bigint' || typeof right !== 'bigint') throw invalid(left, '%', right);
  if (right === 0n) throw new OperationError('runtime error: integer divide by zero', true);
  return wrapInt(left % right);
}

export function exponent(left: unknown, right: unknown): number {
  for (const operand of [left, right]) {
    if (!isNumber(operand)) {
      throw new OperationError(`invalid operation: float(${goTypeName(operand)})`);
    }
  }
  return Math.pow(toFloat(left as bigint | number), toFloat(right as bigint | number));
}

export function negate(value: unknown): unknown {
  if (typeof value === 'bigint') return wrapInt(-value);
  if (typeof value === 'number') return -value;
  if (value instanceof Duration) return new Duration(wrapInt(-value.nanoseconds));
  throw new OperationError(`invalid operation: - ${goTypeName(value)}`);
}

/** Orders two values for `<`, `>`, `<=`, `>=` and sorting; throws for mismatched types. */
export function compare(left: unknown, operator: string, right: unknown): number {
  if (isNumber(left) && isNumber(right)) return compareNumbers(left, right);
  if (typeof left === 'string' && typeof right === 'string') return compareStrings(left, right);
  if (left instanceof Date && right instanceof Date) {
    return Math.sign(left.getTime() - right.getTime());
  }
  if (left instanceof Duration && right instanceof Duration) {
    return compareNumbers(left.nanoseconds, right.nanoseconds);
  }
  throw invalid(left, operator, right);
}

export function comparison(operator: string, left: unknown, right: unknown): boolean {
  const order = compare(left, operator, right);
  switch (operator) {
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** expr-lang's `in`: element equality for arrays, key presence for maps, false on nil. */
export function contains(collection: unknown, needle: unknown): boolean {
  if (isNil(collection)) return false;
  if (Array.isArray(collection)) return collection.some((item) => valuesEqual(item, needle));
  if (isMap(collection)) {
    if (isNil(needle)) return Object.hasOwn(collection, '');
    if (typeof needle !== 'string') {
      throw new OperationError(
        `reflect.Value.MapIndex: value of type ${goTypeName(needle)} is not assignable to type string`,
      );
    }
    return Object.hasOwn(collection, needle);
  }
  throw new OperationError(`operator "in" not defined on ${goTypeName(collection)}`);
}

export function binaryOperation(operator: string, left: unknown, right: unknown): unknown {
  switch (operator) {
    case '==':
      return valuesEqual(left, right);
    case '!=':
      return !valuesEqual(left, right);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return comparison(operator, left, right);
    case '+':
      return add(left, right);
    case '-':
      return subtract(left, right);
    case '*':
      return multiply(left, right);
    case '/':
      return divide(left, right);
    case '%':
      return modulo(left, right);
    case '**':
    case '^':
      return exponent(left, right);
    case 'in':
      return contains(right, left);
    default:
      throw new OperationError(`unknown operator (${operator})`);
  }
}
