import { Button, Group, Progress, Stack, Text } from '@mantine/core';

import { ApiErrorAlert } from '@/components/api-error-alert';
import {
  matchesTerminatedOnly,
  maxBulkInstances,
} from '@/features/instances/api/collect-instances';
import type {
  CollectProgress,
  CollectResult,
  MatchingFilters,
} from '@/features/instances/api/collect-instances';
import type { ApiVersion } from '@/lib/query-keys';

import { BulkActionDialog, plural } from './bulk-action-dialog';
import type { BulkActionKind, BulkActionRequest } from './bulk-action-dialog';
import { commonWaitingEvent } from './bulk-targets';
import type { MatchingState } from './use-matching-instances';

type MatchingBulkDialogProps = {
  kind: BulkActionKind;
  filters: MatchingFilters;
  state: MatchingState;
  version: ApiVersion;
  onStop: () => void;
  onRetry: () => void;
  onClose: () => void;
};

const limitText = plural(maxBulkInstances, 'instance');

/** Explains which instances a finished collection includes and which it leaves out. */
export function describeCollection(filters: MatchingFilters, result: CollectResult): string[] {
  if (matchesTerminatedOnly(filters)) {
    return [
      'These filters match terminated instances only, and a terminated instance cannot be canceled or receive events.',
    ];
  }

  const notes = [
    `Found on the server across every page, not only the loaded rows, up to ${limitText}. Terminated instances are left out.`,
  ];

  if (result.stopped) {
    notes.push(
      `The search was stopped: only the ${plural(result.instances.length, 'instance')} found until then are included.`,
    );
  }

  if (result.truncated) {
    notes.push(
      `More than ${limitText} match. Only the first ${limitText} found are included; run the action again for the rest.`,
    );
  }

  if (result.unchecked > 0) {
    notes.push(
      `${plural(result.unchecked, 'instance')} could not be read to check the "waiting" outcome, so they are left out.`,
    );
  }

  return notes;
}

function CollectingProgress({
  progress,
  onStop,
}: {
  progress: CollectProgress;
  onStop: () => void;
}) {
  const checking = progress.phase === 'checking';
  const percent =
    checking && progress.listed > 0 ? (progress.checked / progress.listed) * 100 : 100;

  return (
    <Stack gap="sm">
      <Text size="sm">
        Finding every running instance that matches the filters, at most {limitText}.
      </Text>
      <Progress
        value={percent}
        animated
        striped
        aria-label="Search progress"
        transitionDuration={0}
      />
      <Group justify="space-between" gap="sm">
        <Text size="sm" aria-live="polite">
          {checking
            ? `Checking which instances wait: ${plural(progress.checked, 'instance')} of ${plural(progress.listed, 'instance')} checked`
            : `${plural(progress.listed, 'running instance')} found so far`}
        </Text>
        <Button size="xs" variant="default" onClick={onStop}>
          Stop searching
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Bulk action on every instance that matches the list filters on the server:
 * shows the search progress with a Stop button, then the usual confirmation
 * with the number found, the run and its results.
 */
export function MatchingBulkDialog({
  kind,
  filters,
  state,
  version,
  onStop,
  onRetry,
  onClose,
}: MatchingBulkDialogProps) {
  const done = state.status === 'done';
  const request: BulkActionRequest = done
    ? {
        kind,
        instanceIDs: state.result.instances.map((instance) => instance.id),
        skippedTerminated: 0,
        eventName: kind === 'send-event' ? commonWaitingEvent(state.result.instances) : undefined,
        notes: describeCollection(filters, state.result),
      }
    : { kind, instanceIDs: [], skippedTerminated: 0 };

  let preparing = null;
  if (state.status === 'error') {
    preparing = (
      <ApiErrorAlert
        title="Could not list the matching instances"
        error={state.error}
        onRetry={onRetry}
      />
    );
  } else if (state.status === 'collecting') {
    preparing = <CollectingProgress progress={state.progress} onStop={onStop} />;
  } else if (state.status === 'idle') {
    preparing = (
      <CollectingProgress progress={{ phase: 'listing', listed: 0, checked: 0 }} onStop={onStop} />
    );
  }

  return (
    <BulkActionDialog
      request={request}
      version={version}
      onClose={onClose}
      preparing={preparing ?? undefined}
    />
  );
}
