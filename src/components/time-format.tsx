import { SegmentedControl } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';

import { formatDateTime, formatRelative } from '@/lib/format';

/** How dates are shown across the console: "5 minutes ago" or "Mar 2, 2025, 09:15:04 UTC". */
export type TimeFormat = 'relative' | 'absolute';

/** localStorage key of the time format preference. */
export const timeFormatStorageKey = 'flowdeck:time-format';

function parseTimeFormat(value: string | undefined): TimeFormat {
  return value === 'absolute' ? 'absolute' : 'relative';
}

/**
 * Returns the time format preference and its setter. The value lives in
 * localStorage, and every component that uses this hook follows a change at
 * once (Mantine's `useLocalStorage` sends an event within the tab).
 */
export function useTimeFormat() {
  return useLocalStorage<TimeFormat>({
    key: timeFormatStorageKey,
    defaultValue: 'relative',
    getInitialValueInEffect: false,
    serialize: (value) => value,
    deserialize: parseTimeFormat,
  });
}

/** Formats a date in the given format; `now` is the reference of relative dates. */
export function formatTime(value: string, format: TimeFormat, now: number): string {
  return format === 'absolute' ? formatDateTime(value) : formatRelative(value, now);
}

/** Formats a date in the format that is not shown, for a tooltip or a `title`. */
export function formatOtherTime(value: string, format: TimeFormat, now: number): string {
  return formatTime(value, format === 'absolute' ? 'relative' : 'absolute', now);
}

/** Switch between relative and absolute dates, shared by every page. */
export function TimeFormatToggle() {
  const [format, setFormat] = useTimeFormat();

  return (
    <SegmentedControl
      aria-label="Time format"
      size="xs"
      value={format}
      onChange={(value) => setFormat(parseTimeFormat(value))}
      data={[
        { value: 'relative', label: 'Relative' },
        { value: 'absolute', label: 'Absolute' },
      ]}
    />
  );
}
