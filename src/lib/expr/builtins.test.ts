import { describe, expect, it } from 'vitest';

import { EXPR_BUILTINS, ExprError, compile, evaluate, formatVarValue } from './index';

const event = {
  name: '  Ada Lovelace  ',
  amount: 1250.5,
  count: 3,
  items: [3, 1, 2],
  meta: { b: 2, a: 1 },
  text: 'héllo',
};

function run(source: string): unknown {
  return evaluate(compile(source), { event });
}

describe('builtins', () => {
  it.each([
    ['len("héllo")', 5],
    ['len(event.items)', 3],
    ['len(event.meta)', 2],
    ['upper("abc")', 'ABC'],
    ['lower("ÀBC")', 'àbc'],
    ['trim(event.name)', 'Ada Lovelace'],
    ['trim("__a__", "_")', 'a'],
    ['trimPrefix("HelloWorld", "Hello")', 'World'],
    ['trimSuffix("HelloWorld", "World")', 'Hello'],
    ['trimPrefix(" x")', 'x'],
    ['split("a,b,c", ",")', ['a', 'b', 'c']],
    ['split("a,b,c", ",", 2)', ['a', 'b,c']],
    ['split("abc", "")', ['a', 'b', 'c']],
    ['split("a,b", ",", 0)', []],
    ['splitAfter("a,b,c", ",")', ['a,', 'b,', 'c']],
    ['join(["a", "b"], "-")', 'a-b'],
    ['join(["a", "b"])', 'ab'],
    ['replace("aaa", "a", "b")', 'bbb'],
    ['replace("aaa", "a", "b", 2)', 'bba'],
    ['replace("ab", "", "-")', '-a-b-'],
    ['repeat("ab", 3)', 'ababab'],
    ['indexOf("apple pie", "pie")', 6],
    ['indexOf("héllo", "l")', 3],
    ['indexOf("abc", "z")', -1],
    ['lastIndexOf("apple pie apple", "apple")', 10],
    ['hasPrefix("HelloWorld", "Hello")', true],
    ['hasSuffix("HelloWorld", "World")', true],
    ['int("42")', 42],
    ['int(event.amount)', 1250],
    ['int(-2.9)', -2],
    ['float("1.5")', 1.5],
    ['float(2)', 2],
    ['string(123)', '123'],
    ['string(event.amount)', '1250.5'],
    ['string(event.meta)', 'map[a:1 b:2]'],
    ['string(nil)', '<nil>'],
    ['keys(event.meta)', ['a', 'b']],
    ['values(event.meta)', [1, 2]],
    ['abs(-5)', 5],
    ['abs(-2.5)', 2.5],
    ['ceil(1.2)', 2],
    ['floor(1.8)', 1],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['max(5, 7)', 7],
    ['max(event.items)', 3],
    ['min(event.items, 0.5)', 0.5],
    ['max([])', null],
    ['mean([1, 2, 3, 4])', 2.5],
    ['median([3, 1, 2])', 2],
    ['sum(event.items)', 6],
    ['first(event.items)', 3],
    ['last(event.items)', 2],
    ['first([])', null],
    ['get(event.items, 5)', null],
    ['get(event.meta, "a")', 1],
    ['get(nil, "a")', null],
    ['take(event.items, 2)', [3, 1]],
    ['reverse(event.items)', [2, 1, 3]],
    ['uniq([1, 2, 1.0, "a", "a"])', [1, 2, 'a']],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ['flatten([1, [2, [3]]])', [1, 2, 3]],
    ['sort(event.items)', [1, 2, 3]],
    ['sort(event.items, "desc")', [3, 2, 1]],
    ['toPairs({a: 1})', [['a', 1]]],
    ['fromPairs([["a", 1]])', { a: 1 }],
    ['type(1)', 'int'],
    ['type(1.5)', 'float'],
    ['type("a")', 'string'],
    ['type(nil)', 'nil'],
    ['type([])', 'array'],
    ['type({})', 'map'],
    ['type(true)', 'bool'],
    ['toJSON(event.meta)', '{\n  "a": 1,\n  "b": 2\n}'],
    ['toJSON("<a&b>")', '"\\u003ca\\u0026b\\u003e"'],
    ['toJSON([])', '[]'],
    ['fromJSON("{\\"a\\": [1, 2.5, null]}")', { a: [1, 2.5, null] }],
    ['toBase64("héllo")', 'aMOpbGxv'],
    ['fromBase64("aMOpbGxv")', 'héllo'],
    ['bitand(12, 10)', 8],
    ['bitor(12, 10)', 14],
    ['bitxor(12, 10)', 6],
    ['bitnand(10, 12)', 2],
    ['bitnot(10)', -11],
    ['bitshl(45, 2)', 180],
    ['bitshr(45, 2)', 11],
    ['string(bitushr(-5, 2))', '4611686018427387902'],
    ['duration("1h30m").Minutes()', 90],
    ['date("2025-06-01T08:00:00Z").Year()', 2025],
    ['date("2025-06-01") < date("2025-06-02")', true],
    ['date("2025-06-01T10:00:00+02:00") == date("2025-06-01 08:00:00")', true],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it.each([
    ['upper(event.amount)', 'interface conversion: interface {} is float64, not string'],
    ['len(event.amount)', 'invalid argument for len (type float64)'],
    ['int("12.5")', 'invalid operation: int(12.5)'],
    ['float("abc")', 'invalid operation: float(abc)'],
    ['repeat("a", -1)', 'invalid argument for repeat (expected positive integer, got -1)'],
    ['join([1, 2], ",")', 'interface conversion: interface {} is int, not string'],
    ['keys(event.items)', 'cannot get keys from slice'],
    ['fromJSON("{")', 'unexpected end of JSON input'],
    ['fromBase64("%%")', 'illegal base64 data at input byte 0'],
    ['duration("1d")', 'time: unknown unit "d" in duration "1d"'],
    ['date("yesterday")', 'invalid date yesterday'],
    ['sort([1, "a"])', 'invalid operation:'],
  ])('%s fails', (source, message) => {
    expect(() => run(source)).toThrow(message);
  });

  it('uses the injected clock for now()', () => {
    const expr = compile('now()');
    const now = () => new Date('2025-06-01T08:00:00.5Z');
    expect(formatVarValue(evaluate(expr, {}, { now }))).toBe('2025-06-01 08:00:00.5 +0000 UTC');
    expect(evaluate(compile('now().Hour()'), {}, { now })).toBe(8);
  });

  it('subtracts times into durations', () => {
    const value = run('date("2025-06-01T10:00:00Z") - date("2025-06-01T08:30:00Z")');
    expect(formatVarValue(value)).toBe('1h30m0s');
  });

  it('lists every builtin for autocompletion', () => {
    for (const name of ['len', 'any', 'filter', 'link', 'toJSON', 'now', 'findIndex']) {
      expect(EXPR_BUILTINS).toContain(name);
    }
    for (const name of EXPR_BUILTINS) {
      const source = `${name}()`;
      const error = (() => {
        try {
          compile(source);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      if (error !== undefined) expect(error).toBeInstanceOf(ExprError);
      expect(String(error ?? '')).not.toContain('unknown name');
    }
  });
});
