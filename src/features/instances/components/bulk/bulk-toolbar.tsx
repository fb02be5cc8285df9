import { Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconPlayerStop, IconSend } from '@tabler/icons-react';
import { useState } from 'react';

import { useWriteAccess } from '@/lib/connection/connection-context';
import { getWaitingEventName } from '@/lib/orchestration/instance-state';
import type { Instance } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

import { BulkActionDialog } from './bulk-action-dialog';
import type { BulkActionKind, BulkActionRequest } from './bulk-action-dialog';

type BulkToolbarProps = {
  /** Loaded instances that are selected. */
  selected: readonly Instance[];
  /** Loaded instances that match the filters. */
  matching: readonly Instance[];
  version: ApiVersion;
};

type Scope = 'selected' | 'matching';

/** Returns the event name that every waiting instance expects, when they agree on one. */
export function commonWaitingEvent(instances: readonly Instance[]): string | undefined {
  const names = new Set(instances.map((instance) => getWaitingEventName(instance)));
  const [only] = names;

  return names.size === 1 ? only : undefined;
}

/** Creates the dialog request; instances known to be terminated are left out. */
export function buildBulkRequest(
  kind: BulkActionKind,
  targets: readonly Instance[],
): BulkActionRequest {
  const live = targets.filter((instance) => !instance.terminated);

  return {
    kind,
    instanceIDs: live.map((instance) => instance.id),
    skippedTerminated: targets.length - live.length,
    eventName: kind === 'send-event' ? commonWaitingEvent(live) : undefined,
  };
}

/** Bulk cancel and bulk send event, on the selected rows or on every loaded row that matches. */
export function BulkToolbar({ selected, matching, version }: BulkToolbarProps) {
  const access = useWriteAccess();
  const [scope, setScope] = useState<Scope>('selected');
  const [request, setRequest] = useState<BulkActionRequest | undefined>(undefined);
  const targets = scope === 'selected' ? selected : matching;
  const blockedReason = access.allowed ? undefined : access.reason;
  const disabledReason =
    blockedReason ?? (targets.length === 0 ? 'Select instances first.' : undefined);

  const open = (kind: BulkActionKind) => {
    if (disabledReason === undefined) setRequest(buildBulkRequest(kind, targets));
  };

  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" fw={500}>
        Bulk actions on
      </Text>
      <SegmentedControl
        aria-label="Bulk action scope"
        size="xs"
        value={scope}
        onChange={(value) => setScope(value === 'matching' ? 'matching' : 'selected')}
        data={[
          { value: 'selected', label: `Selected (${selected.length})` },
          { value: 'matching', label: `All matching loaded (${matching.length})` },
        ]}
      />
      <Tooltip label={disabledReason} disabled={disabledReason === undefined}>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconPlayerStop size={14} />}
          data-disabled={disabledReason !== undefined || undefined}
          aria-disabled={disabledReason !== undefined}
          onClick={() => open('cancel')}
        >
          Cancel…
        </Button>
      </Tooltip>
      <Tooltip label={disabledReason} disabled={disabledReason === undefined}>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconSend size={14} />}
          data-disabled={disabledReason !== undefined || undefined}
          aria-disabled={disabledReason !== undefined}
          onClick={() => open('send-event')}
        >
          Send event…
        </Button>
      </Tooltip>
      {request && (
        <BulkActionDialog
          request={request}
          version={version}
          onClose={() => setRequest(undefined)}
        />
      )}
    </Group>
  );
}
