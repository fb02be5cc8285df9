import { describe, expect, it } from 'vitest';

import { makeInstance, makeStageStatus, makeWorkflow } from '@/testing/fixtures';

import { groupWaitingItems, toWaitingItem } from './waiting-groups';

function waitingInstance(id: string, workflowID: string, event: string, startedAt: string) {
  const workflow = makeWorkflow({
    id: workflowID,
    config: { name: `wf-${workflowID}`, stages: [{ wait_event: { event } }] },
  });

  return makeInstance({
    id,
    workflowID,
    workflow,
    status: [makeStageStatus({ instanceID: id, startedAt })],
  });
}

describe('toWaitingItem', () => {
  it('returns undefined for a running stage that is not wait_event', () => {
    const instance = makeInstance({
      workflow: makeWorkflow({ config: { stages: [{ delay: { duration: '1h' } }] } }),
      status: [makeStageStatus()],
    });

    expect(toWaitingItem(instance)).toBeUndefined();
  });
});

describe('groupWaitingItems', () => {
  it('groups by event and workflow, oldest first', () => {
    const items = [
      waitingInstance('1', 'w1', 'go', '2025-03-02T10:00:00Z'),
      waitingInstance('2', 'w1', 'go', '2025-03-02T09:00:00Z'),
      waitingInstance('3', 'w2', 'go', '2025-03-02T08:00:00Z'),
      waitingInstance('4', 'w1', 'stop', '2025-03-02T11:00:00Z'),
    ].map((instance) => toWaitingItem(instance));

    const groups = groupWaitingItems(items.filter((item) => item !== undefined));

    expect(groups.map((group) => `${group.eventName}/${group.workflowID}`)).toEqual([
      'go/w2',
      'go/w1',
      'stop/w1',
    ]);
    expect(groups[1]?.items.map((item) => item.instance.id)).toEqual(['2', '1']);
    expect(groups[1]?.workflowName).toBe('wf-w1');
  });
});
