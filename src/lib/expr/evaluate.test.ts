import { describe, expect, it } from 'vitest';

import { ExprError, compile, evaluate, formatVarValue } from './index';

const event = {
  ledger: 'creators-eu',
  amount: 250000,
  rate: 0.5,
  name: 'Ada',
  tags: ['vip', 'eu'],
  nested: { a: { b: 'deep' } },
  items: [
    { amount: 50, asset: 'EUR/2' },
    { amount: 150, asset: 'USD/2' },
    { amount: 300, asset: 'EUR/2' },
  ],
  empty: null,
  flag: true,
};

function run(source: string, payload: unknown = event): unknown {
  return evaluate(compile(source), { event: payload });
}

function errorOf(source: string, payload: unknown = event): ExprError {
  try {
    run(source, payload);
  } catch (error) {
    if (error instanceof ExprError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('evaluate operators', () => {
  it.each([
    ['1 + 2', 3],
    ['1 + 2.5', 3.5],
    ['7 - 10', -3],
    ['3 * 4', 12],
    ['10 / 4', 2.5],
    ['10 / 5', 2],
    ['7 % 3', 1],
    ['-7 % 3', -1],
    ['2 ** 10', 1024],
    ['2 ^ 3', 8],
    ['2 ** 3 ** 2', 512],
    ['-2 ** 2', -4],
    ['+5', 5],
    ['-event.amount', -250000],
    ['1_000 + 1e3', 2000],
    ['0x1F + 0o17 + 0b11', 49],
    ['.5 + 1.', 1.5],
    ['"foo" + "bar"', 'foobar'],
    ["'it''s'", undefined],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 2 - 3', 5],
    ['2 * 3 % 4', 2],
    ['true || false && false', true],
    ['(true || false) && false', false],
    ['not true or true', true],
    ['!(1 == 1)', false],
    ['1 == 1.0', true],
    ['event.amount == 250000', true],
    ['event.amount != 250000', false],
    ['"a" == "a"', true],
    ['nil == nil', true],
    ['event.missing == nil', true],
    ['event.empty == nil', true],
    ['1 == "1"', undefined],
    ['[1, 2] == [1.0, 2.0]', true],
    ['{a: 1} == {a: 1}', true],
    ['event.rate < 1', true],
    ['2 <= 2', true],
    ['3 > 2.5', true],
    ['"abc" < "abd"', true],
    ['"b" >= "abc"', true],
    ['1 < 2 < 3', true],
    ['3 > 2 > 2', false],
    ['"vip" in event.tags', true],
    ['"us" in event.tags', false],
    ['"us" not in event.tags', true],
    ['"ledger" in event', true],
    ['"missing" in event', false],
    ['2 in [1.0, 2.0]', true],
    ['1 in event.missing', false],
    ['event.name contains "d"', true],
    ['event.name not contains "z"', true],
    ['event.ledger startsWith "creators"', true],
    ['event.ledger endsWith "-eu"', true],
    ['event.ledger not endsWith "-us"', true],
    ['event.missing contains "a"', false],
    ['event.ledger matches "^creators-[a-z]+$"', true],
    ['event.ledger not matches "^x"', true],
    ['event.missing matches "x"', false],
    ['event.missing ?? "none"', 'none'],
    ['event.name ?? "none"', 'Ada'],
    ['event.flag ? "yes" : "no"', 'yes'],
    ['false ? 1 : true ? 2 : 3', 2],
    ['1..4', [1, 2, 3, 4]],
    ['3..1', []],
    ['event.nested.a.b', 'deep'],
    ['event["nested"]["a"].b', 'deep'],
    ['event.tags[0]', 'vip'],
    ['event.tags[-1]', 'eu'],
    ['event.items[1].amount', 150],
    ['event.items[1:].amount', undefined],
    ['event.tags[0:1]', ['vip']],
    ['[1, 2, 3, 4, 5][1:4]', [2, 3, 4]],
    ['[1, 2, 3, 4, 5][1:-1]', [2, 3, 4]],
    ['[1, 2, 3, 4, 5][:2]', [1, 2]],
    ['[1, 2, 3, 4, 5][3:]', [4, 5]],
    ['"hello"[1:3]', 'el'],
    ['event.missing?.x', null],
    ['event.missing?.x.y.z', null],
    ['event?.nested?.a?.b', 'deep'],
    ['event.missing?.["x"]', null],
    ['{a: 1, "b c": 2, 3: 4}', { a: 1, 'b c': 2, '3': 4 }],
    ['[1, "two", nil, true]', [1, 'two', null, true]],
    ['[1, 2,]', [1, 2]],
    ['let x = 2; x * event.rate', 1],
    ['if event.flag { "on" } else { "off" }', 'on'],
    ['1; 2; 3', 3],
    ['event.amount / 1000 | int()', 250],
    ['$env.event.name', 'Ada'],
    ['/* comment */ 1 + // line comment\n 2', 3],
  ])('%s', (source, expected) => {
    if (expected === undefined) {
      expect(() => run(source)).toThrow(ExprError);
      return;
    }
    expect(run(source)).toEqual(expected);
  });

  it('keeps int and float kinds apart', () => {
    expect(formatVarValue(run('[1000000, 1000000.0, 10 / 5, 2 * 3, event.amount * 4]'))).toBe(
      '[1000000 1e+06 2 6 1e+06]',
    );
  });

  it('wraps integer overflow like Go int64', () => {
    expect(run('9223372036854775807 + 1')).toBe(-9223372036854775808);
  });

  it('reads missing map keys as nil', () => {
    expect(run('event.nested.missing')).toBeNull();
    expect(run('event["no such key"]')).toBeNull();
  });

  it('ignores inherited object properties', () => {
    expect(run('event.constructor')).toBeNull();
    expect(run('event.__proto__')).toBeNull();
    expect(run('{__proto__: 1}.__proto__')).toBe(1);
  });
});

describe('evaluate errors', () => {
  it.each([
    ['event.missing.x', 'cannot fetch x from <nil> (1:15)'],
    ['event.missing[0]', 'cannot fetch 0 from <nil> (1:14)'],
    ['event.name.x', 'invalid operation: int(string)'],
    ['event.amount.x', 'cannot fetch x from float64 (1:14)'],
    ['event.missing + event.empty', 'invalid operation: <nil> + <nil> (1:15)'],
    ['event.name + 1', 'invalid operation: string + int (1:12)'],
    ['event.name - 1', 'invalid operation: string - int'],
    ['event.amount % 2', 'invalid operation: float64 % int (1:14)'],
    ['event.tags[2]', 'index out of range: 2 (array length is 2) (1:11)'],
    ['event.tags[-3]', 'index out of range: -1 (array length is 2)'],
    ['event.tags["x"]', 'invalid operation: int(string)'],
    ['event.name < 1', 'invalid operation: string < int'],
    ['event.missing < 1', 'invalid operation: <nil> < int'],
    ['!event.name', 'interface conversion: interface {} is string, not bool'],
    ['event.missing && true', 'interface conversion: interface {} is nil, not bool'],
    ['event.amount ? 1 : 2', 'interface conversion: interface {} is float64, not bool'],
    ['event.amount contains "1"', 'interface conversion: interface {} is float64, not string'],
    ['1 in event.name', 'operator "in" not defined on string'],
    ['1 in {a: event.amount}', 'cannot use int as type string in map key'],
    ['event.items[0].amount % 0', 'invalid operation: float64 % int'],
    ['int(event.amount) % 0', 'runtime error: integer divide by zero'],
    ['-event.name', 'invalid operation: - string'],
    ['event.missing.x ?? "fallback"', 'cannot fetch x from <nil>'],
    ['link(event, "account")', 'link() is not available here'],
  ])('%s', (source, message) => {
    expect(errorOf(source).message).toContain(message);
  });

  it('marks wrapped Go errors', () => {
    expect(errorOf('!event.name').wrapped).toBe(true);
    expect(errorOf('event.missing.x').wrapped).toBe(false);
  });

  it('reports the position of runtime errors', () => {
    const source = 'event.ledger != "x" &&\n  event.missing.amount > 1';
    const error = errorOf(source);
    expect(error.position).toEqual({ offset: source.indexOf('amount'), line: 2, column: 17 });
  });
});

describe('evaluate closures', () => {
  it.each([
    ['all(event.items, {.amount > 10})', true],
    ['all(event.items, .amount > 100)', false],
    ['any(event.items, {#.amount > 200})', true],
    ['any(event.items, # == nil)', false],
    ['none(event.items, .asset == "GBP/2")', true],
    ['one(event.items, .asset == "USD/2")', true],
    ['one(event.items, .asset == "EUR/2")', false],
    ['filter(event.items, .amount > 100) | map(.amount)', [150, 300]],
    ['map(event.items, #.asset)', ['EUR/2', 'USD/2', 'EUR/2']],
    ['map(1..3, # * 2)', [2, 4, 6]],
    ['map(1..3, #index)', [0, 1, 2]],
    ['count(event.items, .asset == "EUR/2")', 2],
    ['count([true, false, true])', 2],
    ['sum(event.items, .amount)', 500],
    ['sum([1, 2, 3])', 6],
    ['sum([1, 2.5])', 3.5],
    ['find(event.items, .amount > 100).asset', 'USD/2'],
    ['find(event.items, .amount > 1000)', null],
    ['findIndex(event.items, .amount > 100)', 1],
    ['findIndex(event.items, .amount > 1000)', -1],
    ['findLast(event.items, .asset == "EUR/2").amount', 300],
    ['findLastIndex(event.items, .asset == "EUR/2")', 2],
    ['reduce(1..4, #acc + #)', 10],
    ['reduce(1..4, #acc + #, 10)', 20],
    ['sortBy(event.items, .amount, "desc") | map(.amount)', [300, 150, 50]],
    ['groupBy(event.items, .asset)["EUR/2"] | len()', 2],
    ['any([[1, 2], [3]], any(#, # == 3))', true],
    ['filter([], # > 1)', []],
    ['all([], false)', true],
    ['map(event.items, let a = .amount; a * 2)', [100, 300, 600]],
    ['map(event.items, {let a = .amount; a * 2})', [100, 300, 600]],
  ])('%s', (source, expected) => {
    if (expected === undefined) {
      expect(() => run(source)).toThrow(ExprError);
      return;
    }
    expect(run(source)).toEqual(expected);
  });

  it('fails on a nil collection like expr-lang', () => {
    expect(errorOf('any(event.missing, # > 1)').reason).toBe(
      'reflect: call of reflect.Value.Len on zero Value',
    );
  });

  it('requires boolean predicates', () => {
    expect(errorOf('filter(event.items, .amount)').reason).toBe(
      'interface conversion: interface {} is float64, not bool',
    );
  });

  it('reports reduce on an empty array', () => {
    expect(errorOf('reduce([], #acc)').reason).toBe('reduce of empty array with no initial value');
  });
});
