import { describe, expect, it } from 'vitest';

import { DEFAULT_EXPR_LIMITS, ExprError, compile, evaluate } from './index';

/** Runs `action`, expects an ExprError, and returns it with the time it took in milliseconds. */
function failFast(action: () => unknown): { error: ExprError; elapsed: number } {
  const start = performance.now();
  try {
    action();
  } catch (error) {
    const elapsed = performance.now() - start;
    expect(error).toBeInstanceOf(ExprError);
    return { error: error as ExprError, elapsed };
  }
  throw new Error('expected an ExprError');
}

function run(source: string, event: unknown = {}): unknown {
  return evaluate(compile(source, { maxSourceLength: 1_000_000 }), { event });
}

describe('limits', () => {
  it('has safe defaults', () => {
    expect(DEFAULT_EXPR_LIMITS).toEqual({
      maxSourceLength: 4096,
      maxDepth: 100,
      maxSteps: 100_000,
      maxStringLength: 1_000_000,
    });
  });

  it('rejects a source over maxSourceLength', () => {
    const { error } = failFast(() => compile('1 + '.repeat(2000) + '1'));
    expect(error.reason).toBe('expression is longer than the limit of 4096 characters');
  });

  it.each([
    ['parentheses', `${'('.repeat(10_000)}1${')'.repeat(10_000)}`],
    ['unary minus', `${'-'.repeat(10_000)}1`],
    ['negation', `${'!'.repeat(10_000)}true`],
    ['arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['calls', `${'len('.repeat(10_000)}"x"${')'.repeat(10_000)}`],
    ['closures', `${'map([1], '.repeat(5_000)}#${')'.repeat(5_000)}`],
    ['ternaries', `${'true ? '.repeat(10_000)}1${' : 2'.repeat(10_000)}`],
  ])('rejects deep nesting of %s', (_name, source) => {
    const { error, elapsed } = failFast(() => compile(source, { maxSourceLength: 1_000_000 }));
    expect(error.reason).toBe('expression nesting exceeds the limit of 100');
    expect(elapsed).toBeLessThan(1000);
  });

  it.each([
    ['additions', Array.from({ length: 3000 }, () => '1').join(' + ')],
    ['members', `event${'.a'.repeat(3000)}`],
    ['indexes', `event${'[0]'.repeat(3000)}`],
    ['pipes', `"x"${' | upper()'.repeat(1000)}`],
  ])('rejects long left-associative chains of %s', (_name, source) => {
    const { error } = failFast(() => compile(source, { maxSourceLength: 1_000_000 }));
    expect(error.reason).toBe('expression nesting exceeds the limit of 100');
  });

  it('accepts nesting up to the limit', () => {
    expect(run(`${'('.repeat(90)}1${')'.repeat(90)}`)).toBe(1);
  });

  it.each([
    ['a huge range', '1..1000000000'],
    ['a huge float range', 'len(1..1e9)'],
    ['nested closures', 'map(1..100, map(1..100, map(1..100, #)))'],
    [
      'closures over ranges',
      'count(1..50000, true) + count(1..50000, true) + count(1..50000, true)',
    ],
    ['reduce', 'reduce(1..40000, #acc + # * 2, 0) + reduce(1..40000, #acc + #, 0)'],
  ])('stops %s at the step limit', (_name, source) => {
    const { error, elapsed } = failFast(() => run(source));
    expect(error.reason).toMatch(/exceeded the limit of 100000 steps|mismatched types/);
    expect(elapsed).toBeLessThan(2000);
  });

  it.each([
    ['repeat over the string limit', 'repeat("ab", 600000)'],
    ['repeat over Go budget', 'repeat("a", 1e9)'],
    ['string doubling', 'let a = repeat("x", 600000); a + a'],
    ['join', 'join(map(1..5000, repeat("x", 500)), "")'],
    ['replace', 'replace(repeat("a", 100000), "a", repeat("b", 100))'],
  ])('rejects %s', (_name, source) => {
    const { error, elapsed } = failFast(() => run(source));
    expect(error.reason).toMatch(/string length|memory budget exceeded|steps/);
    expect(elapsed).toBeLessThan(2000);
  });

  it('honours limits passed to evaluate', () => {
    const expr = compile('map(1..50, #)');
    expect(() => evaluate(expr, {}, { limits: { maxSteps: 40 } })).toThrow(
      'evaluation exceeded the limit of 40 steps',
    );
    expect(evaluate(expr, {}, { limits: { maxSteps: 1000 } })).toHaveLength(50);
  });

  it('rejects deeply nested JSON in fromJSON', () => {
    const { error } = failFast(() => run(`fromJSON(repeat("[", 5000) + repeat("]", 5000))`));
    expect(error.reason).toBe('exceeded max depth');
  });

  it('rejects a deeply nested payload instead of overflowing the stack', () => {
    let payload: unknown = 1;
    for (let i = 0; i < 20_000; i += 1) payload = [payload];
    const { error } = failFast(() => run('event', payload));
    expect(error.reason).toBe('value nesting exceeds the limit of 1000');
    expect(failFast(() => run('event == event', payload)).error.reason).toContain('nesting');
    expect(failFast(() => run('toJSON(event)', payload)).error.reason).toContain('nesting');
  });

  it('rejects a cyclic payload', () => {
    const payload: Record<string, unknown> = {};
    payload.self = payload;
    expect(failFast(() => run('string(event)', payload)).error.reason).toContain('nesting');
  });

  it.each([
    ['(a+)+$', false],
    ['(a|a)*$', true],
    ['(a*)*b', false],
    ['^(a|aa)+$', false],
    ['(.*a){12}$', false],
    ['a*a*a*a*a*a*b', false],
    ['(x+x+)+y', false],
  ])('matches the catastrophic pattern %s in linear time', (pattern, expected) => {
    const start = performance.now();
    const expr = compile(`event.s matches "${pattern}"`);
    const subject = `${'a'.repeat(20_000)}!`;
    const matched = evaluate(expr, { event: { s: subject } }, { limits: { maxSteps: 1e7 } });
    expect(matched).toBe(expected);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('charges regular expression work to the step budget', () => {
    const expr = compile('event.s matches "(a|b|c|d)*x"');
    const { error } = failFast(() =>
      evaluate(expr, { event: { s: 'a'.repeat(200_000) } }, { limits: { maxSteps: 10_000 } }),
    );
    expect(error.reason).toBe('evaluation exceeded the limit of 10000 steps');
  });

  it('rejects oversized regular expressions', () => {
    expect(failFast(() => run('"a" matches repeat("a", 2000)')).error.reason).toBe(
      'regular expression is longer than the limit of 1000 characters',
    );
    expect(failFast(() => compile('"a" matches "a{1001}"')).error.reason).toBe(
      'error parsing regexp: invalid repeat count: `{1001}`',
    );
    expect(failFast(() => compile('"a" matches "((a{1000}){1000})"')).error.reason).toContain(
      'expression too large',
    );
  });
});
