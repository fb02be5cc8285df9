/**
 * Trigger test suites on the Flowdeck server (not the orchestration API):
 * `/api/flowdeck/connections/:connectionId/trigger-suites/...`.
 */
import { mutationOptions, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { apiRequest, pathSegment } from '@/lib/api-client';
import { useConnection } from '@/lib/connection/connection-context';
import { triggerSuiteSchema } from '@/lib/orchestration/event-samples';
import type { TriggerSuite, TriggerSuiteCase } from '@/lib/orchestration/event-samples';
import type { MutationHookOptions } from '@/lib/query-client';
import { triggerSuiteKeys } from '@/lib/query-keys';

const suiteResponse = z.object({ data: triggerSuiteSchema });
const listResponse = z.object({ data: triggerSuiteSchema.array() });

/** Prefix of the Flowdeck server's own routes, which no connection proxies. */
const flowdeckPrefix = '/api/flowdeck';

function suitesPath(connectionID: string, rest = ''): string {
  return `/connections/${pathSegment(connectionID)}/trigger-suites${rest}`;
}

export function triggerSuiteQuery(connectionID: string, triggerID: string) {
  return queryOptions({
    queryKey: triggerSuiteKeys.detail(connectionID, triggerID),
    queryFn: async ({ signal }): Promise<TriggerSuite> => {
      const body = await apiRequest(suitesPath(connectionID, `/${pathSegment(triggerID)}`), {
        prefix: flowdeckPrefix,
        schema: suiteResponse,
        operation: 'getTriggerSuite',
        signal,
      });

      return body.data;
    },
  });
}

export function triggerSuitesQuery(connectionID: string) {
  return queryOptions({
    queryKey: triggerSuiteKeys.lists(connectionID),
    queryFn: async ({ signal }): Promise<TriggerSuite[]> => {
      const body = await apiRequest(suitesPath(connectionID), {
        prefix: flowdeckPrefix,
        schema: listResponse,
        operation: 'listTriggerSuites',
        signal,
      });

      return body.data;
    },
  });
}

export function useTriggerSuite(triggerID: string) {
  const { id } = useConnection();
  return useQuery({ ...triggerSuiteQuery(id, triggerID), enabled: triggerID !== '' });
}

export function useTriggerSuites() {
  const { id } = useConnection();
  return useQuery(triggerSuitesQuery(id));
}

export type SaveTriggerSuiteVariables = { triggerID: string; cases: TriggerSuiteCase[] };

export function saveTriggerSuiteMutation(connectionID: string, options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...triggerSuiteKeys.all(connectionID), 'save'],
    mutationFn: async ({ triggerID, cases }: SaveTriggerSuiteVariables) => {
      const body = await apiRequest(suitesPath(connectionID, `/${pathSegment(triggerID)}`), {
        method: 'PUT',
        body: { cases },
        prefix: flowdeckPrefix,
        schema: suiteResponse,
        operation: 'saveTriggerSuite',
      });

      return body.data;
    },
    onSuccess: (suite, _variables, _result, { client }) => {
      client.setQueryData(triggerSuiteKeys.detail(connectionID, suite.triggerID), suite);
      return client.invalidateQueries({ queryKey: triggerSuiteKeys.lists(connectionID) });
    },
    meta: { errorTitle: 'Could not save the test suite', ...options.meta },
  });
}

export function useSaveTriggerSuite(options: MutationHookOptions = {}) {
  const { id } = useConnection();
  return useMutation(saveTriggerSuiteMutation(id, options));
}

/** Moves a suite to the trigger that replaced an edited one. */
export async function moveTriggerSuite(
  connectionID: string,
  fromTriggerID: string,
  toTriggerID: string,
): Promise<TriggerSuite> {
  const body = await apiRequest(suitesPath(connectionID, `/${pathSegment(fromTriggerID)}/move`), {
    method: 'POST',
    body: { triggerID: toTriggerID },
    prefix: flowdeckPrefix,
    schema: suiteResponse,
    operation: 'moveTriggerSuite',
  });

  return body.data;
}

/** Deletes a trigger's suite; deleting a suite that does not exist succeeds. */
export function deleteTriggerSuite(connectionID: string, triggerID: string): Promise<void> {
  return apiRequest(suitesPath(connectionID, `/${pathSegment(triggerID)}`), {
    method: 'DELETE',
    prefix: flowdeckPrefix,
    operation: 'deleteTriggerSuite',
  });
}
