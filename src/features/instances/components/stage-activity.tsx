import { Group, SimpleGrid, Stack, Text } from '@mantine/core';

import { JsonView } from '@/components/json-view';
import { RelativeTime } from '@/components/relative-time';
import { StateBadge } from '@/components/state-badge';
import type { DisplayState } from '@/components/state-badge';
import { durationBetween, formatDuration } from '@/lib/format';
import type { StageHistory } from '@/lib/orchestration/schemas';

import { Fact } from './instance-header';
import { CopyLinkButton } from './timeline/copy-link-button';
import classes from './timeline/timeline.module.css';

type StageActivityProps = {
  stage: number;
  /** 0-based position of the activity in the stage history. */
  index: number;
  activity: StageHistory;
  /** Absolute URL of this activity, for the copy-link button. */
  link?: string;
};

/** One activity of a stage: name, attempts, times, failure, next retry, input and output. */
export function StageActivity({ stage, index, activity, link }: StageActivityProps) {
  const duration = durationBetween(activity.startedAt, activity.terminatedAt);

  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed" ff="monospace">
          #{index}
        </Text>
        <Text size="sm" fw={600} ff="monospace">
          {activity.name}
        </Text>
        <Text size="xs" fw={activity.attempt > 1 ? 700 : 500}>
          attempt {activity.attempt}
        </Text>
        <StateBadge state={activityState(activity)} size="xs" />
        <Group gap={4} ml="auto" wrap="nowrap">
          {link && (
            <CopyLinkButton url={link} label={`Copy link to activity ${index} of stage ${stage}`} />
          )}
        </Group>
      </Group>
      <Group gap="lg" wrap="wrap">
        <Fact size="xs" label="Started">
          <RelativeTime value={activity.startedAt} size="xs" />
        </Fact>
        <Fact size="xs" label="Ended">
          {activity.terminatedAt ? <RelativeTime value={activity.terminatedAt} size="xs" /> : '—'}
        </Fact>
        <Fact size="xs" label="Duration">
          {duration === undefined ? '—' : formatDuration(duration)}
        </Fact>
        {activity.nextExecution && (
          <Fact size="xs" label="Next retry">
            <RelativeTime value={activity.nextExecution} size="xs" />
          </Fact>
        )}
      </Group>
      {activity.error && <Failure label="Error" message={activity.error} />}
      {activity.lastFailure && <Failure label="Last failure" message={activity.lastFailure} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
        <JsonView value={activity.input} label={`Input of activity ${index}`} expandDepth={1} />
        {activity.output === undefined ? (
          <Text size="xs" c="dimmed">
            No output.
          </Text>
        ) : (
          <JsonView value={activity.output} label={`Output of activity ${index}`} expandDepth={1} />
        )}
      </SimpleGrid>
    </Stack>
  );
}

function Failure({ label, message }: { label: string; message: string }) {
  return (
    <Text size="xs" className={classes.errorText} style={{ overflowWrap: 'anywhere' }}>
      <b>{label}:</b> {message}
    </Text>
  );
}

function activityState(activity: StageHistory): DisplayState {
  if (activity.error) return 'failed';

  return activity.terminated ? 'succeeded' : 'running';
}
