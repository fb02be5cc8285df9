/**
 * Builds every in-app href, so links and URL search params stay consistent
 * across pages. Empty and undefined params are left out of the URL.
 */

/** Search params shared by the cursor-paged lists. */
export type ListParams = {
  cursor?: string;
  pageSize?: number;
  /** Free-text search (workflow name, trigger name). */
  q?: string;
};

export type RunningFilter = 'running' | 'terminated';

export type InstanceListParams = Omit<ListParams, 'q'> & {
  workflowID?: string;
  running?: RunningFilter;
};

export type WorkflowTab = 'graph' | 'config';

function withSearch(pathname: string, params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();

  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }

  const query = search.toString();

  return query ? `${pathname}?${query}` : pathname;
}

export const paths = {
  home: () => '/',
  workflows: (params: ListParams = {}) => withSearch('/workflows', params),
  workflow: (workflowId: string, tab?: WorkflowTab) =>
    withSearch(`/workflows/${encodeURIComponent(workflowId)}`, { tab }),
  /** Editor of a new workflow. */
  newWorkflow: () => '/workflows/new/edit',
  /** Editor of a saved workflow; saving there creates a new workflow (a new version). */
  editWorkflow: (workflowId: string) => `/workflows/${encodeURIComponent(workflowId)}/edit`,
  instances: (params: InstanceListParams = {}) =>
    withSearch('/instances', {
      workflow: params.workflowID,
      running: params.running,
      cursor: params.cursor,
      pageSize: params.pageSize,
    }),
  instance: (instanceId: string) => `/instances/${encodeURIComponent(instanceId)}`,
  triggers: (params: ListParams = {}) => withSearch('/triggers', params),
  trigger: (triggerId: string) => `/triggers/${encodeURIComponent(triggerId)}`,
};
