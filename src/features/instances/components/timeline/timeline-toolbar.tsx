import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconFocusCentered, IconMaximize, IconZoomIn, IconZoomOut } from '@tabler/icons-react';

import { memo } from 'react';

import { formatDuration } from '@/lib/format';

import type { TimeRange } from './timeline-model';
import { minRangeMs } from './timeline-model';

type TimelineToolbarProps = {
  view: TimeRange;
  full: TimeRange;
  zoomed: boolean;
  canZoomToStage: boolean;
  /** Multiplies the visible span by `factor`: below 1 zooms in. */
  onZoom: (factor: number) => void;
  onFit: () => void;
  onZoomToStage: () => void;
};

/** Zoom controls of the timeline and the span it shows. */
export const TimelineToolbar = memo(function TimelineToolbar(props: TimelineToolbarProps) {
  const { view, full, zoomed } = props;
  const span = view.end - view.start;
  const fullSpan = full.end - full.start;

  return (
    <Group justify="space-between" mb={6} gap="xs">
      <Text size="xs" c="dimmed" aria-live="polite">
        {zoomed
          ? `Showing +${formatDuration(view.start - full.start)} to +${formatDuration(view.end - full.start)} of ${formatDuration(fullSpan)}`
          : `Showing all ${formatDuration(fullSpan)}`}
      </Text>
      <Group gap={4}>
        <Tooltip label="Zoom in">
          <ActionIcon
            variant="default"
            aria-label="Zoom in"
            disabled={span <= minRangeMs}
            onClick={() => props.onZoom(0.5)}
          >
            <IconZoomIn size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Zoom out">
          <ActionIcon
            variant="default"
            aria-label="Zoom out"
            disabled={!zoomed}
            onClick={() => props.onZoom(2)}
          >
            <IconZoomOut size={16} />
          </ActionIcon>
        </Tooltip>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconMaximize size={14} />}
          disabled={!zoomed}
          onClick={props.onFit}
        >
          Fit
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconFocusCentered size={14} />}
          disabled={!props.canZoomToStage}
          onClick={props.onZoomToStage}
        >
          Zoom to stage
        </Button>
      </Group>
    </Group>
  );
});
