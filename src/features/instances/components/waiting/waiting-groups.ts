/** Pure model of the waiting inbox: instances blocked on `wait_event`, grouped by event and workflow. */
import { toEpochMs } from '@/lib/format';
import { getCurrentStage, getWaitingEventName } from '@/lib/orchestration/instance-state';
import type { Instance } from '@/lib/orchestration/schemas';

export type WaitingItem = {
  instance: Instance;
  eventName: string;
  /** Start of the waiting `wait_event` stage (RFC 3339). */
  waitingSince: string;
  stageIndex: number;
};

export type WaitingGroup = {
  /** `eventName` and `workflowID`, joined, unique per group. */
  key: string;
  eventName: string;
  workflowID: string;
  workflowName: string;
  /** Oldest first. */
  items: WaitingItem[];
};

/** Returns the waiting item of an instance (a getInstance response), or undefined if it does not wait. */
export function toWaitingItem(instance: Instance): WaitingItem | undefined {
  const eventName = getWaitingEventName(instance);
  const stage = getCurrentStage(instance);
  if (eventName === undefined || stage === undefined) return undefined;

  return { instance, eventName, waitingSince: stage.status.startedAt, stageIndex: stage.index };
}

function sinceTime(item: WaitingItem): number {
  const time = toEpochMs(item.waitingSince);

  return Number.isNaN(time) ? 0 : time;
}

/** Groups waiting items by event name and workflow; groups with the oldest wait come first. */
export function groupWaitingItems(items: readonly WaitingItem[]): WaitingGroup[] {
  const groups = new Map<string, WaitingGroup>();

  for (const item of items) {
    const { workflowID } = item.instance;
    const key = `${item.eventName}\u0000${workflowID}`;
    let group = groups.get(key);

    if (group === undefined) {
      const workflowName = item.instance.workflow?.config.name || workflowID;
      group = { key, eventName: item.eventName, workflowID, workflowName, items: [] };
      groups.set(key, group);
    }

    group.items.push(item);
  }

  const sorted = [...groups.values()];
  for (const group of sorted) group.items.sort((a, b) => sinceTime(a) - sinceTime(b));
  sorted.sort(
    (a, b) => sinceTime(a.items[0] as WaitingItem) - sinceTime(b.items[0] as WaitingItem),
  );

  return sorted;
}
