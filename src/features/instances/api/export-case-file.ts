import type { QueryClient } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, workflowSchema } from '@/lib/orchestration/schemas';
import type { StageHistory, Workflow } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

import { buildCaseFile } from './case-file';
import type { CaseFile } from './case-file';
import { findTriggerOrigin } from './find-trigger-origin';
import {
  versionedInstanceHistoryQuery,
  versionedInstanceQuery,
  versionedStageHistoryQuery,
} from './versioned-instances';

const workflowResponseSchema = dataSchema(workflowSchema);

async function getWorkflow(version: ApiVersion, workflowID: string): Promise<Workflow> {
  const body = await apiRequest(versionedPath(version, `/workflows/${pathSegment(workflowID)}`), {
    schema: workflowResponseSchema,
    operation: version === 'v2' ? 'v2GetWorkflow' : 'getWorkflow',
  });

  return body.data;
}

export type CaseFileSource = { connection: string; serverUrl?: string };

/**
 * Fetches a fresh copy of everything a case file holds, through the given API version:
 * the instance, its workflow, history, the activities of every started stage
 * (in parallel, with the stage-history concurrency bound) and the trigger
 * occurrence that started it.
 */
export async function collectCaseFile(
  queryClient: QueryClient,
  instanceID: string,
  source: CaseFileSource,
  version: ApiVersion = 'v2',
): Promise<CaseFile> {
  // staleTime 0: the file must hold the state at export time, not a cached one.
  const instance = await queryClient.fetchQuery({
    ...versionedInstanceQuery(version, instanceID),
    staleTime: 0,
  });
  const started = (instance.status ?? []).map((status) => status.stage);

  const [workflow, history, stageHistories, trigger] = await Promise.all([
    instance.workflow ?? getWorkflow(version, instance.workflowID),
    queryClient.fetchQuery({ ...versionedInstanceHistoryQuery(version, instanceID), staleTime: 0 }),
    Promise.all(
      started.map(async (stage): Promise<[number, StageHistory[]]> => {
        const activities = await queryClient.fetchQuery({
          ...versionedStageHistoryQuery(version, instanceID, stage),
          staleTime: 0,
        });

        return [stage, activities];
      }),
    ),
    findTriggerOrigin(instance, undefined, version),
  ]);

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
