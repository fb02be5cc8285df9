/** Position of an error in the expression source. */
export type ExprPosition = {
  /** UTF-16 index into the source string (what `String.prototype.slice` uses). */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in Unicode code points like expr-lang does. */
  column: number;
};

type ExprErrorInit = {
  reason: string;
  source?: string;
  offset?: number;
  cause?: unknown;
  wrapped?: boolean;
};

/**
 * Error raised while compiling or evaluating an expression. `message` follows
 * expr-lang: the reason, then ` (line:column)` when the position is known.
 */
export class ExprError extends Error {
  override name = 'ExprError';
  /** The message without the position suffix. */
  readonly reason: string;
  readonly position?: ExprPosition;
  /**
   * True when expr-lang wraps an underlying Go error: a function's error
   * (link(), fromJSON(), a regular expression compiled at run time), a failed
   * type assertion or a Go runtime error. Formance's trigger evaluator reports
   * only the underlying message for those, without position or snippet.
   */
  readonly wrapped: boolean;

  constructor(init: ExprErrorInit) {
    const position =
      init.source !== undefined && init.offset !== undefined
        ? locate(init.source, init.offset)
        : undefined;
    const suffix = position ? ` (${position.line}:${position.column})` : '';
    super(init.reason + suffix, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = init.reason;
    this.position = position;
    this.wrapped = init.wrapped ?? false;
  }
}

/** Computes the line and code-point column of a UTF-16 offset. */
export function locate(source: string, offset: number): ExprPosition {
  const bounded = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let column = 1;
  let index = 0;
  while (index < bounded) {
    const code = source.codePointAt(index) ?? 0;
    index += code > 0xffff ? 2 : 1;
    if (code === 10) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return { offset: bounded, line, column };
}

function sourceLine(source: string, line: number): string {
  return source.split('\n')[line - 1] ?? '';
}

/**
 * Formats an error the way expr-lang's `Error()` does: the message, then the
 * source line and a caret line, each prefixed with ` | `. Like expr-lang, it
 * prints the bare reason when the error points at an empty line.
 */
export function formatExprError(source: string, error: unknown): string {
  if (!(error instanceof ExprError)) {
    return error instanceof Error ? error.message : String(error);
  }
  const position = error.position;
  if (!position) {
    return error.message;
  }
  const line = sourceLine(source, position.line);
  if (line === '') {
    return error.reason;
  }
  const dots = '.'.repeat(position.column - 1);
  return `${error.message}\n | ${line.replaceAll('\t', ' ')}\n | ${dots}^`;
}

/**
 * Formats an error the way Formance's trigger evaluator reports it: most
 * errors as expr-lang prints them (with the source snippet), wrapped Go errors
 * (see ExprError.wrapped) as their bare message.
 */
export function formatFlowsError(source: string, error: unknown): string {
  if (error instanceof ExprError && error.wrapped) {
    return error.reason;
  }
  return formatExprError(source, error);
}
