/** Operator precedence and builtin signatures, following expr-lang v1.17. */

export const UNARY_PRECEDENCE: Readonly<Record<string, number>> = {
  not: 50,
  '!': 50,
  '-': 90,
  '+': 90,
};

export const BINARY_OPERATORS: Readonly<
  Record<string, { precedence: number; rightAssociative?: boolean }>
> = {
  '|': { precedence: 0 },
  or: { precedence: 10 },
  '||': { precedence: 10 },
  and: { precedence: 15 },
  '&&': { precedence: 15 },
  '==': { precedence: 20 },
  '!=': { precedence: 20 },
  '<': { precedence: 20 },
  '>': { precedence: 20 },
  '>=': { precedence: 20 },
  '<=': { precedence: 20 },
  in: { precedence: 20 },
  matches: { precedence: 20 },
  contains: { precedence: 20 },
  startsWith: { precedence: 20 },
  endsWith: { precedence: 20 },
  '..': { precedence: 25 },
  '+': { precedence: 30 },
  '-': { precedence: 30 },
  '*': { precedence: 60 },
  '/': { precedence: 60 },
  '%': { precedence: 60 },
  '**': { precedence: 100, rightAssociative: true },
  '^': { precedence: 100, rightAssociative: true },
  '??': { precedence: 500 },
};

export const NEGATABLE_OPERATORS = new Set(['in', 'matches', 'contains', 'startsWith', 'endsWith']);

export function isComparison(operator: string): boolean {
  return operator === '<' || operator === '>' || operator === '<=' || operator === '>=';
}

/** Argument kinds of the builtins that take a predicate (closure). */
export type PredicateArgument = 'expr' | 'predicate' | 'optional-expr' | 'optional-predicate';

export const PREDICATE_BUILTINS: Readonly<Record<string, readonly PredicateArgument[]>> = {
  all: ['expr', 'predicate'],
  none: ['expr', 'predicate'],
  any: ['expr', 'predicate'],
  one: ['expr', 'predicate'],
  filter: ['expr', 'predicate'],
  map: ['expr', 'predicate'],
  count: ['expr', 'optional-predicate'],
  sum: ['expr', 'optional-predicate'],
  find: ['expr', 'predicate'],
  findIndex: ['expr', 'predicate'],
  findLast: ['expr', 'predicate'],
  findLastIndex: ['expr', 'predicate'],
  groupBy: ['expr', 'predicate'],
  sortBy: ['expr', 'predicate', 'optional-expr'],
  reduce: ['expr', 'predicate', 'optional-expr'],
};

/** Accepted argument counts of the other builtins: [minimum, maximum]. */
export const FUNCTION_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  len: [1, 1],
  type: [1, 1],
  abs: [1, 1],
  ceil: [1, 1],
  floor: [1, 1],
  round: [1, 1],
  int: [1, 1],
  float: [1, 1],
  string: [1, 1],
  trim: [1, 2],
  trimPrefix: [1, 2],
  trimSuffix: [1, 2],
  upper: [1, 1],
  lower: [1, 1],
  split: [2, 3],
  splitAfter: [2, 3],
  replace: [3, 4],
  repeat: [2, 2],
  join: [1, 2],
  indexOf: [2, 2],
  lastIndexOf: [2, 2],
  hasPrefix: [2, 2],
  hasSuffix: [2, 2],
  max: [1, Infinity],
  min: [1, Infinity],
  mean: [1, Infinity],
  median: [1, Infinity],
  toJSON: [1, 1],
  fromJSON: [1, 1],
  toBase64: [1, 1],
  fromBase64: [1, 1],
  now: [0, 0],
  duration: [1, 1],
  date: [1, 1],
  first: [1, 1],
  last: [1, 1],
  get: [2, 2],
  take: [2, 2],
  keys: [1, 1],
  values: [1, 1],
  toPairs: [1, 1],
  fromPairs: [1, 1],
  reverse: [1, 1],
  uniq: [1, 1],
  concat: [1, Infinity],
  flatten: [1, 1],
  sort: [1, 2],
  bitand: [2, 2],
  bitor: [2, 2],
  bitxor: [2, 2],
  bitnand: [2, 2],
  bitnot: [1, 1],
  bitshl: [2, 2],
  bitshr: [2, 2],
  bitushr: [2, 2],
  link: [0, Infinity],
};

/** Names of every supported function, for autocompletion. */
export const EXPR_BUILTINS: readonly string[] = Object.freeze(
  [...Object.keys(PREDICATE_BUILTINS), ...Object.keys(FUNCTION_ARITY)].sort(),
);
