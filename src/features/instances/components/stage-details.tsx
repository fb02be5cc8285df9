import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { JsonView } from '@/components/json-view';

import type { StageRow } from './instance-stages-model';
import { StageActivity } from './stage-activity';
import type { ActivitiesState } from './timeline/activities-state';

type StageDetailsProps = {
  row: StageRow;
  activities: ActivitiesState;
  /** 0-based activity picked by the URL (`?activity=`), highlighted and scrolled into view. */
  selectedActivity?: number;
  /** Builds the absolute URL of one activity; no copy-link buttons without it. */
  activityLink?: (activity: number) => string;
};

/** Expanded stage: its config, resolved input and activities (input, output, attempts, failures). */
export function StageDetails({
  row,
  activities,
  selectedActivity,
  activityLink,
}: StageDetailsProps) {
  const started = row.startedAt !== undefined;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Title order={3} fz="sm" mb={6}>
            Config
          </Title>
          <JsonView value={row.config} label={`Config of stage ${row.index}`} expandDepth={1} />
        </div>
        <div>
          <Title order={3} fz="sm" mb={6}>
            Resolved input
          </Title>
          {row.input ? (
            <JsonView value={row.input} label={`Input of stage ${row.index}`} expandDepth={1} />
          ) : (
            <Text size="sm" c="dimmed">
              Not started yet.
            </Text>
          )}
        </div>
      </SimpleGrid>
      <div>
        <Title order={3} fz="sm" mb={6}>
          Activities
        </Title>
        <Activities
          row={row}
          started={started}
          activities={activities}
          selectedActivity={selectedActivity}
          activityLink={activityLink}
        />
      </div>
    </Stack>
  );
}

type ActivitiesProps = StageDetailsProps & { started: boolean };

function Activities({ row, started, activities, selectedActivity, activityLink }: ActivitiesProps) {
  if (!started) {
    return (
      <Text size="sm" c="dimmed">
        Not started yet.
      </Text>
    );
  }

  switch (activities.status) {
    case 'idle':
    case 'pending':
      return <Text size="sm">Loading activities…</Text>;
    case 'error':
      return (
        <Stack gap="xs">
          <ApiErrorAlert title="Could not load the stage history" error={activities.error} />
          {activities.retry && (
            <Group>
              <Button size="xs" variant="default" onClick={activities.retry}>
                Retry
              </Button>
            </Group>
          )}
        </Stack>
      );
    case 'success':
      break;
  }

  if (activities.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No activities: {row.kind} stages run without calling other services.
      </Text>
    );
  }

  return (
    <Stack gap="xs" role="list" aria-label={`Activities of stage ${row.index}`}>
      {activities.data.map((activity, index) => (
        <Paper
          key={`${activity.name}-${index}`}
          withBorder
          p="xs"
          role="listitem"
          data-activity={index}
          data-selected={selectedActivity === index || undefined}
          style={
            selectedActivity === index
              ? { outline: '2px solid var(--mantine-color-violet-filled)' }
              : undefined
          }
        >
          <StageActivity
            stage={row.index}
            index={index}
            activity={activity}
            link={activityLink?.(index)}
          />
        </Paper>
      ))}
    </Stack>
  );
}
