import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, versionedPath } from '@/lib/api-client';
import { dataSchema, workflowSchema } from '@/lib/orchestration/schemas';
import type { Workflow, WorkflowConfig } from '@/lib/orchestration/schemas';
import { invalidateAllVersions } from '@/lib/query-client';
import type { MutationHookOptions } from '@/lib/query-client';
import { workflowKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

/** A workflow definition as an object, or as YAML text that the server parses. */
export type CreateWorkflowVariables = { config: WorkflowConfig } | { yaml: string };

const responseSchema = dataSchema(workflowSchema);

async function createWorkflow(
  version: ApiVersion,
  variables: CreateWorkflowVariables,
): Promise<Workflow> {
  const isYaml = 'yaml' in variables;
  const body = await apiRequest(versionedPath(version, '/workflows'), {
    method: 'POST',
    body: isYaml ? variables.yaml : variables.config,
    bodyType: isYaml ? 'yaml' : 'json',
    schema: responseSchema,
    operation: version === 'v2' ? 'v2CreateWorkflow' : 'createWorkflow',
  });

  return body.data;
}

export function createWorkflowMutation(version: ApiVersion, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...workflowKeys.all(version), 'create'],
    mutationFn: (variables: CreateWorkflowVariables) => createWorkflow(version, variables),
    onSuccess: (_workflow, _variables, _result, { client }) =>
      invalidateAllVersions(client, workflowKeys.lists),
    meta: { errorTitle: 'Could not create the workflow', ...options.meta },
  });
}

export function useV2CreateWorkflow(options: MutationHookOptions = {}) {
  return useMutation(createWorkflowMutation('v2', options));
}

export function useCreateWorkflow(options: MutationHookOptions = {}) {
  return useMutation(createWorkflowMutation('v1', options));
}
