import type { Node, NodeOf } from './ast';
import { formatGo } from './format';
import { evaluateNode, type Context } from './interpreter';
import { add, compare } from './operators';
import {
  OperationError,
  expectBool,
  goKindName,
  isMap,
  isNil,
  setEntry,
  utf8Bytes,
  type ValueMap,
} from './values';

/** Lists what a predicate builtin iterates over, failing like expr-lang's reflection does. */
function iterableItems(collection: unknown): unknown[] {
  if (Array.isArray(collection)) return collection;
  if (typeof collection === 'string') return Array.from(utf8Bytes(collection), BigInt);
  if (isNil(collection)) {
    throw new OperationError('reflect: call of reflect.Value.Len on zero Value', true);
  }
  if (isMap(collection)) {
    if (Object.keys(collection).length === 0) return [];
    throw new OperationError('reflect: call of reflect.Value.Index on map Value', true);
  }
  throw new OperationError(
    `reflect: call of reflect.Value.Len on ${goKindName(collection)} Value`,
    true,
  );
}

/**
 * Evaluates all, any, none, one, filter, map, count, sum, find, findIndex,
 * findLast, findLastIndex, groupBy, sortBy and reduce. The predicate body reads
 * the element as `#` (and `.field`), its position as `#index`, and the
 * accumulator of reduce as `#acc`. Each element costs one step.
 */
export function evaluatePredicateBuiltin(node: NodeOf<'builtin'>, context: Context): unknown {
  const [collectionNode, predicateNode, extraNode] = node.args as [Node, Node?, Node?];
  const items = iterableItems(evaluateNode(collectionNode, context));
  const body = predicateNode?.kind === 'predicate' ? predicateNode.body : undefined;

  const call = (index: number, acc: unknown = null): unknown => {
    context.budget.charge(1, node.at);
    const item = items[index];
    if (!body) return item;
    context.scopes.push({ item, index, acc });
    try {
      return evaluateNode(body, context);
    } finally {
      context.scopes.pop();
    }
  };
  const test = (index: number) => expectBool(call(index));
  const indexes = items.map((_, index) => index);

  switch (node.name) {
    case 'all':
      return indexes.every(test);
    case 'none':
      return !indexes.some(test);
    case 'any':
      return indexes.some(test);
    case 'one':
      return indexes.filter(test).length === 1;
    case 'filter':
      return indexes.filter(test).map((index) => items[index]);
    case 'map':
      return indexes.map((index) => call(index));
    case 'count':
      return BigInt(indexes.filter(test).length);
    case 'sum':
      return indexes.reduce<unknown>((total, index) => add(call(index), total), 0n);
    case 'find':
      return items[indexes.find(test) ?? -1] ?? null;
    case 'findIndex':
      return BigInt(indexes.findIndex(test));
    case 'findLast':
      return items[indexes.findLast(test) ?? -1] ?? null;
    case 'findLastIndex':
      return BigInt(indexes.findLastIndex(test));
    case 'groupBy':
      return groupBy(
        items,
        indexes.map((index) => call(index)),
      );
    case 'sortBy':
      return sortBy(
        items,
        indexes.map((index) => call(index)),
        extraNode,
        context,
      );
    default:
      return reduce(items, call, extraNode, context);
  }
}

function groupBy(items: unknown[], keys: unknown[]): ValueMap {
  const groups: ValueMap = {};
  keys.forEach((key, index) => {
    // NOTE: Go keys groups by any value; maps here have string keys, so other keys are printed.
    const name = typeof key === 'string' ? key : formatGo(key);
    const group = Object.hasOwn(groups, name) ? (groups[name] as unknown[]) : [];
    group.push(items[index]);
    setEntry(groups, name, group);
  });
  return groups;
}

function sortBy(items: unknown[], keys: unknown[], orderNode: Node | undefined, context: Context) {
  const order = orderNode ? evaluateNode(orderNode, context) : 'asc';
  if (typeof order !== 'string') throw new OperationError('sortBy order argument must be a string');
  if (order !== 'asc' && order !== 'desc')
    throw new OperationError('unknown order, use asc or desc');
  const direction = order === 'desc' ? -1 : 1;
  const indexes = items.map((_, index) => index);
  indexes.sort((a, b) => direction * compare(keys[a], '<', keys[b]));
  return indexes.map((index) => items[index]);
}

function reduce(
  items: unknown[],
  call: (index: number, acc: unknown) => unknown,
  initialNode: Node | undefined,
  context: Context,
): unknown {
  let start = 0;
  let acc: unknown;
  if (initialNode) {
    acc = evaluateNode(initialNode, context);
  } else {
    if (items.length === 0) {
      throw new OperationError('reduce of empty array with no initial value', true);
    }
    acc = items[0];
    start = 1;
  }
  for (let index = start; index < items.length; index += 1) acc = call(index, acc);
  return acc;
}
