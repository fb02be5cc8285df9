/**
 * Hooks of one instance (read, history, stage histories, cancel, send event)
 * that call the v1 or v2 operation according to the active connection's API
 * version. Both versions take the same requests and return the same shapes.
 */
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import type { MutationHookOptions } from '@/lib/query-client';
import type { ApiVersion } from '@/lib/query-keys';

import { cancelEventMutation } from './cancel-event';
import { instanceQuery, v2InstanceQuery } from './get-instance';
import type { InstanceQueryOptions } from './get-instance';
import { instanceHistoryQuery, v2InstanceHistoryQuery } from './get-instance-history';
import type { InstanceHistoryOptions } from './get-instance-history';
import { stageHistoryQuery, v2StageHistoryQuery } from './get-instance-stage-history';
import type { StageHistoryOptions, StageHistoryRequest } from './get-instance-stage-history';
import { sendEventMutation } from './send-event';

/** Query options of one instance in the given API version, e.g. for prefetching. */
export function versionedInstanceQuery(
  version: ApiVersion,
  instanceID: string,
  options: InstanceQueryOptions = {},
) {
  return version === 'v2'
    ? v2InstanceQuery(instanceID, options)
    : instanceQuery(instanceID, options);
}

export function versionedInstanceHistoryQuery(version: ApiVersion, instanceID: string) {
  return version === 'v2' ? v2InstanceHistoryQuery(instanceID) : instanceHistoryQuery(instanceID);
}

export function versionedStageHistoryQuery(
  version: ApiVersion,
  instanceID: string,
  stage: number | null | undefined,
) {
  return version === 'v2'
    ? v2StageHistoryQuery(instanceID, stage)
    : stageHistoryQuery(instanceID, stage);
}

/** Loads the instance and polls it until it terminates. */
export function useInstance(instanceID: string, options: InstanceQueryOptions = {}) {
  const { apiVersion } = useConnection();

  return useQuery(versionedInstanceQuery(apiVersion, instanceID, options));
}

export function useInstanceHistory(instanceID: string, options: InstanceHistoryOptions = {}) {
  const { apiVersion } = useConnection();

  return useQuery({
    ...versionedInstanceHistoryQuery(apiVersion, instanceID),
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval ?? false,
    refetchIntervalInBackground: false,
  });
}

/**
 * Histories of several stages, in the order of `stages`. Stages still running
 * are polled every `refetchInterval` ms.
 */
export function useInstanceStageHistories(
  instanceID: string,
  stages: readonly StageHistoryRequest[],
  options: StageHistoryOptions = {},
) {
  const { apiVersion } = useConnection();

  return useQueries({
    queries: stages.map(({ stage, running }) => ({
      ...versionedStageHistoryQuery(apiVersion, instanceID, stage),
      refetchInterval: running ? (options.refetchInterval ?? false) : false,
      refetchIntervalInBackground: false,
    })),
  });
}

export function useVersionedCancelEvent(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(cancelEventMutation(apiVersion, options));
}

export function useVersionedSendEvent(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(sendEventMutation(apiVersion, options));
}
