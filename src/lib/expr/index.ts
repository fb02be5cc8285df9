/**
 * Evaluator for the subset of expr-lang (github.com/expr-lang/expr v1.17)
 * that Formance Flows uses in trigger filters and variables. Pure TypeScript
 * without Node APIs, `eval` or dependencies, so it runs in the browser too.
 *
 * Stricter than Formance on one point: an identifier other than the allowed
 * variables (`event` by default), a `let` variable or a builtin is a compile
 * error (`unknown name foo`), where Formance compiles it and reads nil.
 * Pass `allowedVariables: 'any'` to get Formance's behaviour.
 */
import { deepestNode, type Node } from './ast';
import { Checker } from './checker';
import { ExprError } from './errors';
import { marshalJson, toExternal } from './format';
import { evaluateNode, type Context, type LinkFunction } from './interpreter';
import { StepBudget, resolveLimits, type ExprLimits } from './limits';
import { Parser } from './parser';
import { collectPaths } from './paths';
import { OperationError, getEntry, isMap } from './values';

export { EXPR_BUILTINS } from './catalog';
export { ExprError, formatExprError, formatFlowsError, type ExprPosition } from './errors';
export { formatVarValue } from './format';
export { DEFAULT_EXPR_LIMITS, type ExprLimits } from './limits';

export type CompileOptions = Partial<ExprLimits> & {
  /** Names an expression may read; `'any'` accepts every name, like Formance. Default `['event']`. */
  allowedVariables?: readonly string[] | 'any';
};

export type CompiledExpression = {
  readonly source: string;
  readonly ast: Node;
  readonly limits: ExprLimits;
};

export type EvaluateOptions = {
  /** Implements `link(obj, rel)`. Without it, link() fails with "link() is not available here". */
  link?: (target: unknown, rel: string) => unknown;
  limits?: Partial<ExprLimits>;
  /** Clock for now(); defaults to the current time. */
  now?: () => Date;
};

export type AsyncEvaluateOptions = Omit<EvaluateOptions, 'link'> & {
  link?: (target: unknown, rel: string) => Promise<unknown> | unknown;
};

/** Parses and checks an expression. Throws ExprError on a syntax or type error. */
export function compile(source: string, options?: CompileOptions): CompiledExpression {
  const limits = resolveLimits(options);
  if (source.length > limits.maxSourceLength) {
    throw new ExprError({
      reason: `expression is longer than the limit of ${limits.maxSourceLength} characters`,
    });
  }
  const ast = new Parser(source, limits.maxDepth).parse();
  const deepest = deepestNode(ast);
  if (deepest.depth > limits.maxDepth) {
    throw new ExprError({
      reason: `expression nesting exceeds the limit of ${limits.maxDepth}`,
      source,
      offset: deepest.node.at,
    });
  }
  const allowed = options?.allowedVariables ?? ['event'];
  new Checker({ source, allowedVariables: allowed === 'any' ? 'any' : new Set(allowed) }).check(
    ast,
  );
  return { source, ast, limits };
}

/**
 * Evaluates a compiled expression against `env` (for triggers `{ event: payload }`).
 * Numbers in `env` are floats, as Go decodes JSON; integer results come back as
 * JS numbers. Throws ExprError on any failure, including exceeded limits.
 */
export function evaluate(
  expr: CompiledExpression,
  env: Record<string, unknown>,
  options?: EvaluateOptions,
): unknown {
  const limits = resolveLimits(expr.limits, options?.limits);
  const userLink = options?.link;
  const link: LinkFunction | undefined = userLink
    ? (target, rel) => userLink(toExternal(target), rel)
    : undefined;
  const context: Context = {
    source: expr.source,
    env,
    budget: new StepBudget(limits, expr.source),
    link,
    now: options?.now ?? (() => new Date()),
    scopes: [],
    variables: [],
  };
  try {
    return toExternal(evaluateNode(expr.ast, context));
  } catch (error) {
    if (error instanceof ExprError) throw error;
    if (error instanceof OperationError) {
      throw new ExprError({ reason: error.message, wrapped: error.wrapped, cause: error });
    }
    if (error instanceof RangeError) {
      // A stack overflow or an allocation JS refuses; limits normally stop both earlier.
      throw new ExprError({ reason: `evaluation failed: ${error.message}`, cause: error });
    }
    throw error;
  }
}

const MAX_LINK_CALLS = 32;

function linkKey(target: unknown, rel: string): string {
  const links = isMap(target) ? getEntry(target, 'links') : target;
  try {
    return `${rel}\u0000${marshalJson(links)}`;
  } catch {
    return `${rel}\u0000${String(links)}`;
  }
}

/**
 * Evaluates like evaluate() with an asynchronous `link` (an HTTP GET, say).
 * When the expression reaches an unresolved link() call, evaluation stops,
 * the link is awaited, and the expression is evaluated again with the result
 * cached. Each distinct link (same rel, same `links` of the target) is
 * fetched once. Expressions are pure, so re-running them is safe.
 */
export async function evaluateAsync(
  expr: CompiledExpression,
  env: Record<string, unknown>,
  options?: AsyncEvaluateOptions,
): Promise<unknown> {
  const cache = new Map<string, { value: unknown } | { error: unknown }>();
  const userLink = options?.link;
  for (let calls = 0; ; calls += 1) {
    const state: { pending?: { key: string; target: unknown; rel: string } } = {};
    const link = userLink
      ? (target: unknown, rel: string) => {
          const key = linkKey(target, rel);
          const cached = cache.get(key);
          if (cached && 'error' in cached) throw cached.error;
          if (cached) return cached.value;
          state.pending = { key, target, rel };
          throw new Error('link() result pending');
        }
      : undefined;
    try {
      return evaluate(expr, env, { ...options, link });
    } catch (error) {
      if (!state.pending || !userLink) throw error;
    }
    if (calls >= MAX_LINK_CALLS) {
      throw new ExprError({ reason: `expression calls link() more than ${MAX_LINK_CALLS} times` });
    }
    const { key, target, rel } = state.pending;
    try {
      cache.set(key, { value: await userLink(target, rel) });
    } catch (error) {
      cache.set(key, { error });
    }
  }
}

/** Lists the data paths an expression reads, e.g. `event.transactions[0].postings[].amount`. */
export function collectMemberPaths(expr: CompiledExpression): string[] {
  return collectPaths(expr.ast);
}
