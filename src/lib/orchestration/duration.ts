/**
 * Go `time.Duration` strings, as used by `delay` stages: parsing follows Go's
 * `time.ParseDuration` and formatting follows `Duration.String()` (Go 1.22),
 * so `"90s"` is shown as `"1m30s"` like the real server does.
 *
 * Values are nanoseconds as JS numbers, exact up to 2^53 ns (about 104 days).
 */

const unitNanoseconds: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5 micro sign
  μs: 1e3, // U+03BC Greek small letter mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const segmentPattern = /^(\d*)(?:\.(\d*))?([a-zµμ]+)/;

/** Parses a Go duration such as `1h30m`, `250ms` or `-1.5s`; returns nanoseconds or `undefined`. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;

  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;

  let total = 0;
  while (rest !== '') {
    const match = segmentPattern.exec(rest);
    if (!match) return undefined;

    const [segment, whole = '', fraction = '', unit = ''] = match;
    const scale = unitNanoseconds[unit];
    if (scale === undefined || (whole === '' && fraction === '')) return undefined;

    total += Number(whole || '0') * scale;
    if (fraction !== '') total += Number(`0.${fraction}`) * scale;
    rest = rest.slice(segment.length);
  }

  return sign * Math.round(total);
}

/** Formats `value / 10^precision` with trailing fraction zeros removed (Go's `fmtFrac` + `fmtInt`). */
function formatScaled(value: number, precision: number): string {
  const divisor = 10 ** precision;
  const whole = Math.floor(value / divisor);
  const fraction = String(value % divisor)
    .padStart(precision, '0')
    .replace(/0+$/, '');

  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** Formats nanoseconds like Go's `Duration.String()`: `0s`, `250ms`, `1m30s`, `72h0m0s`. */
export function formatGoDuration(nanoseconds: number): string {
  const value = Math.abs(Math.round(nanoseconds));
  const sign = nanoseconds < 0 && value !== 0 ? '-' : '';

  if (value === 0) return '0s';
  if (value < 1e3) return `${sign}${value}ns`;
  if (value < 1e6) return `${sign}${formatScaled(value, 3)}µs`;
  if (value < 1e9) return `${sign}${formatScaled(value, 6)}ms`;

  const seconds = `${formatScaled(value % 60e9, 9)}s`;
  const totalMinutes = Math.floor(value / 60e9);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;

  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;

  return `${sign}${seconds}`;
}
