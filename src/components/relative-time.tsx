import { Text, Tooltip } from '@mantine/core';
import type { TextProps } from '@mantine/core';

import { useNow } from '@/hooks/use-now';
import { formatDateTime, formatRelative } from '@/lib/format';

type RelativeTimeProps = TextProps & {
  /** RFC 3339 date. */
  value: string;
};

/** A date shown relative to now ("5 minutes ago"), with the absolute date in a tooltip. */
export function RelativeTime({ value, ...textProps }: RelativeTimeProps) {
  const now = useNow(30_000);

  return (
    <Tooltip label={formatDateTime(value)} withinPortal>
      <Text component="time" dateTime={value} size="sm" {...textProps}>
        {formatRelative(value, now)}
      </Text>
    </Tooltip>
  );
}
