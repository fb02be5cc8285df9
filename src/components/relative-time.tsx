import { Text } from '@mantine/core';
import type { TextProps } from '@mantine/core';

import { useNow } from '@/hooks/use-now';

import { LazyTooltip } from './lazy-tooltip';
import { formatOtherTime, formatTime, useTimeFormat } from './time-format';

type RelativeTimeProps = TextProps & {
  /** RFC 3339 date. */
  value: string;
};

/**
 * A date in the console's time format (relative, such as "5 minutes ago", or
 * absolute), with the other format in a tooltip.
 */
export function RelativeTime({ value, ...textProps }: RelativeTimeProps) {
  const now = useNow(30_000);
  const [format] = useTimeFormat();

  return (
    <LazyTooltip label={formatOtherTime(value, format, now)} withinPortal>
      <Text component="time" dateTime={value} size="sm" {...textProps}>
        {formatTime(value, format, now)}
      </Text>
    </LazyTooltip>
  );
}
