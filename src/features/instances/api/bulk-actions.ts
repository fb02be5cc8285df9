import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import type { SendEventBody } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

/*
 * Single requests for bulk actions. Unlike the mutation hooks, they neither
 * show a notification nor invalidate queries per call: the bulk runner
 * reports each result in its own table and invalidates once at the end.
 */

/** Cancels one instance (`PUT …/abort`); the server rejects a terminated instance. */
export function abortInstance(version: ApiVersion, instanceID: string): Promise<void> {
  return apiRequest(versionedPath(version, `/instances/${pathSegment(instanceID)}/abort`), {
    method: 'PUT',
    operation: version === 'v2' ? 'v2CancelEvent' : 'cancelEvent',
  });
}

/** Sends the event `name` to one instance's current stage. */
export function sendInstanceEvent(
  version: ApiVersion,
  instanceID: string,
  name: string,
): Promise<void> {
  const body: SendEventBody = { name };

  return apiRequest(versionedPath(version, `/instances/${pathSegment(instanceID)}/events`), {
    method: 'POST',
    body,
    operation: version === 'v2' ? 'v2SendEvent' : 'sendEvent',
  });
}
