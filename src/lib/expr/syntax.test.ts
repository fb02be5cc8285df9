import { describe, expect, it } from 'vitest';

import { ExprError, compile, evaluate, formatExprError, formatFlowsError } from './index';

function compileError(source: string, allowedVariables: readonly string[] | 'any' = ['event']) {
  try {
    compile(source, { allowedVariables });
  } catch (error) {
    if (error instanceof ExprError) return error;
    throw error;
  }
  throw new Error(`expected ${source} not to compile`);
}

describe('compile syntax errors', () => {
  it.each([
    ['event.foo +', 'unexpected token EOF (1:11)'],
    ['event.ledger == ', 'unexpected token EOF (1:16)'],
    ['(1 + 2', 'unexpected token EOF (1:6)'],
    ['1 + * 2', 'unexpected token Operator("*") (1:5)'],
    ['event.', 'expected name (1:6)'],
    ['"abc', 'literal not terminated (1:5)'],
    ['"a\nb"', 'literal not terminated (1:3)'],
    ['`raw', 'literal not terminated (1:5)'],
    ['"\\q"', 'invalid char escape (1:3)'],
    ['1 @ 2', "unrecognized character: U+0040 '@' (1:3)"],
    ['1abc', 'bad number syntax: "1a" (1:2)'],
    ['1e', 'invalid float literal: strconv.ParseFloat: parsing "1e": invalid syntax (1:2)'],
    ['0x', 'invalid hex literal: strconv.ParseInt: parsing "0x": invalid syntax (1:2)'],
    [
      '9223372036854775808',
      'invalid integer literal: strconv.ParseInt: parsing "9223372036854775808": value out of range (1:19)',
    ],
    ['event.a ?? event.b + 1', 'Operator (+) and coalesce expressions (??) cannot be mixed'],
    ['all(event.items)', 'expected at least 2 arguments (1:16)'],
    ['map(event.items, # > 1; # < 2)', 'wrap predicate with brackets { and } (1:23)'],
    ['1 not 2', 'unexpected token Number("2") (1:7)'],
    ['{a 1}', 'unexpected token Number("1") (1:4)'],
    ['{[1]: 2}', 'a map key must be a quoted string, a number, a identifier, or an expression'],
    ['[1, 2', 'unexpected token EOF (1:5)'],
    ['# > 1', 'unexpected token Operator("#") (1:1)'],
    ['true.x', 'unexpected token Operator(".") (1:5)'],
    ['1 2', 'unexpected token Number("2") (1:3)'],
    ['/* open', 'unclosed comment'],
    ['b"bytes"', 'bytes literals are not supported'],
    ['', 'unexpected token EOF (1:1)'],
  ])('%s', (source, message) => {
    expect(compileError(source, 'any').message).toContain(message);
  });

  it('counts columns in code points', () => {
    expect(compileError('"é😀" +').message).toBe('unexpected token EOF (1:6)');
  });

  it('reports the line and column of a later line', () => {
    const error = compileError('event.a == 1 &&\n  event.b == ');
    expect(error.position).toEqual({ offset: 28, line: 2, column: 13 });
  });
});

describe('compile checks', () => {
  it.each([
    ['foo == 1', 'unknown name foo (1:1)'],
    ['evnt.type == "x"', 'unknown name evnt (1:1)'],
    ['foo(1)', 'unknown name foo (1:1)'],
    ['len()', 'invalid number of arguments (expected 1, got 0) (1:1)'],
    ['upper("a", "b")', 'too many arguments to call upper (1:1)'],
    ['split("a")', 'not enough arguments to call split (1:1)'],
    ['upper(1)', 'cannot use int as argument (type string) to call upper  (1:7)'],
    ['upper(nil)', 'cannot use nil as argument (type string) to call upper (1:7)'],
    ['1 + "a"', 'invalid operation: + (mismatched types int and string) (1:3)'],
    ['1 == "1"', 'invalid operation: == (mismatched types int and string) (1:3)'],
    ['"a" && true', 'invalid operation: && (mismatched types string and bool) (1:5)'],
    ['1.5 % 2', 'invalid operation: % (mismatched types float64 and int) (1:5)'],
    ['-"a"', 'invalid operation: - (mismatched type string) (1:1)'],
    ['"a" ? 1 : 2', 'non-bool expression (type string) used as condition (1:5)'],
    ['all("abc", # == "a")', 'builtin all takes only array (got string) (1:5)'],
    ['map(event.items, #foo)', 'unknown pointer #foo (1:18)'],
    ['event.id matches "("', 'error parsing regexp: missing closing ): `(` (1:10)'],
    [
      'event.id matches "a**"',
      'error parsing regexp: invalid nested repetition operator: `**` (1:10)',
    ],
    [
      'event.id matches "(?=x)"',
      'error parsing regexp: invalid or unsupported Perl syntax: `(?=` (1:10)',
    ],
    ['event.id matches "\\\\1"', 'error parsing regexp: invalid escape sequence: `\\1` (1:10)'],
  ])('%s', (source, message) => {
    expect(compileError(source).message).toBe(message);
  });

  it('accepts let variables and $env', () => {
    expect(() => compile('let x = 1; x + len($env)')).not.toThrow();
  });

  it('accepts any name when allowedVariables is any, reading nil like Formance', () => {
    const expr = compile('a + b', { allowedVariables: 'any' });
    expect(() => evaluate(expr, {})).toThrow('invalid operation: <nil> + <nil> (1:3)');
  });

  it('accepts extra allowed variables', () => {
    const expr = compile('payload.x == 1', { allowedVariables: ['payload'] });
    expect(evaluate(expr, { payload: { x: 1 } })).toBe(true);
  });
});

describe('formatExprError', () => {
  it('adds the source line and a caret line like expr-lang', () => {
    const source = 'event.foo +';
    expect(formatExprError(source, compileError(source))).toBe(
      'unexpected token EOF (1:11)\n | event.foo +\n | ..........^',
    );
  });

  it('shows the line the error is on', () => {
    const source = 'event.a == 1 &&\n\tevent.b.c';
    let error: unknown;
    try {
      evaluate(compile(source), { event: { a: 1 } });
    } catch (caught) {
      error = caught;
    }
    expect(formatExprError(source, error)).toBe(
      'cannot fetch c from <nil> (2:10)\n |  event.b.c\n | .........^',
    );
  });

  it('prints the bare reason for an empty line, as expr-lang does', () => {
    expect(formatExprError('', compileError('', 'any'))).toBe('unexpected token EOF');
  });

  it('prints the bare message of wrapped errors for Formance', () => {
    const source = '!event.name';
    let error: unknown;
    try {
      evaluate(compile(source), { event: { name: 'x' } });
    } catch (caught) {
      error = caught;
    }
    expect(formatFlowsError(source, error)).toBe(
      'interface conversion: interface {} is string, not bool',
    );
    expect(formatExprError(source, error)).toContain('(1:1)\n | !event.name\n | ^');
  });
});
