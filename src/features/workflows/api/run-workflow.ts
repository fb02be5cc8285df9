import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, pathSegment, versionedPath } from '@/lib/api-client';
import { dataSchema, instanceSchema } from '@/lib/orchestration/schemas';
import type { Instance, RunVariables } from '@/lib/orchestration/schemas';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { instanceKeys, workflowKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

export type RunWorkflowVariables = {
  workflowID: string;
  /** Values for the `${name}` placeholders of the workflow's stages. */
  variables?: RunVariables;
  /**
   * Requests a response only once the instance has terminated. The local
   * server waits, but the real Flows server may return a running instance.
   */
  wait?: boolean;
};

const responseSchema = dataSchema(instanceSchema);

async function runWorkflow(version: ApiVersion, run: RunWorkflowVariables): Promise<Instance> {
  const path = versionedPath(version, `/workflows/${pathSegment(run.workflowID)}/instances`);
  const body = await apiRequest(path, {
    method: 'POST',
    query: { wait: run.wait || undefined },
    body: run.variables ?? {},
    schema: responseSchema,
    operation: version === 'v2' ? 'v2RunWorkflow' : 'runWorkflow',
  });

  return body.data;
}

export function runWorkflowMutation(version: ApiVersion, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...workflowKeys.all(version), 'run'],
    mutationFn: (run: RunWorkflowVariables) => runWorkflow(version, run),
    onSuccess: (_instance, _run, _result, { client }) =>
      invalidateAllVersions(client, instanceKeys.lists),
    meta: { errorTitle: 'Could not run the workflow', ...options.meta },
  });
}

export function useV2RunWorkflow(options: MutationHookOptions = {}) {
  return useMutation(runWorkflowMutation('v2', options));
}

export function useRunWorkflow(options: MutationHookOptions = {}) {
  return useMutation(runWorkflowMutation('v1', options));
}
