import { floatToInt } from './numbers';
import { Duration, OperationError, goTypeName, isNumber } from './values';

/*
 * Times are JS Dates (millisecond precision, always printed in UTC) and
 * durations are Duration values in nanoseconds, a small subset of Go's time
 * package that expr-lang exposes through now(), date() and duration().
 */

const NANOS_PER_MILLI = 1_000_000n;
const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: NANOS_PER_MILLI,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats like Go's `time.Time.String()` in UTC: `2025-06-01 08:00:00.5 +0000 UTC`. */
export function formatTime(date: Date): string {
  const millis = date.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${pad(millis, 3).replace(/0+$/, '')}`;
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `${fraction} +0000 UTC`
  );
}

function decimal(whole: bigint, fraction: bigint, digits: number): string {
  const text = fraction.toString().padStart(digits, '0').replace(/0+$/, '');
  return text === '' ? whole.toString() : `${whole}.${text}`;
}

/** Formats like Go's `time.Duration.String()`: `1h2m3.5s`, `150ms`, `0s`. */
export function formatDuration(nanoseconds: bigint): string {
  if (nanoseconds === 0n) return '0s';
  const sign = nanoseconds < 0n ? '-' : '';
  const abs = nanoseconds < 0n ? -nanoseconds : nanoseconds;
  if (abs < 1_000n) return `${sign}${abs}ns`;
  if (abs < 1_000_000n) return `${sign}${decimal(abs / 1_000n, abs % 1_000n, 3)}µs`;
  if (abs < 1_000_000_000n) return `${sign}${decimal(abs / 1_000_000n, abs % 1_000_000n, 6)}ms`;
  const hours = abs / (UNITS.h as bigint);
  const minutes = (abs / (UNITS.m as bigint)) % 60n;
  const seconds = decimal((abs / 1_000_000_000n) % 60n, abs % 1_000_000_000n, 9);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

/** Parses a Go duration string such as `1h30m` or `-1.5s`. */
export function parseDuration(text: string): Duration {
  const invalid = () => new OperationError(`time: invalid duration "${text}"`, true);
  let rest = text;
  let sign = 1n;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1n : 1n;
    rest = rest.slice(1);
  }
  if (rest === '0') return new Duration(0n);
  if (rest === '') throw invalid();
  let total = 0n;
  while (rest !== '') {
    const match = /^(\d*)(?:\.(\d*))?([^\d.]*)/.exec(rest);
    const [whole = '', fraction = '', unit = ''] = match ? match.slice(1) : [];
    if (!match || (whole === '' && fraction === '')) throw invalid();
    if (unit === '') {
      throw new OperationError(`time: missing unit in duration "${text}"`, true);
    }
    const scale = UNITS[unit];
    if (scale === undefined) {
      throw new OperationError(`time: unknown unit "${unit}" in duration "${text}"`, true);
    }
    const fractionScale = 10n ** BigInt(fraction.length);
    total += BigInt(whole || '0') * scale + (BigInt(fraction || '0') * scale) / fractionScale;
    rest = rest.slice(match[0].length);
  }
  return new Duration(sign * total);
}

/** Parses date() input in the layouts expr-lang tries first: date, time, date and time, RFC 3339. */
export function parseDate(text: string): Date {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const timeOnly = /^(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  const dateTime =
    /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  let millis: number | undefined;
  if (dateOnly) {
    millis = utc(dateOnly.slice(1, 4).map(Number));
  } else if (timeOnly) {
    millis = utc([0, 1, 1, ...timeOnly.slice(1, 4).map(Number)]);
  } else if (dateTime && (dateTime[8] !== undefined) === text.includes('T')) {
    const fields = dateTime.slice(1, 7).map(Number);
    const fraction = Math.floor(Number(`0${dateTime[7] ?? ''}`) * 1000);
    const zone = dateTime[8] ?? 'Z';
    const zoneSign = zone.startsWith('-') ? -1 : 1;
    const offsetMinutes =
      zone === 'Z' ? 0 : zoneSign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
    millis = utc(fields) + fraction - offsetMinutes * 60_000;
  }
  if (millis === undefined || Number.isNaN(millis)) {
    throw new OperationError(`invalid date ${text}`, true);
  }
  return new Date(millis);
}

function utc(fields: number[]): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const valid = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid && hour < 24 && minute < 60 && second < 60 ? date.getTime() : NaN;
}

export function addDuration(date: Date, duration: Duration): Date {
  return new Date(date.getTime() + Number(duration.nanoseconds / NANOS_PER_MILLI));
}

export function subtractTimes(left: Date, right: Date): Duration {
  return new Duration(BigInt(left.getTime() - right.getTime()) * NANOS_PER_MILLI);
}

function expectTime(value: unknown, method: string): Date {
  if (!(value instanceof Date)) {
    throw new OperationError(`cannot use ${goTypeName(value)} as argument to ${method}`);
  }
  return value;
}

/** Calls a method of time.Time or time.Duration; returns undefined when there is no such method. */
export function callTimeMethod(target: Date | Duration, name: string, args: unknown[]): unknown {
  if (target instanceof Duration) {
    const nanos = target.nanoseconds;
    const methods: Record<string, () => unknown> = {
      Hours: () => Number(nanos) / 3.6e12,
      Minutes: () => Number(nanos) / 6e10,
      Seconds: () => Number(nanos) / 1e9,
      Milliseconds: () => nanos / NANOS_PER_MILLI,
      String: () => formatDuration(nanos),
    };
    return methods[name]?.();
  }
  const date = target;
  const [first] = args;
  const methods: Record<string, () => unknown> = {
    Year: () => BigInt(date.getUTCFullYear()),
    Month: () => BigInt(date.getUTCMonth() + 1),
    Day: () => BigInt(date.getUTCDate()),
    Hour: () => BigInt(date.getUTCHours()),
    Minute: () => BigInt(date.getUTCMinutes()),
    Second: () => BigInt(date.getUTCSeconds()),
    Weekday: () => BigInt(date.getUTCDay()),
    YearDay: () =>
      BigInt(Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 864e5) + 1),
    Unix: () => BigInt(Math.floor(date.getTime() / 1000)),
    UnixMilli: () => BigInt(date.getTime()),
    UTC: () => date,
    String: () => formatTime(date),
    Before: () => date.getTime() < expectTime(first, name).getTime(),
    After: () => date.getTime() > expectTime(first, name).getTime(),
    Equal: () => date.getTime() === expectTime(first, name).getTime(),
    Sub: () => subtractTimes(date, expectTime(first, name)),
    Add: () => {
      if (first instanceof Duration) return addDuration(date, first);
      if (isNumber(first)) {
        const nanos = typeof first === 'bigint' ? first : floatToInt(first);
        return addDuration(date, new Duration(nanos));
      }
      throw new OperationError(`cannot use ${goTypeName(first)} as argument to Add`);
    },
  };
  return methods[name]?.();
}
