import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { workflowKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

export type DeleteWorkflowVariables = { flowId: string };

function deleteWorkflow(version: ApiVersion, { flowId }: DeleteWorkflowVariables): Promise<void> {
  return apiRequest(versionedPath(version, `/workflows/${pathSegment(flowId)}`), {
    method: 'DELETE',
    operation: version === 'v2' ? 'v2DeleteWorkflow' : 'deleteWorkflow',
  });
}

export function deleteWorkflowMutation(version: ApiVersion, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...workflowKeys.all(version), 'delete'],
    mutationFn: (variables: DeleteWorkflowVariables) => deleteWorkflow(version, variables),
    // Deletion is soft: the workflow leaves the lists, but its detail now carries `deletedAt`.
    onSuccess: (_data, { flowId }, _result, { client }) =>
      Promise.all([
        invalidateAllVersions(client, workflowKeys.lists),
        invalidateAllVersions(client, (v) => workflowKeys.detail(v, flowId)),
      ]),
    meta: { errorTitle: 'Could not delete the workflow', ...options.meta },
  });
}

export function useV2DeleteWorkflow(options: MutationHookOptions = {}) {
  return useMutation(deleteWorkflowMutation('v2', options));
}

export function useDeleteWorkflow(options: MutationHookOptions = {}) {
  return useMutation(deleteWorkflowMutation('v1', options));
}
