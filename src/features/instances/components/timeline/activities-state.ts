import type { StageHistory } from '@/lib/orchestration/schemas';

/**
 * Activities of one stage as the timeline shows them. The live page fills it
 * from the stage-history queries, the case-file viewer from the file.
 */
export type ActivitiesState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry?: () => void }
  | { status: 'success'; data: StageHistory[] };

export const idleActivities: ActivitiesState = { status: 'idle' };

/** Returns the activity that is retrying (attempt above 1 and a next execution), if any. */
export function retryingActivity(activities: readonly StageHistory[]): StageHistory | undefined {
  return activities.find(
    (activity) => !activity.terminated && activity.nextExecution !== undefined,
  );
}
