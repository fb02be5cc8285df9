/**
 * Workflow hooks that call the v1 or v2 operation according to the active
 * connection's API version and return the same shape either way. The list
 * hooks live in `versioned-workflow-lists.ts`, which does not import zod.
 */
import { useMutation, useQuery } from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import type { MutationHookOptions } from '@/lib/query-client';

import { createWorkflowMutation } from './create-workflow';
import { deleteWorkflowMutation } from './delete-workflow';
import { versionedWorkflowQuery } from './get-workflow';
import { runWorkflowMutation } from './run-workflow';

export { versionedWorkflowQuery } from './get-workflow';
export { useWorkflowsInfinite, useWorkflowsPage } from './versioned-workflow-lists';

export function useWorkflow(flowId: string) {
  const { apiVersion } = useConnection();

  return useQuery(versionedWorkflowQuery(apiVersion, flowId));
}

export function useVersionedCreateWorkflow(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(createWorkflowMutation(apiVersion, options));
}

export function useVersionedRunWorkflow(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(runWorkflowMutation(apiVersion, options));
}

export function useVersionedDeleteWorkflow(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(deleteWorkflowMutation(apiVersion, options));
}
