/**
 * Trigger hooks that call the v1 or v2 operation according to the active
 * connection's API version and return the same shape either way. v1 lists
 * have no cursor, so the console pages them itself.
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import { pageRows } from '@/lib/connection/v1-paging';
import type { CursorPage, Trigger, TriggerOccurrence } from '@/lib/orchestration/schemas';
import type { MutationHookOptions } from '@/lib/query-client';
import type { ApiVersion, TriggerListFilters } from '@/lib/query-keys';

import { createTriggerMutation } from './create-trigger';
import { deleteTriggerMutation } from './delete-trigger';
import { triggerOccurrencesQuery, v2TriggerOccurrencesQuery } from './list-trigger-occurrences';
import type { OccurrencesFilters } from './list-trigger-occurrences';
import { latestTriggerOccurrencesQuery } from './list-trigger-occurrences';
import { triggersQuery, v2TriggersQuery } from './list-triggers';
import { triggerQuery, v2TriggerQuery } from './read-trigger';
import { saveTriggerMutation } from './save-trigger';

/**
 * Number of triggers the v1 list operation returns at most. The Flows server
 * cuts v1 lists of triggers there and offers no cursor to read further.
 */
export const v1TriggerListLimit = 15;

/** A page of triggers; `truncated` is set when a v1 stack may have cut the list. */
export type TriggersPage = CursorPage<Trigger> & { truncated: boolean };

/** Cuts one page out of a complete v1 trigger list. */
export function pageV1Triggers(
  rows: readonly Trigger[],
  filters: TriggerListFilters,
): TriggersPage {
  return { ...pageRows(rows, filters), truncated: rows.length >= v1TriggerListLimit };
}

/** Query options of one trigger in the given API version, e.g. for prefetching. */
export function versionedTriggerQuery(version: ApiVersion, triggerID: string) {
  return version === 'v2' ? v2TriggerQuery(triggerID) : triggerQuery(triggerID);
}

/** Loads one page of triggers, with `cursor` and `pageSize` as in v2. */
export function useTriggersPage(filters: TriggerListFilters = {}) {
  const { apiVersion } = useConnection();
  const v2 = useQuery({
    ...v2TriggersQuery(filters),
    select: (page): TriggersPage => ({ ...page, truncated: false }),
    placeholderData: keepPreviousData,
    enabled: apiVersion === 'v2',
  });
  const v1 = useQuery({
    ...triggersQuery({ name: filters.name }),
    select: (rows) => pageV1Triggers(rows, filters),
    enabled: apiVersion === 'v1',
  });

  return apiVersion === 'v2' ? v2 : v1;
}

export function useTrigger(triggerID: string) {
  const { apiVersion } = useConnection();

  return useQuery(versionedTriggerQuery(apiVersion, triggerID));
}

/** Loads one page of a trigger's occurrences, oldest first, with `cursor` and `pageSize` as in v2. */
export function useTriggerOccurrencesPage(filters: OccurrencesFilters) {
  const { apiVersion } = useConnection();
  const v2 = useQuery({
    ...v2TriggerOccurrencesQuery(filters),
    placeholderData: keepPreviousData,
    enabled: apiVersion === 'v2',
  });
  const v1 = useQuery({
    ...triggerOccurrencesQuery({ triggerID: filters.triggerID }),
    select: (rows): CursorPage<TriggerOccurrence> => pageRows(rows, filters),
    enabled: apiVersion === 'v1',
  });

  return apiVersion === 'v2' ? v2 : v1;
}

/** Returns the latest `count` occurrences of a trigger, newest first. */
export function latestV1Occurrences(
  rows: readonly TriggerOccurrence[],
  count: number,
): TriggerOccurrence[] {
  return rows.slice(-count).reverse();
}

/** The latest `count` occurrences of a trigger, newest first; disabled for an empty id. */
export function useVersionedLatestTriggerOccurrences(triggerID: string, count: number) {
  const { apiVersion } = useConnection();
  const v2 = useQuery({
    ...latestTriggerOccurrencesQuery(triggerID, count),
    enabled: apiVersion === 'v2' && triggerID !== '',
  });
  const v1 = useQuery({
    ...triggerOccurrencesQuery({ triggerID }),
    select: (rows) => latestV1Occurrences(rows, count),
    enabled: apiVersion === 'v1' && triggerID !== '',
  });

  return apiVersion === 'v2' ? v2 : v1;
}

export function useVersionedCreateTrigger(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(createTriggerMutation(apiVersion, options));
}

export function useVersionedDeleteTrigger(options: MutationHookOptions = {}) {
  const { apiVersion } = useConnection();

  return useMutation(deleteTriggerMutation(apiVersion, options));
}

export function useVersionedSaveTrigger(options: MutationHookOptions = {}) {
  const { id, apiVersion } = useConnection();

  return useMutation(saveTriggerMutation(id, options, apiVersion));
}
