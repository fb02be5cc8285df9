import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest } from '@/lib/api-client';
import { cursorSchema, dataSchema, triggerSchema } from '@/lib/orchestration/schemas';
import type { CursorPage, Trigger } from '@/lib/orchestration/schemas';
import { triggerKeys } from '@/lib/query-keys';
import type { TriggerListFilters } from '@/lib/query-keys';

const pageSchema = cursorSchema(triggerSchema);
const listSchema = dataSchema(triggerSchema.array());

export function v2TriggersQuery(filters: TriggerListFilters = {}) {
  return queryOptions({
    queryKey: triggerKeys.list('v2', filters),
    queryFn: async ({ signal }): Promise<CursorPage<Trigger>> => {
      const { name, pageSize, cursor } = filters;
      // With a cursor the server takes every other parameter from the cursor itself.
      // NOTE: the real Flows server returns 500 whenever `name` is set.
      const query = cursor ? { cursor } : { name: name || undefined, pageSize };
      const body = await apiRequest('/v2/triggers', {
        query,
        schema: pageSchema,
        operation: 'v2ListTriggers',
        signal,
      });

      return body.cursor;
    },
  });
}

/** v1 has no cursor, and the real server returns only the first 15 triggers. */
export function triggersQuery(filters: Pick<TriggerListFilters, 'name'> = {}) {
  return queryOptions({
    queryKey: triggerKeys.list('v1', filters),
    queryFn: async ({ signal }): Promise<Trigger[]> => {
      const body = await apiRequest('/triggers', {
        query: { name: filters.name || undefined },
        schema: listSchema,
        operation: 'listTriggers',
        signal,
      });

      return body.data;
    },
  });
}

export function useV2ListTriggers(filters: TriggerListFilters = {}) {
  return useQuery({ ...v2TriggersQuery(filters), placeholderData: keepPreviousData });
}

export function useListTriggers(filters: Pick<TriggerListFilters, 'name'> = {}) {
  return useQuery(triggersQuery(filters));
}
