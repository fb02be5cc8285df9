/** Source of the current time; tests pass their own to shift time forward. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Clock that runs `offsetMs` ahead of the system clock. */
export function offsetClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** Formats a date as RFC 3339 in UTC with a `Z` suffix and milliseconds. */
export function formatDate(date: Date): string {
  return date.toISOString();
}
