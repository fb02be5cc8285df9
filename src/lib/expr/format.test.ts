import { describe, expect, it } from 'vitest';

import { ExprError, compile, evaluate, formatVarValue } from './index';

function run(source: string, event: unknown = {}): unknown {
  return evaluate(compile(source), { event });
}

describe('formatVarValue', () => {
  it.each([
    [100, '100'],
    [12.5, '12.5'],
    [250000, '250000'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [0.000001, '0.000001'],
    [-0, '-0'],
    ['f-12', 'f-12'],
    ['', ''],
    [true, 'true'],
    [false, 'false'],
    [null, '<nil>'],
    [undefined, '<nil>'],
    [[1, 2, 3], '[1 2 3]'],
    [['a', 'b c'], '[a b c]'],
    [{ b: 2, a: 1 }, 'map[a:1 b:2]'],
    [{ a: { c: [null, true] } }, 'map[a:map[c:[<nil> true]]]'],
    [[1000000, 0.0001, 0.00001, 123456789], '[1e+06 0.0001 1e-05 1.23456789e+08]'],
    [[{ amount: 250000, asset: 'EUR/2' }], '[map[amount:250000 asset:EUR/2]]'],
  ])('formats %j as %s', (value, expected) => {
    expect(formatVarValue(value)).toBe(expected);
  });

  it('rejects NaN and infinities like Go JSON', () => {
    expect(() => formatVarValue(NaN)).toThrow('json: unsupported value: NaN');
    expect(() => formatVarValue(Infinity)).toThrow('json: unsupported value: +Inf');
  });

  it('prints integers computed by an expression without exponent', () => {
    expect(formatVarValue(run('[1000000, 2000000.0]'))).toBe('[1000000 2e+06]');
    expect(formatVarValue(run('{big: 10000000, small: 1}'))).toBe('map[big:10000000 small:1]');
    expect(formatVarValue(run('1000000 * 1000'))).toBe('1000000000');
  });

  it('prints event numbers as Go float64 inside containers', () => {
    const event = { amounts: [1000000, 12.5] };
    expect(formatVarValue(run('event.amounts', event))).toBe('[1e+06 12.5]');
    expect(formatVarValue(run('event.amounts[0]', event))).toBe('1000000');
  });

  it('returns plain JSON-safe values from evaluate', () => {
    const value = run('{a: 1, b: [2, 3.5], c: nil}');
    expect(JSON.stringify(value)).toBe('{"a":1,"b":[2,3.5],"c":null}');
  });

  it('returns event data without copying when nothing changed', () => {
    const event = { items: [{ id: 1 }] };
    expect(run('event.items', event)).toBe(event.items);
  });

  it('prints durations and times like Go', () => {
    expect(formatVarValue(run('duration("1h2m3.5s")'))).toBe('1h2m3.5s');
    expect(formatVarValue(run('duration("150ms")'))).toBe('150ms');
    expect(formatVarValue(run('duration("0s")'))).toBe('0s');
    expect(formatVarValue(run('date("2025-06-01")'))).toBe('2025-06-01 00:00:00 +0000 UTC');
  });

  it('throws ExprError from evaluate for unsupported values', () => {
    expect(() => run('toJSON(0.0 / 0.0)')).toThrow(ExprError);
  });
});
