import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, workflowSchema } from '@/lib/orchestration/schemas';
import type { Workflow } from '@/lib/orchestration/schemas';
import { workflowKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

const responseSchema = dataSchema(workflowSchema);

// Soft-deleted workflows are still returned, with `deletedAt` set.
async function getWorkflow(
  version: ApiVersion,
  flowId: string,
  signal?: AbortSignal,
): Promise<Workflow> {
  const body = await apiRequest(versionedPath(version, `/workflows/${pathSegment(flowId)}`), {
    schema: responseSchema,
    operation: version === 'v2' ? 'v2GetWorkflow' : 'getWorkflow',
    signal,
  });

  return body.data;
}

export function v2WorkflowQuery(flowId: string) {
  return queryOptions({
    queryKey: workflowKeys.detail('v2', flowId),
    queryFn: ({ signal }) => getWorkflow('v2', flowId, signal),
  });
}

export function workflowQuery(flowId: string) {
  return queryOptions({
    queryKey: workflowKeys.detail('v1', flowId),
    queryFn: ({ signal }) => getWorkflow('v1', flowId, signal),
  });
}

/** Query options of one workflow in the given API version, e.g. for prefetching. */
export function versionedWorkflowQuery(version: ApiVersion, flowId: string) {
  return version === 'v2' ? v2WorkflowQuery(flowId) : workflowQuery(flowId);
}

export function useV2GetWorkflow(flowId: string) {
  return useQuery(v2WorkflowQuery(flowId));
}

export function useGetWorkflow(flowId: string) {
  return useQuery(workflowQuery(flowId));
}
