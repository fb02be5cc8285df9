import { childrenOf, type Node } from './ast';
import { PREDICATE_BUILTINS } from './catalog';

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{Nd}_$]*$/u;

type Walk = { paths: Set<string>; elements: (string | undefined)[]; variables: string[] };

function propertySuffix(property: Node): string | undefined {
  if (property.kind === 'string') {
    return IDENTIFIER.test(property.value)
      ? `.${property.value}`
      : `[${JSON.stringify(property.value)}]`;
  }
  if (property.kind === 'int') return `[${property.value}]`;
  if (property.kind === 'unary' && property.operator === '-' && property.operand.kind === 'int') {
    return `[-${property.operand.value}]`;
  }
  return undefined;
}

/** Returns the static path a node reads, such as `event.items[0].amount`, if it has one. */
function pathOf(node: Node, walk: Walk): string | undefined {
  switch (node.kind) {
    case 'identifier':
      return node.name === '$env' || walk.variables.includes(node.name) ? undefined : node.name;
    case 'pointer': {
      const collection = walk.elements[walk.elements.length - 1];
      return node.name === '' && collection !== undefined ? `${collection}[]` : undefined;
    }
    case 'chain':
      return pathOf(node.node, walk);
    case 'member': {
      const base = pathOf(node.object, walk);
      const suffix = propertySuffix(node.property);
      return base !== undefined && suffix !== undefined ? base + suffix : undefined;
    }
    default:
      return undefined;
  }
}

function visit(node: Node, walk: Walk): void {
  const path = pathOf(node, walk);
  if (path !== undefined) {
    walk.paths.add(path);
    return;
  }
  if (node.kind === 'let') {
    visit(node.value, walk);
    walk.variables.push(node.name);
    visit(node.body, walk);
    walk.variables.pop();
    return;
  }
  if (node.kind === 'builtin' && PREDICATE_BUILTINS[node.name]) {
    const [collection, ...rest] = node.args;
    if (collection) visit(collection, walk);
    walk.elements.push(collection ? pathOf(collection, walk) : undefined);
    for (const arg of rest) visit(arg, walk);
    walk.elements.pop();
    return;
  }
  for (const child of childrenOf(node)) visit(child, walk);
}

/**
 * Lists the data paths an expression reads, in order of first appearance:
 * `event.ledger`, `event.transactions[0].postings`, and for predicate
 * elements `event.transactions[0].postings[].asset`. A dynamic index ends the
 * path before it, so `event.items[i].x` yields `event.items` (and `i`).
 */
export function collectPaths(root: Node): string[] {
  const walk: Walk = { paths: new Set(), elements: [], variables: [] };
  visit(root, walk);
  return [...walk.paths];
}
