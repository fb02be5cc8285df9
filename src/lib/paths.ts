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

/**
 * Outcome filter of the instances list. The API cannot filter by outcome, so
 * the console applies it to the loaded rows.
 */
export type OutcomeFilter = 'succeeded' | 'failed' | 'canceled' | 'waiting';

export const outcomeFilters: readonly OutcomeFilter[] = [
  'succeeded',
  'failed',
  'canceled',
  'waiting',
];

export type InstanceListParams = Omit<ListParams, 'q'> & {
  workflowID?: string;
  running?: RunningFilter;
  outcome?: OutcomeFilter;
};

export type WorkflowTab = 'graph' | 'config';

/** Deep link into an instance's timeline: a stage (0-based) and one of its activities (0-based). */
export type InstanceParams = { stage?: number; activity?: number };

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
      outcome: params.outcome,
      cursor: params.cursor,
      pageSize: params.pageSize,
    }),
  /** Running instances blocked on a `wait_event` stage, grouped by event and workflow. */
  waiting: () => '/waiting',
  instance: (instanceId: string, params: InstanceParams = {}) =>
    withSearch(`/instances/${encodeURIComponent(instanceId)}`, {
      stage: params.stage,
      activity: params.stage === undefined ? undefined : params.activity,
    }),
  triggers: (params: ListParams = {}) => withSearch('/triggers', params),
  trigger: (triggerId: string) => `/triggers/${encodeURIComponent(triggerId)}`,
  newTrigger: () => '/triggers/new',
  /** Trigger editor; saving there creates a new trigger and deletes this one. */
  editTrigger: (triggerId: string) => `/triggers/${encodeURIComponent(triggerId)}/edit`,
  /** Read-only viewer of an exported instance case file, which needs no server. */
  caseFile: () => '/case-file',
};
