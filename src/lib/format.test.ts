import { describe, expect, it } from 'vitest';

import {
  durationBetween,
  formatDateTime,
  formatDuration,
  formatRelative,
  shortId,
  toEpochMs,
} from './format';

describe('shortId', () => {
  it('keeps the first group of a UUID', () => {
    expect(shortId('5f0c2a9e-1d7b-4c1e-9a63-2b8d0e4f7a10')).toBe('5f0c2a9e');
  });

  it('keeps short ids whole', () => {
    expect(shortId('abc')).toBe('abc');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2025-03-02T12:00:00Z');

  it('formats past and future dates', () => {
    expect(formatRelative('2025-03-02T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2025-03-02T14:00:00Z', now)).toBe('in 2 hours');
    expect(formatRelative('2025-03-01T12:00:00Z', now)).toBe('yesterday');
  });

  it('says just now within ten seconds', () => {
    expect(formatRelative('2025-03-02T11:59:55Z', now)).toBe('just now');
  });

  it('returns invalid input unchanged', () => {
    expect(formatRelative('not a date', now)).toBe('not a date');
  });
});

describe('formatDuration', () => {
  it.each([
    [350, '350 ms'],
    [4200, '4.2 s'],
    [185_000, '3m 05s'],
    [7_440_000, '2h 04m'],
    [273_600_000, '3d 4h'],
  ])('formats %i ms as %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });

  it('returns a dash for negative values', () => {
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('durationBetween', () => {
  it('measures closed and open intervals', () => {
    const now = Date.parse('2025-03-02T09:16:00Z');

    expect(durationBetween('2025-03-02T09:15:00Z', '2025-03-02T09:15:30Z', now)).toBe(30_000);
    expect(durationBetween('2025-03-02T09:15:00Z', undefined, now)).toBe(60_000);
  });

  it('returns undefined for invalid dates', () => {
    expect(durationBetween('nope', undefined)).toBeUndefined();
  });
});

describe('formatDateTime', () => {
  it('includes date, time and zone', () => {
    const text = formatDateTime('2025-03-02T09:15:04Z');

    expect(text).toMatch(/2025/);
    expect(text).toMatch(/\d{2}:15:04/);
  });
});

describe('toEpochMs', () => {
  it('parses nanosecond fractions', () => {
    expect(toEpochMs('2025-03-02T09:15:04.120331999Z')).toBe(
      Date.parse('2025-03-02T09:15:04.120Z'),
    );
  });
});
