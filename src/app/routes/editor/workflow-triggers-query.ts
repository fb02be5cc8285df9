import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import { v2TriggersQuery } from '@/features/triggers/api/list-triggers';
import type { Trigger } from '@/lib/orchestration/schemas';
import { triggerKeys } from '@/lib/query-keys';

/** Pages read at most (100 triggers each); a larger trigger list is cut there. */
const maxPages = 50;

/**
 * Query of every trigger that starts one workflow. The API cannot filter
 * triggers by workflow, so the query walks the whole v2 list. Its key sits
 * under the trigger lists, so creating or deleting a trigger invalidates it.
 */
export function workflowTriggersQuery(queryClient: QueryClient, workflowId: string) {
  return queryOptions({
    queryKey: [...triggerKeys.lists('v2'), 'of-workflow', workflowId],
    queryFn: async (): Promise<Trigger[]> => {
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
