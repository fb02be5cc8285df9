import { getWaitingEventName } from '@/lib/orchestration/instance-state';
import type { Instance } from '@/lib/orchestration/schemas';

import type { BulkActionKind, BulkActionRequest } from './bulk-action-dialog';

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
