import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest, pathSegment } from '@/lib/api-client';
import { cursorSchema, dataSchema, triggerOccurrenceSchema } from '@/lib/orchestration/schemas';
import type { CursorPage, TriggerOccurrence } from '@/lib/orchestration/schemas';
import { triggerKeys } from '@/lib/query-keys';
import type { OccurrenceListFilters } from '@/lib/query-keys';

export type OccurrencesFilters = OccurrenceListFilters & { triggerID: string };

const pageSchema = cursorSchema(triggerOccurrenceSchema);
const listSchema = dataSchema(triggerOccurrenceSchema.array());

// An unknown trigger yields an empty list, not an error.
export function v2TriggerOccurrencesQuery({ triggerID, pageSize, cursor }: OccurrencesFilters) {
  return queryOptions({
    queryKey: triggerKeys.occurrences('v2', triggerID, { pageSize, cursor }),
    queryFn: async ({ signal }): Promise<CursorPage<TriggerOccurrence>> => {
      // With a cursor the server takes every other parameter from the cursor itself.
      const query = cursor ? { cursor } : { pageSize };
      const body = await apiRequest(`/v2/triggers/${pathSegment(triggerID)}/occurrences`, {
        query,
        schema: pageSchema,
        operation: 'v2ListTriggersOccurrences',
        signal,
      });

      return body.cursor;
    },
  });
}

/** v1 returns every occurrence in one response. */
export function triggerOccurrencesQuery({ triggerID }: Pick<OccurrencesFilters, 'triggerID'>) {
  return queryOptions({
    queryKey: triggerKeys.occurrences('v1', triggerID),
    queryFn: async ({ signal }): Promise<TriggerOccurrence[]> => {
      const body = await apiRequest(`/triggers/${pathSegment(triggerID)}/occurrences`, {
        schema: listSchema,
        operation: 'listTriggersOccurrences',
        signal,
      });

      return body.data;
    },
  });
}

export function useV2ListTriggersOccurrences(filters: OccurrencesFilters) {
  return useQuery({ ...v2TriggerOccurrencesQuery(filters), placeholderData: keepPreviousData });
}

export function useListTriggersOccurrences(filters: Pick<OccurrencesFilters, 'triggerID'>) {
  return useQuery(triggerOccurrencesQuery(filters));
}

// The API lists occurrences oldest first; this many pages of 100 are read at most.
const maxLatestPages = 20;

/**
 * The latest `count` occurrences of a trigger, newest first. The API pages
 * oldest first, so this reads every page (up to 2,000 occurrences) and keeps the end.
 */
export function latestTriggerOccurrencesQuery(triggerID: string, count: number) {
  return queryOptions({
    queryKey: [...triggerKeys.occurrenceLists('v2', triggerID), 'latest', count] as const,
    queryFn: async ({ signal }): Promise<TriggerOccurrence[]> => {
      const all: TriggerOccurrence[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < maxLatestPages; page += 1) {
        const body = await apiRequest(`/v2/triggers/${pathSegment(triggerID)}/occurrences`, {
          query: cursor ? { cursor } : { pageSize: 100 },
          schema: pageSchema,
          operation: 'v2ListTriggersOccurrences',
          signal,
        });
        all.push(...body.cursor.data);
        if (!body.cursor.hasMore || !body.cursor.next) break;
        cursor = body.cursor.next;
      }

      return all.slice(-count).reverse();
    },
  });
}

export function useLatestTriggerOccurrences(triggerID: string, count: number) {
  return useQuery({
    ...latestTriggerOccurrencesQuery(triggerID, count),
    enabled: triggerID !== '',
  });
}
