import { describe, expect, it } from 'vitest';

import type { Trigger, TriggerData } from '@/lib/orchestration/schemas';

import { copyTriggerData, moveTriggers } from './move-triggers';
import type { TriggerOperations } from './move-triggers';

function trigger(id: string, extra: Partial<Trigger> = {}): Trigger {
  return {
    id,
    event: 'SAVED_PAYMENT',
    workflowID: 'old',
    createdAt: '2025-01-01T00:00:00Z',
    ...extra,
  };
}

/** In-memory trigger store that can fail a chosen call. */
function fakeService(failOn?: { create?: number; delete?: string }) {
  const triggers = new Map<string, Trigger>([
    ['t1', trigger('t1', { name: 'first', filter: 'event.a == 1', vars: { x: 'event.x' } })],
    ['t2', trigger('t2', { version: 'v2' })],
    ['t3', trigger('t3')],
  ]);
  let creates = 0;
  let nextId = 0;
  const operations: TriggerOperations = {
    createTrigger: async (data: TriggerData) => {
      creates += 1;
      if (creates === failOn?.create) throw new Error('create refused');
      nextId += 1;
      const created = trigger(`new${nextId}`, data);
      triggers.set(created.id, created);
      return created;
    },
    deleteTrigger: async (id: string) => {
      if (id === failOn?.delete) throw new Error('delete refused');
      triggers.delete(id);
    },
  };
  const originals = [...triggers.values()];

  return { triggers, operations, originals };
}

function workflowsOf(triggers: Map<string, Trigger>): string[] {
  return [...triggers.values()].map((item) => `${item.event}:${item.workflowID}`).sort();
}

describe('moveTriggers', () => {
  it('re-creates every trigger on the new workflow, then deletes the old ones', async () => {
    const service = fakeService();
    const result = await moveTriggers(service.originals, 'new', service.operations);

    expect(result.ok).toBe(true);
    expect([...service.triggers.keys()].sort()).toEqual(['new1', 'new2', 'new3']);
    expect(service.triggers.get('new1')).toMatchObject({
      name: 'first',
      filter: 'event.a == 1',
      vars: { x: 'event.x' },
      workflowID: 'new',
    });
    expect(service.triggers.get('new2')?.version).toBe('v2');
  });

  it('deletes the copies when a creation fails', async () => {
    const service = fakeService({ create: 3 });
    const result = await moveTriggers(service.originals, 'new', service.operations);

    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Creating the copy of trigger t3 failed: create refused/),
    });
    expect([...service.triggers.keys()].sort()).toEqual(['t1', 't2', 't3']);
  });

  it('keeps each trigger once when deleting an original fails', async () => {
    const service = fakeService({ delete: 't2' });
    const result = await moveTriggers(service.originals, 'new', service.operations);

    expect(result).toMatchObject({ ok: false, moved: [{ id: 'new1' }] });
    expect([...service.triggers.keys()].sort()).toEqual(['new1', 't2', 't3']);
    expect(workflowsOf(service.triggers)).toEqual([
      'SAVED_PAYMENT:new',
      'SAVED_PAYMENT:old',
      'SAVED_PAYMENT:old',
    ]);
  });

  it('reports rollback failures', async () => {
    const service = fakeService({ create: 2 });
    service.operations.deleteTrigger = async () => {
      throw new Error('offline');
    };
    const result = await moveTriggers(service.originals, 'new', service.operations);

    expect(result).toMatchObject({
      ok: false,
      rollbackErrors: ['Deleting trigger "first" (new1) failed: offline'],
    });
  });
});

describe('copyTriggerData', () => {
  it('omits fields the trigger does not have', () => {
    expect(copyTriggerData(trigger('a'), 'w2')).toEqual({
      event: 'SAVED_PAYMENT',
      workflowID: 'w2',
    });
  });
});
