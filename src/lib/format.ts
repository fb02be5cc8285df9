/** Display helpers for ids, dates and durations. Pure functions, English output. */

const SHORT_ID_LENGTH = 8;

/** Returns the first eight characters of an id (a UUID's first group). */
export function shortId(id: string): string {
  return id.length > SHORT_ID_LENGTH ? id.slice(0, SHORT_ID_LENGTH) : id;
}

/**
 * Parses an RFC 3339 date to epoch milliseconds. The server writes up to nine
 * fractional digits, which are cut to milliseconds first. NaN when invalid.
 */
export function toEpochMs(value: string | Date): number {
  if (value instanceof Date) return value.getTime();

  return Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
}

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** Formats an RFC 3339 date in the browser's time zone, e.g. "Mar 2, 2025, 09:15:04 UTC". */
export function formatDateTime(value: string | Date): string {
  const time = toEpochMs(value);

  if (Number.isNaN(time)) return String(value);

  return dateTimeFormat.format(time);
}

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const relativeUnits: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Formats a date relative to `now`, e.g. "5 minutes ago", "in 2 hours", "now". */
export function formatRelative(value: string | Date, now: number = Date.now()): string {
  const time = toEpochMs(value);

  if (Number.isNaN(time)) return String(value);

  const seconds = Math.round((time - now) / 1000);

  if (Math.abs(seconds) < 10) return 'just now';

  for (const [unit, size] of relativeUnits) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }

  return relativeFormat.format(seconds, 'second');
}

/** Formats milliseconds compactly: "350 ms", "4.2 s", "3m 05s", "2h 04m", "3d 4h". */
export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return '—';
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;

  const totalSeconds = milliseconds / 1000;

  if (totalSeconds < 60) return `${totalSeconds.toFixed(1)} s`;

  const seconds = Math.floor(totalSeconds) % 60;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600) % 24;
  const days = Math.floor(totalSeconds / 86400);
  const pad = (value: number) => String(value).padStart(2, '0');

  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;

  return `${minutes}m ${pad(seconds)}s`;
}

/**
 * Returns the milliseconds between two dates; an open interval (no `end`)
 * runs until `now`. Returns undefined when a date is invalid.
 */
export function durationBetween(
  start: string,
  end: string | undefined,
  now: number = Date.now(),
): number | undefined {
  const startTime = toEpochMs(start);
  const endTime = end === undefined ? now : toEpochMs(end);

  if (Number.isNaN(startTime) || Number.isNaN(endTime)) return undefined;

  return Math.max(0, endTime - startTime);
}
