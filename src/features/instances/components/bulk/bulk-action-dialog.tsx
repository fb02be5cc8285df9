import { Button, Group, Modal, Progress, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';

import { useWriteAccess } from '@/lib/connection/connection-context';
import type { ApiVersion } from '@/lib/query-keys';

import { BulkResultsTable } from './bulk-results-table';
import { summarizeBulk } from './bulk-runner';
import { useBulkRun } from './use-bulk-run';
import type { BulkAction } from './use-bulk-run';
import { mutedTextColor } from '../list/text-colors';

export type BulkActionKind = BulkAction['kind'];

export type BulkActionRequest = {
  kind: BulkActionKind;
  /** Instances the action applies to, fixed when the dialog opens. */
  instanceIDs: string[];
  /** Selected instances left out because they are known to be terminated. */
  skippedTerminated: number;
  /** Event name filled in for "send event", e.g. the event the instances wait for. */
  eventName?: string;
  /** Facts about how the targets were chosen, shown before the user confirms. */
  notes?: string[];
};

type BulkActionDialogProps = {
  request: BulkActionRequest;
  version: ApiVersion;
  onClose: () => void;
  /**
   * Shown in place of the confirmation while the targets are still being
   * found; `request.instanceIDs` is then ignored.
   */
  preparing?: ReactNode;
};

const countFormat = new Intl.NumberFormat('en-US');

/** Formats `2314, 'instance'` as "2,314 instances". */
export function plural(count: number, noun: string): string {
  return `${countFormat.format(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Confirms a bulk cancel or send event, then runs it (four requests at a
 * time) with a progress bar, a result per instance and "Retry failed only".
 * Render it only while open: each opening starts a new run.
 */
export function BulkActionDialog({ request, version, onClose, preparing }: BulkActionDialogProps) {
  const access = useWriteAccess();
  const bulk = useBulkRun(version);
  // Unset until the user types, so a request that arrives after opening still fills it in.
  const [typedEventName, setEventName] = useState<string | undefined>(undefined);
  const eventName = typedEventName ?? request.eventName ?? '';
  const count = request.instanceIDs.length;
  const action: BulkAction =
    request.kind === 'cancel'
      ? { kind: 'cancel' }
      : { kind: 'send-event', eventName: eventName.trim() };
  const results = [...bulk.results.values()];
  const summary = summarizeBulk(results);
  const started = results.length > 0;
  const targets = preparing === undefined ? plural(count, 'instance') : 'all matching instances';
  const title = request.kind === 'cancel' ? `Cancel ${targets}` : `Send an event to ${targets}`;
  const confirmLabel = request.kind === 'cancel' ? title : `Send to ${plural(count, 'instance')}`;
  const invalidEvent = request.kind === 'send-event' && eventName.trim() === '';
  const blockedReason = access.allowed ? undefined : access.reason;

  const close = () => {
    bulk.reset();
    onClose();
  };

  return (
    <Modal
      opened
      onClose={close}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <Stack gap="md">
        {!started && preparing}
        {!started && preparing === undefined && (
          <>
            <Text size="sm">
              {request.kind === 'cancel'
                ? `Cancel ${plural(count, 'instance')}? Each stops at its current stage with the error "canceled". This cannot be undone.`
                : `Send an event to ${plural(count, 'instance')}? Only an instance whose current stage waits for this event name consumes it; the others drop it.`}
            </Text>
            {request.skippedTerminated > 0 && (
              <Text size="sm" c={mutedTextColor}>
                {plural(request.skippedTerminated, 'selected instance')} already terminated{' '}
                {request.skippedTerminated === 1 ? 'is' : 'are'} left out.
              </Text>
            )}
            {request.notes?.map((note) => (
              <Text key={note} size="sm" c={mutedTextColor}>
                {note}
              </Text>
            ))}
            {request.kind === 'send-event' && (
              <TextInput
                label="Event name"
                description="Name that the wait_event stage expects."
                value={eventName}
                onChange={(event) => setEventName(event.currentTarget.value)}
                required
                data-autofocus
              />
            )}
          </>
        )}
        {started && (
          <>
            <Stack gap={4}>
              <Progress
                value={summary.total === 0 ? 0 : (summary.done / summary.total) * 100}
                color={summary.failed > 0 ? 'orange' : 'teal'}
                aria-label="Bulk action progress"
                animated={bulk.running}
                striped={bulk.running}
              />
              <Text size="sm" aria-live="polite">
                {summary.done} of {summary.total} done · {summary.succeeded} succeeded ·{' '}
                {summary.failed} failed
              </Text>
            </Stack>
            <BulkResultsTable results={results} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {started ? 'Close' : 'Back'}
          </Button>
          {started ? (
            <Button
              onClick={() => void bulk.retryFailed(action)}
              disabled={bulk.running || summary.failed === 0 || blockedReason !== undefined}
            >
              Retry failed only
            </Button>
          ) : (
            preparing === undefined && (
              <Tooltip label={blockedReason} disabled={blockedReason === undefined}>
                <Button
                  color={request.kind === 'cancel' ? 'red' : undefined}
                  onClick={() => void bulk.run(request.instanceIDs, action)}
                  disabled={count === 0 || invalidEvent || blockedReason !== undefined}
                >
                  {confirmLabel}
                </Button>
              </Tooltip>
            )
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
