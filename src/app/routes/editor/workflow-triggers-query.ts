import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { triggersQuery, v2TriggersQuery } from '@/features/triggers/api/list-triggers';
import type { Trigger } from '@/lib/orchestration/schemas';
import { triggerKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

/** Pages read at most (100 triggers each); a larger trigger list is cut there. */
const maxPages = 50;

/**
 * Query of every trigger that starts one workflow. The API cannot filter
 * triggers by workflow, so the query walks the whole list. Its key sits
 * under the trigger lists, so creating or deleting a trigger invalidates it.
 * NOTE: a v1 stack lists only its first 15 triggers, so triggers past those are missed.
 */
export function workflowTriggersQuery(
  queryClient: QueryClient,
  workflowId: string,
  version: ApiVersion = 'v2',
) {
  return queryOptions({
    queryKey: [...triggerKeys.lists(version), 'of-workflow', workflowId],
    queryFn: async (): Promise<Trigger[]> => {
      if (version === 'v1') {
        const all = await queryClient.fetchQuery(triggersQuery());

        return all.filter((trigger) => trigger.workflowID === workflowId);
      }

      const found: Trigger[] = [];
      let cursor: string | undefined;

      for (let page = 0; page < maxPages; page += 1) {
        const result = await queryClient.fetchQuery(v2TriggersQuery({ pageSize: 100, cursor }));
        found.push(...result.data.filter((trigger) => trigger.workflowID === workflowId));
        if (!result.hasMore || !result.next) break;
        cursor = result.next;
      }

      return found;
    },
  });
}
