import { describe, expect, it } from 'vitest';

import { formatGoDuration, parseGoDuration } from './duration';

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['45s', 45e9],
    ['1h30m', 5_400e9],
    ['250ms', 250e6],
    ['1.5h', 5_400e9],
    ['.5s', 5e8],
    ['1us', 1e3],
    ['1µs', 1e3],
    ['3ns', 3],
    ['-1m', -60e9],
    ['+2s', 2e9],
    ['72h', 259_200e9],
  ])('parses %s', (text, nanoseconds) => {
    expect(parseGoDuration(text)).toBe(nanoseconds);
  });

  it.each(['', '5', 'soon', '1d', 's', '1h 30m', '.s', '--1s'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [3, '3ns'],
    [1_500, '1.5µs'],
    [250e6, '250ms'],
    [1.5e9, '1.5s'],
    [90e9, '1m30s'],
    [3_600e9, '1h0m0s'],
    [259_200e9, '72h0m0s'],
    [5_400.5e9, '1h30m0.5s'],
    [-60e9, '-1m0s'],
  ])('formats %d ns as %s', (nanoseconds, text) => {
    expect(formatGoDuration(nanoseconds)).toBe(text);
  });
});
