import { queryOptions } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, instanceSchema } from '@/lib/orchestration/schemas';
import type { Instance } from '@/lib/orchestration/schemas';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

import { createConcurrencyLimit } from './concurrency-limit';

/** Parallel getInstance calls that lists may make, shared by every list on the page. */
export const maxConcurrentDetailRequests = 4;

/** Poll period of a running instance's details while its row is visible, in milliseconds. */
export const listDetailPollInterval = 10_000;

const responseSchema = dataSchema(instanceSchema);
const limitDetailRequests = createConcurrencyLimit(maxConcurrentDetailRequests);

/**
 * Fetches getInstance behind the shared list limit: at most
 * `maxConcurrentDetailRequests` run at once, and a queued call whose `signal`
 * aborts never starts.
 */
export function fetchInstanceDetail(
  version: ApiVersion,
  instanceID: string,
  signal?: AbortSignal,
): Promise<Instance> {
  return limitDetailRequests(async () => {
    const path = versionedPath(version, `/instances/${pathSegment(instanceID)}`);
    const body = await apiRequest(path, {
      schema: responseSchema,
      operation: version === 'v2' ? 'v2GetInstance' : 'getInstance',
      signal,
    });

    return body.data;
  }, signal);
}

/**
 * getInstance for list rows, which carry no `status`: the current stage and
 * the "waiting" state need it. It shares the instance page's cache entry but
 * queues behind `maxConcurrentDetailRequests` so a long list cannot flood the server.
 */
export function listInstanceDetailQuery(version: ApiVersion, instanceID: string) {
  return queryOptions({
    queryKey: instanceKeys.detail(version, instanceID),
    queryFn: ({ signal }) => fetchInstanceDetail(version, instanceID, signal),
    refetchInterval: (query) => (query.state.data?.terminated ? false : listDetailPollInterval),
    refetchIntervalInBackground: false,
    meta: { errorNotification: false },
  });
}
