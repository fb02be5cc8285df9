import { Badge, Loader } from '@mantine/core';
import type { MantineColor, MantineSize } from '@mantine/core';
import {
  IconCheck,
  IconCircleDashed,
  IconHandStop,
  IconHourglassHigh,
  IconMinus,
  IconX,
} from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';

import classes from './state-badge.module.css';

/**
 * States of an instance (running … canceled) and of a stage, which adds
 * pending (not started yet) and skipped (never ran because the instance ended).
 */
export type DisplayState =
  'pending' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'canceled' | 'skipped';

type StateStyle = { label: string; color: MantineColor; icon: ReactNode };

const stateStyles: Record<DisplayState, StateStyle> = {
  pending: { label: 'Pending', color: 'gray', icon: <IconCircleDashed size={12} /> },
  running: { label: 'Running', color: 'blue', icon: <Loader size={10} color="blue" /> },
  waiting: { label: 'Waiting', color: 'yellow', icon: <IconHourglassHigh size={12} /> },
  succeeded: { label: 'Succeeded', color: 'teal', icon: <IconCheck size={12} /> },
  failed: { label: 'Failed', color: 'red', icon: <IconX size={12} /> },
  canceled: { label: 'Canceled', color: 'orange', icon: <IconHandStop size={12} /> },
  skipped: { label: 'Not run', color: 'gray', icon: <IconMinus size={12} /> },
};

export function stateLabel(state: DisplayState): string {
  return stateStyles[state].label;
}

type StateBadgeProps = {
  state: DisplayState;
  size?: MantineSize;
};

/** Colour-coded badge for an instance or stage state. */
export function StateBadge({ state, size = 'sm' }: StateBadgeProps) {
  const style = stateStyles[state];

  return (
    <Badge
      color={style.color}
      variant="light"
      size={size}
      leftSection={style.icon}
      data-state={state}
      // The light variant's text (shade 6) is below 4.5:1 on its own tint in the light scheme.
      c={`light-dark(color-mix(in srgb, var(--mantine-color-${style.color}-9) 70%, black), var(--badge-color))`}
      style={{ flexShrink: 0 }}
    >
      {style.label}
    </Badge>
  );
}

/**
 * `StateBadge` drawn with one span and a CSS class instead of Mantine's `Badge`, for rows of
 * virtualized lists that mount on every scrolled frame. It looks the same at size `sm`.
 */
export function PlainStateBadge({ state }: { state: DisplayState }) {
  const style = stateStyles[state];

  return (
    <span className={classes.badge} data-state={state} style={plainBadgeColors[state]}>
      {style.icon}
      {style.label}
    </span>
  );
}

const plainBadgeColors = Object.fromEntries(
  Object.entries(stateStyles).map(([state, style]) => [
    state,
    {
      background: `var(--mantine-color-${style.color}-light)`,
      color: `light-dark(color-mix(in srgb, var(--mantine-color-${style.color}-9) 70%, black), var(--mantine-color-${style.color}-light-color))`,
    },
  ]),
) as Record<DisplayState, CSSProperties>;
