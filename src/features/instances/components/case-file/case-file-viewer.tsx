import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileInfo } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';

import { JsonView } from '@/components/json-view';
import type { CaseFile, TriggerOrigin } from '@/features/instances/api/case-file';
import { useUrlParams } from '@/hooks/use-url-params';
import { formatDateTime } from '@/lib/format';

import { InstanceView } from '../instance-view';
import type { ActivitiesState } from '../timeline/activities-state';
import { parseSelection } from '../timeline/timeline-model';

type CaseFileViewerProps = {
  file: CaseFile;
  fileName: string;
  /** Closes the file and returns to the file picker. */
  onClose: () => void;
};

/** Read-only instance page rendered from a case file alone: no request, no action. */
export function CaseFileViewer({ file, fileName, onClose }: CaseFileViewerProps) {
  const [searchParams, setParams] = useUrlParams();
  const selection = parseSelection(searchParams);
  const activities = useMemo(() => caseFileActivities(file), [file]);
  const selectStage = useCallback(
    (stage: number) => setParams({ stage, activity: undefined }, { replace: true }),
    [setParams],
  );

  return (
    <Stack gap="md">
      <Alert
        color="blue"
        variant="light"
        icon={<IconFileInfo size={18} />}
        title="Read-only case file"
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            <b>{fileName}</b>, exported {formatDateTime(file.exportedAt)} from{' '}
            {file.source.connection}
            {file.source.serverUrl ? ` (${file.source.serverUrl})` : ''}. This view uses only the
            file and calls no server.
          </Text>
          <Button size="xs" variant="default" onClick={onClose}>
            Open another file
          </Button>
        </Group>
      </Alert>
      <InstanceView
        instance={file.instance}
        workflow={file.workflow}
        history={file.history}
        activities={activities}
        selection={selection}
        onSelectStage={selectStage}
        eyebrow="Instance · case file"
        linkWorkflow={false}
      />
      <TriggerOriginPanel origin={file.trigger} />
    </Stack>
  );
}

function caseFileActivities(file: CaseFile): ReadonlyMap<number, ActivitiesState> {
  const map = new Map<number, ActivitiesState>();

  for (const status of file.instance.status ?? []) {
    map.set(status.stage, {
      status: 'error',
      error: new Error(`The case file holds no activities for stage ${status.stage}.`),
    });
  }
  for (const entry of file.stageHistories) {
    map.set(entry.stage, { status: 'success', data: entry.activities });
  }

  return map;
}

function TriggerOriginPanel({ origin }: { origin: TriggerOrigin }) {
  return (
    <section aria-labelledby="case-file-trigger-title">
      <Title order={2} fz="h4" mb="xs" id="case-file-trigger-title">
        Trigger occurrence
      </Title>
      <Paper withBorder p="md">
        <TriggerOriginBody origin={origin} />
      </Paper>
    </section>
  );
}

function TriggerOriginBody({ origin }: { origin: TriggerOrigin }) {
  switch (origin.status) {
    case 'found':
      return (
        <Stack gap="xs">
          <Text size="sm">
            Started by trigger <b>{origin.trigger.name || origin.trigger.id}</b> on event{' '}
            <code>{origin.trigger.event}</code>, which fired{' '}
            {formatDateTime(origin.occurrence.date)}.
          </Text>
          <JsonView value={origin.occurrence} label="Trigger occurrence" expandDepth={1} />
        </Stack>
      );
    case 'not-found':
      return (
        <Text size="sm" c="dimmed">
          No trigger occurrence started this instance
          {origin.complete ? '' : ' in the pages searched (the search stopped at its page limit)'}.
          Searched {origin.triggersSearched} trigger(s) of its workflow; the instance was probably
          started by a run request.
        </Text>
      );
    case 'error':
      return (
        <Text size="sm" c="red.8">
          The search for the trigger occurrence failed at export: {origin.message}
        </Text>
      );
  }
}
