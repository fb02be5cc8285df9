import { describe, expect, it } from 'vitest';

import { textToValue, valueToText } from './field-value';

describe('textToValue', () => {
  it('removes the field for empty text', () => {
    expect(textToValue('', 'text')).toBeUndefined();
  });

  it('keeps integers as numbers', () => {
    expect(textToValue('350', 'integer')).toBe(350);
    expect(textToValue('-4', 'integer')).toBe(-4);
  });

  it('keeps text that is not a plain integer as typed', () => {
    expect(textToValue('${cents}', 'integer')).toBe('${cents}');
    expect(textToValue('007', 'integer')).toBe('007');
    expect(textToValue('1.5', 'integer')).toBe('1.5');
    expect(textToValue('99999999999999999999', 'integer')).toBe('99999999999999999999');
  });

  it('reads true and false as booleans', () => {
    expect(textToValue('true', 'boolean')).toBe(true);
    expect(textToValue('false', 'boolean')).toBe(false);
    expect(textToValue('${overdraft}', 'boolean')).toBe('${overdraft}');
  });

  it('never converts text fields', () => {
    expect(textToValue('350', 'text')).toBe('350');
  });
});

describe('valueToText', () => {
  it('shows every scalar as text', () => {
    expect(valueToText(undefined)).toBe('');
    expect(valueToText(125000)).toBe('125000');
    expect(valueToText(true)).toBe('true');
    expect(valueToText({ a: 1 })).toBe('{"a":1}');
  });
});
