import type { QueryClient } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, workflowSchema } from '@/lib/orchestration/schemas';
import type { StageHistory, Workflow } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

import { buildCaseFile } from './case-file';
import type { CaseFile } from './case-file';
import { findTriggerOrigin } from './find-trigger-origin';
import { fetchStageHistory } from './get-instance-stage-history';
import { versionedInstanceHistoryQuery, versionedInstanceQuery } from './versioned-instances';

const workflowResponseSchema = dataSchema(workflowSchema);

async function getWorkflow(
  version: ApiVersion,
  workflowID: string,
  signal?: AbortSignal,
): Promise<Workflow> {
  const body = await apiRequest(versionedPath(version, `/workflows/${pathSegment(workflowID)}`), {
    schema: workflowResponseSchema,
    operation: version === 'v2' ? 'v2GetWorkflow' : 'getWorkflow',
    signal,
  });

  return body.data;
}

export type CaseFileSource = { connection: string; serverUrl?: string };

export type CaseFileProgress = {
  /** Stage histories received so far. */
  done: number;
  /** Stage histories to fetch: one per started stage. */
  total: number;
};

export type CollectCaseFileOptions = {
  /** Stops the export: queued requests never start and the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Called once the stage count is known, then after each stage history. */
  onProgress?: (progress: CaseFileProgress) => void;
};

/**
 * Fetches a fresh copy of everything a case file holds, through the given API version:
 * the instance, its workflow, history, the activities of every started stage
 * and the trigger occurrence that started it. Stage histories go through the
 * shared stage-history concurrency limit (six at a time) and bypass the query
 * cache, so an export of 10,000 stages neither floods the server nor fills the cache.
 */
export async function collectCaseFile(
  queryClient: QueryClient,
  instanceID: string,
  source: CaseFileSource,
  version: ApiVersion = 'v2',
  options: CollectCaseFileOptions = {},
): Promise<CaseFile> {
  const { signal, onProgress } = options;
  // staleTime 0: the file must hold the state at export time, not a cached one.
  const instance = await queryClient.fetchQuery({
    ...versionedInstanceQuery(version, instanceID),
    staleTime: 0,
  });
  signal?.throwIfAborted();
  const started = (instance.status ?? []).map((status) => status.stage);
  let done = 0;
  onProgress?.({ done, total: started.length });

  const [workflow, history, stageHistories, trigger] = await Promise.all([
    instance.workflow ?? getWorkflow(version, instance.workflowID, signal),
    queryClient.fetchQuery({ ...versionedInstanceHistoryQuery(version, instanceID), staleTime: 0 }),
    Promise.all(
      started.map(async (stage): Promise<[number, StageHistory[]]> => {
        const activities = await fetchStageHistory(version, instanceID, stage, signal);
        done += 1;
        onProgress?.({ done, total: started.length });

        return [stage, activities];
      }),
    ),
    findTriggerOrigin(instance, signal, version),
  ]);
  signal?.throwIfAborted();

  return buildCaseFile({
    exportedAt: new Date(),
    source,
    workflow,
    instance,
    history,
    stageHistories: new Map(stageHistories),
    trigger,
  });
}
