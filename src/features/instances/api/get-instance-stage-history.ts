import { queryOptions, skipToken, useQueries, useQuery } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, stageHistorySchema } from '@/lib/orchestration/schemas';
import type { StageHistory } from '@/lib/orchestration/schemas';
import { instanceKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

import { createConcurrencyLimit } from './concurrency-limit';

export type StageHistoryOptions = {
  /** Poll period in ms, e.g. while the stage runs. @default false */
  refetchInterval?: number | false;
};

const responseSchema = dataSchema(stageHistorySchema.array());

/**
 * Maximum stage-history requests in flight at once. The timeline requests the
 * histories of every visible row together; this bound keeps a long instance
 * from opening dozens of connections to the server at the same time.
 */
export const stageHistoryConcurrency = 6;

const limitStageHistory = createConcurrencyLimit(stageHistoryConcurrency);

/**
 * Fetches one entry per activity of a stage (0-based), behind the
 * stage-history concurrency limit. `delay`, `wait_event` and `noop` stages
 * have no activities, so their history is empty.
 */
export async function fetchStageHistory(
  version: ApiVersion,
  instanceID: string,
  stage: number,
  signal?: AbortSignal,
): Promise<StageHistory[]> {
  const path = versionedPath(
    version,
    `/instances/${pathSegment(instanceID)}/stages/${pathSegment(stage)}/history`,
  );
  const request = () =>
    apiRequest(path, {
      schema: responseSchema,
      operation: version === 'v2' ? 'v2GetInstanceStageHistory' : 'getInstanceStageHistory',
      signal,
    });
  const body = await limitStageHistory(request, signal);

  return body.data;
}

/** `stage` may be unset while no stage is selected; the query then waits. */
export function v2StageHistoryQuery(instanceID: string, stage: number | null | undefined) {
  return queryOptions({
    queryKey: instanceKeys.stageHistory('v2', instanceID, stage ?? -1),
    queryFn:
      stage === null || stage === undefined
        ? skipToken
        : ({ signal }) => fetchStageHistory('v2', instanceID, stage, signal),
  });
}

export function stageHistoryQuery(instanceID: string, stage: number | null | undefined) {
  return queryOptions({
    queryKey: instanceKeys.stageHistory('v1', instanceID, stage ?? -1),
    queryFn:
      stage === null || stage === undefined
        ? skipToken
        : ({ signal }) => fetchStageHistory('v1', instanceID, stage, signal),
  });
}

export function useV2GetInstanceStageHistory(
  instanceID: string,
  stage: number | null | undefined,
  options: StageHistoryOptions = {},
) {
  return useQuery({
    ...v2StageHistoryQuery(instanceID, stage),
    refetchInterval: options.refetchInterval ?? false,
    refetchIntervalInBackground: false,
  });
}

export function useGetInstanceStageHistory(
  instanceID: string,
  stage: number | null | undefined,
  options: StageHistoryOptions = {},
) {
  return useQuery({
    ...stageHistoryQuery(instanceID, stage),
    refetchInterval: options.refetchInterval ?? false,
    refetchIntervalInBackground: false,
  });
}

/** A stage whose history is requested, and whether it still runs (then it is polled). */
export type StageHistoryRequest = { stage: number; running: boolean };

/**
 * Fetches the histories of several stages in parallel, at most
 * `stageHistoryConcurrency` requests at a time; results follow the order of
 * `stages`. Stages still running are polled every `refetchInterval` ms.
 */
export function useV2GetInstanceStageHistories(
  instanceID: string,
  stages: readonly StageHistoryRequest[],
  options: StageHistoryOptions = {},
) {
  return useQueries({
    queries: stages.map(({ stage, running }) => ({
      ...v2StageHistoryQuery(instanceID, stage),
      refetchInterval: running ? (options.refetchInterval ?? false) : false,
      refetchIntervalInBackground: false,
    })),
  });
}
