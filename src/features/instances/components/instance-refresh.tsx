import { Button, Group, Loader, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';

import { formatDateTime } from '@/lib/format';

type InstanceRefreshProps = {
  /** Epoch ms of the last successful fetch of the instance. */
  updatedAt: number;
  /** The instance runs, so the page polls unless paused. */
  running: boolean;
  paused: boolean;
  /** The browser tab is hidden, which suspends polling until it is visible again. */
  hidden: boolean;
  fetching: boolean;
  intervalMs: number;
  onPausedChange: (paused: boolean) => void;
};

/** Polling status of a running instance: period, last update, and a pause/resume button. */
export function InstanceRefresh(props: InstanceRefreshProps) {
  const { updatedAt, running, paused, hidden, fetching, intervalMs } = props;
  let status = '';

  if (running && paused) status = 'Refresh paused · ';
  else if (running && hidden) status = 'Refresh paused while the tab is hidden · ';
  else if (running) status = `Refreshing every ${intervalMs / 1000} s · `;

  return (
    <Group gap="xs" wrap="nowrap">
      <Group gap={6} aria-live="polite" wrap="nowrap">
        {/* The loader keeps its space while hidden, so the pause button does not shift. */}
        <Loader
          size={12}
          aria-hidden={!fetching}
          aria-label={fetching ? 'Refreshing' : undefined}
          style={{ visibility: fetching ? 'visible' : 'hidden' }}
        />
        <Text size="xs" c="dimmed" data-testid="last-updated">
          {status}Last updated {formatDateTime(new Date(updatedAt))}
        </Text>
      </Group>
      {running && (
        <Button
          size="compact-xs"
          variant="default"
          leftSection={paused ? <IconPlayerPlay size={12} /> : <IconPlayerPause size={12} />}
          onClick={() => props.onPausedChange(!paused)}
        >
          {paused ? 'Resume refresh' : 'Pause refresh'}
        </Button>
      )}
    </Group>
  );
}
