import type { Node, NodeOf } from './ast';
import { callBuiltin } from './builtins';
import { PREDICATE_BUILTINS } from './catalog';
import { evaluatePredicateBuiltin } from './closures';
import { ExprError } from './errors';
import { formatGo } from './format';
import type { StepBudget } from './limits';
import { binaryOperation, negate } from './operators';
import { compileRegex, regexMatches } from './regex';
import { callTimeMethod } from './time';
import {
  Duration,
  OperationError,
  expectBool,
  expectString,
  getEntry,
  goTypeName,
  isMap,
  isNil,
  setEntry,
  toIndex,
  utf8Bytes,
  type ValueMap,
} from './values';

/** Iteration state of the innermost predicate: `#`, `#index`, `#acc`. */
export type PredicateScope = { item: unknown; index: number; acc: unknown };

export type LinkFunction = (target: unknown, rel: string) => unknown;

export type Context = {
  source: string;
  env: Record<string, unknown>;
  budget: StepBudget;
  link?: LinkFunction;
  now: () => Date;
  scopes: PredicateScope[];
  variables: { name: string; value: unknown }[];
};

/** Thrown by `?.` on nil and caught by the enclosing chain, which then yields nil. */
const CHAIN_NIL = Symbol('chain-nil');

export function evaluateNode(node: Node, context: Context): unknown {
  context.budget.charge(1, node.at);
  try {
    return evaluateKind(node, context);
  } catch (error) {
    if (error instanceof OperationError) {
      throw new ExprError({
        reason: error.message,
        source: context.source,
        offset: node.at,
        wrapped: error.wrapped,
        cause: error,
      });
    }
    throw error;
  }
}

function evaluateKind(node: Node, context: Context): unknown {
  switch (node.kind) {
    case 'nil':
      return null;
    case 'bool':
    case 'int':
    case 'float':
    case 'string':
      return node.value;
    case 'identifier':
      return lookup(node.name, context);
    case 'pointer':
      return pointer(node.name, context);
    case 'unary':
      return unary(node, context);
    case 'binary':
      return binary(node, context);
    case 'member': {
      const object = evaluateNode(node.object, context);
      if (node.optional && isNil(object)) throw CHAIN_NIL;
      return fetch(object, evaluateNode(node.property, context));
    }
    case 'chain':
      try {
        return evaluateNode(node.node, context);
      } catch (error) {
        if (error === CHAIN_NIL) return null;
        throw error;
      }
    case 'slice':
      return slice(node, context);
    case 'builtin':
      return PREDICATE_BUILTINS[node.name]
        ? evaluatePredicateBuiltin(node, context)
        : callBuiltin(node, context);
    case 'method':
      return method(node, context);
    case 'predicate':
      throw new OperationError('a predicate can only be an argument of a builtin');
    case 'conditional':
      return expectBool(evaluateNode(node.test, context))
        ? evaluateNode(node.consequent, context)
        : evaluateNode(node.alternate, context);
    case 'array':
      return node.elements.map((element) => evaluateNode(element, context));
    case 'map': {
      const map: ValueMap = {};
      for (const entry of node.entries) {
        const key = expectString(evaluateNode(entry.key, context));
        setEntry(map, key, evaluateNode(entry.value, context));
      }
      return map;
    }
    case 'let': {
      const value = evaluateNode(node.value, context);
      context.variables.push({ name: node.name, value });
      try {
        return evaluateNode(node.body, context);
      } finally {
        context.variables.pop();
      }
    }
    case 'sequence': {
      let result: unknown = null;
      for (const item of node.nodes) result = evaluateNode(item, context);
      return result;
    }
  }
}

function lookup(name: string, context: Context): unknown {
  for (let i = context.variables.length - 1; i >= 0; i -= 1) {
    const variable = context.variables[i];
    if (variable?.name === name) return variable.value;
  }
  if (name === '$env') return context.env;
  return getEntry(context.env, name);
}

function pointer(name: string, context: Context): unknown {
  const scope = context.scopes[context.scopes.length - 1];
  if (!scope) throw new OperationError('cannot use pointer accessor outside predicate');
  if (name === '') return scope.item;
  if (name === 'index') return BigInt(scope.index);
  if (name === 'acc') return scope.acc;
  throw new OperationError(`unknown pointer #${name}`);
}

function unary(node: NodeOf<'unary'>, context: Context): unknown {
  const value = evaluateNode(node.operand, context);
  switch (node.operator) {
    case '!':
    case 'not':
      return !expectBool(value);
    case '-':
      return negate(value);
    default:
      return value;
  }
}

function binary(node: NodeOf<'binary'>, context: Context): unknown {
  const { operator } = node;
  const left = evaluateNode(node.left, context);
  switch (operator) {
    case '&&':
    case 'and':
      return expectBool(left) ? evaluateNode(node.right, context) : false;
    case '||':
    case 'or':
      return expectBool(left) ? true : evaluateNode(node.right, context);
    case '??':
      return isNil(left) ? evaluateNode(node.right, context) : left;
  }
  const right = evaluateNode(node.right, context);
  switch (operator) {
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return stringTest(operator, left, right);
    case 'matches': {
      if (isNil(left) || isNil(right)) return false;
      const subject = expectString(left);
      const regex = compileRegex(expectString(right));
      return regexMatches(regex, subject, (units) => context.budget.chargeBulk(units, node.at));
    }
    case '..':
      return range(left, right, node, context);
    default: {
      const result = binaryOperation(operator, left, right);
      return typeof result === 'string' ? context.budget.checkString(result, node.at) : result;
    }
  }
}

function stringTest(operator: string, left: unknown, right: unknown): boolean {
  if (isNil(left) || isNil(right)) return false;
  const subject = expectString(left);
  const part = expectString(right);
  if (operator === 'contains') return subject.includes(part);
  return operator === 'startsWith' ? subject.startsWith(part) : subject.endsWith(part);
}

function range(left: unknown, right: unknown, node: Node, context: Context): bigint[] {
  const from = toIndex(left);
  const to = toIndex(right);
  const size = to - from + 1n;
  if (size <= 0n) return [];
  // Charged before allocation, so `1..1000000000` fails without building the array.
  context.budget.charge(Number(size), node.at);
  return Array.from({ length: Number(size) }, (_, i) => from + BigInt(i));
}

/** Reads `object[property]` with expr-lang's rules: missing map keys are nil, bad indexes fail. */
export function fetch(object: unknown, property: unknown): unknown {
  if (Array.isArray(object) || typeof object === 'string') {
    const items = typeof object === 'string' ? utf8Bytes(object) : object;
    let index = toIndex(property);
    if (index < 0n) index += BigInt(items.length);
    if (index < 0n || index >= BigInt(items.length)) {
      throw new OperationError(`index out of range: ${index} (array length is ${items.length})`);
    }
    const item = items[Number(index)];
    return typeof item === 'number' && typeof object === 'string' ? BigInt(item) : (item ?? null);
  }
  if (isMap(object)) {
    if (isNil(property)) return getEntry(object, '');
    if (typeof property !== 'string') {
      throw new OperationError(
        `reflect.Value.MapIndex: value of type ${goTypeName(property)} is not assignable to type string`,
      );
    }
    return getEntry(object, property);
  }
  throw new OperationError(`cannot fetch ${formatGo(property)} from ${goTypeName(object)}`);
}

function slice(node: NodeOf<'slice'>, context: Context): unknown {
  const object = evaluateNode(node.object, context);
  const from = node.from ? evaluateNode(node.from, context) : 0n;
  const isString = typeof object === 'string';
  if (!Array.isArray(object) && !isString) {
    throw new OperationError(`cannot slice ${formatGo(from)}`);
  }
  const items = isString ? utf8Bytes(object) : object;
  const length = items.length;
  const to = node.to ? evaluateNode(node.to, context) : BigInt(length);
  const clamp = (value: bigint) => {
    const index = Number(value < 0n ? value + BigInt(length) : value);
    return Math.min(Math.max(index, 0), length);
  };
  const end = clamp(toIndex(to));
  const start = Math.min(clamp(toIndex(from)), end);
  if (isString) return new TextDecoder().decode(utf8Bytes(object).slice(start, end));
  return object.slice(start, end);
}

function method(node: NodeOf<'method'>, context: Context): unknown {
  const object = evaluateNode(node.object, context);
  if (node.optional && isNil(object)) throw CHAIN_NIL;
  const args = node.args.map((arg) => evaluateNode(arg, context));
  if (object instanceof Date || object instanceof Duration) {
    const result = callTimeMethod(object, node.name, args);
    if (result !== undefined) return result;
  }
  if (isMap(object)) {
    const member = getEntry(object, node.name);
    if (isNil(member)) throw new OperationError('invalid operation: cannot call nil');
    throw new OperationError(
      `invalid operation: cannot call non-function of type ${goTypeName(member)}`,
    );
  }
  throw new OperationError(`cannot fetch ${node.name} from ${goTypeName(object)}`);
}
