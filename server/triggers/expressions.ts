/**
 * Trigger expressions: filters and variables, compiled and evaluated with
 * `event` bound to the event payload, with messages worded like Formance's.
 */
import {
  compile,
  evaluateAsync,
  formatFlowsError,
  formatVarValue,
  type CompiledExpression,
} from '@/lib/expr';

import type { LinkResolver } from './local-links';

// Compiled expressions are reused across events; the cache is cleared when it grows past this.
const maxCachedExpressions = 1_000;
const cache = new Map<string, CompiledExpression>();

/** Compiles `source` (cached). Throws ExprError on a syntax or type error. */
export function compileExpression(source: string): CompiledExpression {
  const cached = cache.get(source);
  if (cached) return cached;

  const compiled = compile(source);
  if (cache.size >= maxCachedExpressions) cache.clear();
  cache.set(source, compiled);

  return compiled;
}

/** Returns the compile error of `source` worded for `validating data: …`, or undefined. */
export function compileError(source: string): string | undefined {
  try {
    compileExpression(source);

    return undefined;
  } catch (error) {
    return `error compiling expression '${source}': ${formatFlowsError(source, error)}`;
  }
}

/** Implements link(obj, rel) when no resolver is given. */
function unavailableLink(): never {
  throw new Error('link() is not available here');
}

function run(source: string, payload: unknown, link: LinkResolver | undefined): Promise<unknown> {
  return evaluateAsync(
    compileExpression(source),
    { event: payload },
    { link: link ?? unavailableLink },
  );
}

export type FilterResult = { match: boolean; error?: string };

/**
 * Evaluates a filter; an empty filter matches, a non-boolean result does not,
 * errors don't match. `link` resolves link() calls.
 */
export async function evaluateFilter(
  filter: string | undefined,
  payload: unknown,
  link?: LinkResolver,
): Promise<FilterResult> {
  if (filter === undefined || filter === '') return { match: true };

  try {
    return { match: (await run(filter, payload, link)) === true };
  } catch (error) {
    return { match: false, error: formatFlowsError(filter, error) };
  }
}

export type VariableResult = { value: string } | { error: string };

/** Evaluates a variable expression and stringifies the result like expr-lang/Go do. */
export async function evaluateVariable(
  source: string,
  payload: unknown,
  link?: LinkResolver,
): Promise<VariableResult> {
  try {
    return { value: formatVarValue(await run(source, payload, link)) };
  } catch (error) {
    return { error: formatFlowsError(source, error) };
  }
}
