import { Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconPlayerStop, IconSend } from '@tabler/icons-react';
import { useState } from 'react';

import type { MatchingFilters } from '@/features/instances/api/collect-instances';
import { useWriteAccess } from '@/lib/connection/connection-context';
import type { Instance } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

import { BulkActionDialog } from './bulk-action-dialog';
import type { BulkActionKind, BulkActionRequest } from './bulk-action-dialog';
import { buildBulkRequest } from './bulk-targets';
import { MatchingBulkDialog } from './matching-bulk-dialog';
import { useMatchingInstances } from './use-matching-instances';

type BulkToolbarProps = {
  /** Loaded instances that are selected. */
  selected: readonly Instance[];
  /** Filters of the list; "all matching" applies them to every instance on the server. */
  filters: MatchingFilters;
  version: ApiVersion;
};

type Scope = 'selected' | 'matching';

type OpenDialog =
  { scope: 'selected'; request: BulkActionRequest } | { scope: 'matching'; kind: BulkActionKind };

/**
 * Bulk cancel and bulk send event, on the selected rows or on every instance
 * that matches the filters on the server, found when the dialog opens.
 */
export function BulkToolbar({ selected, filters, version }: BulkToolbarProps) {
  const access = useWriteAccess();
  const matching = useMatchingInstances(version);
  const [scope, setScope] = useState<Scope>('selected');
  const [dialog, setDialog] = useState<OpenDialog | undefined>(undefined);
  const blockedReason = access.allowed ? undefined : access.reason;
  const disabledReason =
    blockedReason ??
    (scope === 'selected' && selected.length === 0 ? 'Select instances first.' : undefined);

  const open = (kind: BulkActionKind) => {
    if (disabledReason !== undefined) return;

    if (scope === 'selected') {
      setDialog({ scope, request: buildBulkRequest(kind, selected) });
      return;
    }

    setDialog({ scope, kind });
    void matching.start(filters);
  };

  const close = () => {
    matching.reset();
    setDialog(undefined);
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
          { value: 'matching', label: 'All matching the filters' },
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
      {dialog?.scope === 'selected' && (
        <BulkActionDialog request={dialog.request} version={version} onClose={close} />
      )}
      {dialog?.scope === 'matching' && (
        <MatchingBulkDialog
          kind={dialog.kind}
          filters={filters}
          state={matching.state}
          version={version}
          onStop={matching.stop}
          onRetry={() => void matching.start(filters)}
          onClose={close}
        />
      )}
    </Group>
  );
}
