import type { QueryClient } from '@tanstack/react-query';

import { apiRequest, pathSegment } from '@/lib/api-client';
import { dataSchema, workflowSchema } from '@/lib/orchestration/schemas';
import type { StageHistory, Workflow } from '@/lib/orchestration/schemas';

import { buildCaseFile } from './case-file';
import type { CaseFile } from './case-file';
import { v2InstanceQuery } from './get-instance';
import { v2InstanceHistoryQuery } from './get-instance-history';
import { v2StageHistoryQuery } from './get-instance-stage-history';
import { findTriggerOrigin } from './find-trigger-origin';

const workflowResponseSchema = dataSchema(workflowSchema);

async function getWorkflow(workflowID: string): Promise<Workflow> {
  const body = await apiRequest(`/v2/workflows/${pathSegment(workflowID)}`, {
    schema: workflowResponseSchema,
    operation: 'v2GetWorkflow',
  });

  return body.data;
}

export type CaseFileSource = { connection: string; serverUrl?: string };

/**
 * Fetches a fresh copy of everything a case file holds, through the v2 API:
 * the instance, its workflow, history, the activities of every started stage
 * (in parallel, with the stage-history concurrency bound) and the trigger
 * occurrence that started it.
 */
export async function collectCaseFile(
  queryClient: QueryClient,
  instanceID: string,
  source: CaseFileSource,
): Promise<CaseFile> {
  // staleTime 0: the file must hold the state at export time, not a cached one.
  const instance = await queryClient.fetchQuery({ ...v2InstanceQuery(instanceID), staleTime: 0 });
  const started = (instance.status ?? []).map((status) => status.stage);

  const [workflow, history, stageHistories, trigger] = await Promise.all([
    instance.workflow ?? getWorkflow(instance.workflowID),
    queryClient.fetchQuery({ ...v2InstanceHistoryQuery(instanceID), staleTime: 0 }),
    Promise.all(
      started.map(async (stage): Promise<[number, StageHistory[]]> => {
        const activities = await queryClient.fetchQuery({
          ...v2StageHistoryQuery(instanceID, stage),
          staleTime: 0,
        });

        return [stage, activities];
      }),
    ),
    findTriggerOrigin(instance),
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
