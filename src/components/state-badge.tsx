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
import type { ReactNode } from 'react';

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
      style={{ flexShrink: 0 }}
    >
      {style.label}
    </Badge>
  );
}
