import { describe, expect, it } from 'vitest';

import { compileRegex, regexMatches } from './regex';

function matches(pattern: string, subject: string): boolean {
  return regexMatches(compileRegex(pattern), subject, () => undefined);
}

/* Patterns whose meaning is the same in RE2 and in JavaScript, checked against RegExp. */
const SHARED_PATTERNS = [
  'abc',
  '^abc$',
  'a.c',
  'a*b',
  'a+b',
  'ab?c',
  'a{2}',
  'a{2,}',
  'a{1,2}b',
  '^a{2,3}$',
  '(ab)+',
  '(?:ab|cd)e',
  'a|b|c',
  '^(foo|bar)baz$',
  '[a-c]+',
  '[^a-c]',
  '^[A-Z][a-z]*$',
  '\\d+',
  '^\\d{3}-\\d{4}$',
  '\\w+@\\w+\\.com',
  '\\bcat\\b',
  '\\Bat',
  '[.]',
  '\\.',
  '^$',
  'x*',
  '^EUR/\\d+$',
  '^(creators|fans):[a-z0-9-]+(:[a-z]+)?$',
  '[\\d\\-]+',
  'é+',
  '[à-ü]',
];
const SUBJECTS = [
  '',
  'abc',
  'aabc',
  'ac',
  'aaab',
  'b',
  'abab',
  'cde',
  'foobaz',
  'barbaz',
  'Hello',
  'hello',
  '555-1234',
  'me@site.com',
  'a cat sat',
  'concatenate',
  'bat',
  'a.b',
  'xyz',
  'EUR/2',
  'creators:c-9:earnings',
  'fans:f-12',
  'éé',
  'ü',
  '12-34',
];

describe('regexMatches', () => {
  it.each(SHARED_PATTERNS)('agrees with RegExp on %s', (pattern) => {
    const reference = new RegExp(pattern, 'u');
    for (const subject of SUBJECTS) {
      expect(matches(pattern, subject), `${pattern} on ${JSON.stringify(subject)}`).toBe(
        reference.test(subject),
      );
    }
  });

  it.each([
    ['(?i)abc', 'xABCx', true],
    ['(?i:a)b', 'Ab', true],
    ['(?i:a)b', 'AB', false],
    ['^b$', 'a\nb', false],
    ['(?m)^b$', 'a\nb\nc', true],
    ['a.b', 'a\nb', false],
    ['(?s)a.b', 'a\nb', true],
    ['abc$', 'abc\n', false],
    ['\\Aabc\\z', 'abc', true],
    ['[[:alpha:]]+\\d', 'abc1', true],
    ['[[:^digit:]]', '123', false],
    ['\\pL+', 'héllo', true],
    ['\\p{Greek}', 'αβγ', true],
    ['\\PL', 'abc', false],
    ['\\x41\\x{42}', 'AB', true],
    ['\\Qa.b\\E', 'a.b', true],
    ['\\Qa.b\\E', 'axb', false],
    ['(?P<year>\\d{4})-(?<month>\\d{2})', '2025-06', true],
    ['a{,2}', 'a{,2}', true],
    ['\\s+', 'a\tb', true],
  ])('%s on %j is %s', (pattern, subject, expected) => {
    expect(matches(pattern, subject)).toBe(expected);
  });

  it.each([
    ['(', 'error parsing regexp: missing closing ): `(`'],
    [')', 'error parsing regexp: unexpected ): `)`'],
    ['[a', 'error parsing regexp: missing closing ]: `[a`'],
    ['*a', 'error parsing regexp: missing argument to repetition operator: `*`'],
    ['[z-a]', 'error parsing regexp: invalid character class range: `z-a`'],
    ['\\p{Nope}', 'error parsing regexp: invalid character class range: `\\p{Nope}`'],
    ['(?!a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?!`'],
    ['\\', 'error parsing regexp: trailing backslash at end of expression: ``'],
  ])('rejects %s', (pattern, message) => {
    expect(() => compileRegex(pattern)).toThrow(message);
  });

  it('reports the work it does', () => {
    let units = 0;
    regexMatches(compileRegex('(a|b)*c'), 'abababab', (count) => {
      units += count;
    });
    expect(units).toBeGreaterThan(8);
  });
});
