/**
 * Query key factories for every orchestration resource. Keys form a
 * hierarchy (`all → lists → list(filters)`, `all → details → detail(id) → …`)
 * so that invalidating a prefix reaches every query below it.
 *
 * Every key starts with `scopeKey(version)`, the connection id and the API
 * version, so that two connections or two API versions never share a cache
 * entry.
 */
import { getActiveConnection } from '@/lib/connection/active-connection';

export type ApiVersion = 'v1' | 'v2';

export const apiVersions: readonly ApiVersion[] = ['v1', 'v2'];

/**
 * Leading key segments shared by all orchestration queries of one connection
 * and API version. The connection defaults to the tab's active connection,
 * which stays fixed while the page is loaded.
 */
export function scopeKey(version: ApiVersion, connectionId: string = getActiveConnection().id) {
  return [connectionId, version] as const;
}

export type WorkflowListFilters = { pageSize?: number; cursor?: string };

export const workflowKeys = {
  all: (version: ApiVersion) => [...scopeKey(version), 'workflows'] as const,
  lists: (version: ApiVersion) => [...workflowKeys.all(version), 'list'] as const,
  list: (version: ApiVersion, filters: WorkflowListFilters = {}) =>
    [...workflowKeys.lists(version), filters] as const,
  /** Infinite lists hold `InfiniteData`, so they need keys apart from single pages. */
  infinite: (version: ApiVersion, filters: Omit<WorkflowListFilters, 'cursor'> = {}) =>
    [...workflowKeys.lists(version), 'infinite', filters] as const,
  details: (version: ApiVersion) => [...workflowKeys.all(version), 'detail'] as const,
  detail: (version: ApiVersion, flowId: string) =>
    [...workflowKeys.details(version), flowId] as const,
};

export type InstanceListFilters = {
  workflowID?: string;
  running?: boolean;
  pageSize?: number;
  cursor?: string;
};

export const instanceKeys = {
  all: (version: ApiVersion) => [...scopeKey(version), 'instances'] as const,
  lists: (version: ApiVersion) => [...instanceKeys.all(version), 'list'] as const,
  list: (version: ApiVersion, filters: InstanceListFilters = {}) =>
    [...instanceKeys.lists(version), filters] as const,
  infinite: (version: ApiVersion, filters: Omit<InstanceListFilters, 'cursor'> = {}) =>
    [...instanceKeys.lists(version), 'infinite', filters] as const,
  details: (version: ApiVersion) => [...instanceKeys.all(version), 'detail'] as const,
  detail: (version: ApiVersion, instanceID: string) =>
    [...instanceKeys.details(version), instanceID] as const,
  history: (version: ApiVersion, instanceID: string) =>
    [...instanceKeys.detail(version, instanceID), 'history'] as const,
  stageHistories: (version: ApiVersion, instanceID: string) =>
    [...instanceKeys.detail(version, instanceID), 'stages'] as const,
  stageHistory: (version: ApiVersion, instanceID: string, stage: number) =>
    [...instanceKeys.stageHistories(version, instanceID), stage] as const,
};

export type TriggerListFilters = { name?: string; pageSize?: number; cursor?: string };
export type OccurrenceListFilters = { pageSize?: number; cursor?: string };

export const triggerKeys = {
  all: (version: ApiVersion) => [...scopeKey(version), 'triggers'] as const,
  lists: (version: ApiVersion) => [...triggerKeys.all(version), 'list'] as const,
  list: (version: ApiVersion, filters: TriggerListFilters = {}) =>
    [...triggerKeys.lists(version), filters] as const,
  details: (version: ApiVersion) => [...triggerKeys.all(version), 'detail'] as const,
  detail: (version: ApiVersion, triggerID: string) =>
    [...triggerKeys.details(version), triggerID] as const,
  occurrenceLists: (version: ApiVersion, triggerID: string) =>
    [...triggerKeys.detail(version, triggerID), 'occurrences'] as const,
  occurrences: (version: ApiVersion, triggerID: string, filters: OccurrenceListFilters = {}) =>
    [...triggerKeys.occurrenceLists(version, triggerID), filters] as const,
};

/**
 * Trigger test suites, kept by the Flowdeck server per connection (not an
 * orchestration resource, so not per API version).
 */
export const triggerSuiteKeys = {
  all: (connectionID: string) => ['trigger-suites', connectionID] as const,
  lists: (connectionID: string) => [...triggerSuiteKeys.all(connectionID), 'list'] as const,
  details: (connectionID: string) => [...triggerSuiteKeys.all(connectionID), 'detail'] as const,
  detail: (connectionID: string, triggerID: string) =>
    [...triggerSuiteKeys.details(connectionID), triggerID] as const,
};

export const serverInfoKeys = {
  all: (version: ApiVersion) => [...scopeKey(version), 'server-info'] as const,
};
