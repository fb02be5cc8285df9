/** Syntax tree of an expr-lang expression. `at` is the UTF-16 offset errors point to. */
export type Node =
  | { kind: 'nil'; at: number }
  | { kind: 'bool'; at: number; value: boolean }
  | { kind: 'int'; at: number; value: bigint }
  | { kind: 'float'; at: number; value: number }
  | { kind: 'string'; at: number; value: string }
  | { kind: 'identifier'; at: number; name: string }
  /** `#` (name ''), `#index`, `#acc`, or the implicit element of `.field` inside a predicate. */
  | { kind: 'pointer'; at: number; name: string }
  | { kind: 'unary'; at: number; operator: string; operand: Node }
  | { kind: 'binary'; at: number; operator: string; left: Node; right: Node }
  | { kind: 'member'; at: number; object: Node; property: Node; optional: boolean }
  /** Boundary of an optional chain: a nil reached through `?.` makes the whole chain nil. */
  | { kind: 'chain'; at: number; node: Node }
  | { kind: 'slice'; at: number; object: Node; from?: Node; to?: Node }
  /** Call of a builtin, or of `link`, by name. Predicate arguments are `predicate` nodes. */
  | { kind: 'builtin'; at: number; name: string; args: Node[] }
  /** Method call on a value, such as `now().Year()`. */
  | { kind: 'method'; at: number; object: Node; name: string; optional: boolean; args: Node[] }
  | { kind: 'predicate'; at: number; body: Node }
  | { kind: 'conditional'; at: number; test: Node; consequent: Node; alternate: Node }
  | { kind: 'array'; at: number; elements: Node[] }
  | { kind: 'map'; at: number; entries: { key: Node; value: Node }[] }
  | { kind: 'let'; at: number; name: string; value: Node; body: Node }
  | { kind: 'sequence'; at: number; nodes: Node[] };

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/** Lists the direct children of a node, in evaluation order. */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'member':
      return [node.object, node.property];
    case 'chain':
      return [node.node];
    case 'slice':
      return [node.object, ...(node.from ? [node.from] : []), ...(node.to ? [node.to] : [])];
    case 'builtin':
      return node.args;
    case 'method':
      return [node.object, ...node.args];
    case 'predicate':
      return [node.body];
    case 'conditional':
      return [node.test, node.consequent, node.alternate];
    case 'array':
      return node.elements;
    case 'map':
      return node.entries.flatMap((entry) => [entry.key, entry.value]);
    case 'let':
      return [node.value, node.body];
    case 'sequence':
      return node.nodes;
    default:
      return [];
  }
}

/**
 * Finds the deepest node without recursion, so a deep tree cannot overflow the
 * stack. Returns the depth (the root is 1) and that node.
 */
export function deepestNode(root: Node): { depth: number; node: Node } {
  let deepest = { depth: 1, node: root };
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    if (depth > deepest.depth) deepest = { depth, node };
    for (const child of childrenOf(node)) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
