import { describe, expect, it } from 'vitest';

import {
  cursorSchema,
  dataSchema,
  instanceSchema,
  stageHistorySchema,
  triggerOccurrenceSchema,
  triggerSchema,
  triggerTestSchema,
  workflowSchema,
} from '@/lib/orchestration/schemas';

const instanceJson = {
  id: '5f0c2a9e-1d7b-4c1e-9a63-2b8d0e4f7a10',
  workflowID: 'a3e9c0d2-6b1f-4e85-8f7a-0c9d2e1b4a66',
  createdAt: '2025-03-02T09:15:04.120331Z',
  updatedAt: '2025-03-02T09:15:04.120331Z',
  terminated: false,
};

describe('workflowSchema', () => {
  it('turns stages: null into an empty array', () => {
    const workflow = workflowSchema.parse({
      id: 'wf-1',
      config: { name: '', stages: null },
      createdAt: '2025-03-01T17:00:00Z',
      updatedAt: '2025-03-01T17:00:00Z',
      deletedAt: null,
    });

    expect(workflow.config.stages).toEqual([]);
    expect(workflow.deletedAt).toBeUndefined();
  });

  it('keeps deletedAt of a soft-deleted workflow', () => {
    const workflow = workflowSchema.parse({
      id: 'wf-1',
      config: { stages: [{ noop: {} }] },
      createdAt: '2025-03-01T17:00:00Z',
      updatedAt: '2025-03-01T17:00:00Z',
      deletedAt: '2025-03-02T08:00:00+01:00',
    });

    expect(workflow.deletedAt).toBe('2025-03-02T08:00:00+01:00');
    expect(workflow.config.name).toBeUndefined();
  });

  it('rejects a workflow without id', () => {
    const result = workflowSchema.safeParse({
      config: { stages: [] },
      createdAt: 'x',
      updatedAt: 'x',
    });

    expect(result.success).toBe(false);
  });
});

describe('instanceSchema', () => {
  it('accepts workflow: null and strips extra keys', () => {
    const instance = instanceSchema.parse({
      ...instanceJson,
      workflow: null,
      status: [
        {
          stage: 0,
          instanceID: instanceJson.id,
          startedAt: '2025-03-02T09:15:04.3Z',
          temporalRunID: 'run-1',
          terminatedAt: null,
          error: null,
        },
      ],
      somethingNew: true,
    });

    expect(instance.workflow).toBeUndefined();
    expect(instance.status?.[0]?.terminatedAt).toBeUndefined();
    expect(instance.status?.[0]).not.toHaveProperty('temporalRunID');
    expect(instance).not.toHaveProperty('somethingNew');
  });

  it('parses an embedded workflow with stages: null', () => {
    const instance = instanceSchema.parse({
      ...instanceJson,
      workflow: {
        id: instanceJson.workflowID,
        config: { stages: null },
        createdAt: '2025-03-01T17:00:00Z',
        updatedAt: '2025-03-01T17:00:00Z',
      },
    });

    expect(instance.workflow?.config.stages).toEqual([]);
  });

  it('rejects a string terminated flag', () => {
    expect(instanceSchema.safeParse({ ...instanceJson, terminated: 'false' }).success).toBe(false);
  });
});

describe('triggerSchema', () => {
  it('accepts the real server extra workflow: null', () => {
    const trigger = triggerSchema.parse({
      id: 't-1',
      name: '',
      event: 'SAVED_PAYMENT',
      workflowID: 'wf-1',
      createdAt: '2025-03-02T09:15:04.120331Z',
      workflow: null,
      filter: null,
      vars: null,
    });

    expect(trigger).not.toHaveProperty('workflow');
    expect(trigger.filter).toBeUndefined();
    expect(trigger.vars).toBeUndefined();
  });
});

describe('triggerTestSchema', () => {
  it('turns null filter and variables into undefined', () => {
    const test = dataSchema(triggerTestSchema).parse({ data: { filter: null, variables: null } });

    expect(test.data.filter).toBeUndefined();
    expect(test.data.variables).toBeUndefined();
  });

  it('keeps a failed match with its error', () => {
    const test = triggerTestSchema.parse({
      filter: { match: false, error: 'invalid operation' },
      variables: { fanID: { value: 'f-12' }, cents: { error: 'nil', value: null } },
    });

    expect(test.filter).toEqual({ match: false, error: 'invalid operation' });
    expect(test.variables?.fanID?.value).toBe('f-12');
    expect(test.variables?.cents?.value).toBeUndefined();
  });
});

describe('triggerOccurrenceSchema', () => {
  it('keeps the whole event envelope', () => {
    const occurrence = triggerOccurrenceSchema.parse({
      id: 'o-1',
      triggerID: 't-1',
      date: '2025-03-02T09:15:04Z',
      event: { type: 'NEW_TRANSACTION', payload: { amount: 100 }, extra: 'kept' },
      workflowInstanceID: instanceJson.id,
      workflowInstance: { ...instanceJson },
    });

    expect(occurrence.event.type).toBe('NEW_TRANSACTION');
    expect(occurrence.event.extra).toBe('kept');
    expect(occurrence.workflowInstance?.id).toBe(instanceJson.id);
  });
});

describe('stageHistorySchema', () => {
  it('parses a retrying activity', () => {
    const entry = stageHistorySchema.parse({
      name: 'CreateTransaction',
      input: { CreateTransaction: { Ledger: 'shop' } },
      terminated: false,
      startedAt: '2025-03-02T09:15:04Z',
      lastFailure: 'connection refused',
      attempt: 4,
      nextExecution: '2025-03-02T09:15:12Z',
      output: null,
    });

    expect(entry.attempt).toBe(4);
    expect(entry.output).toBeUndefined();
  });
});

describe('cursorSchema', () => {
  it('turns data: null into an empty array and omits absent cursors', () => {
    const page = cursorSchema(workflowSchema).parse({
      cursor: { pageSize: 15, hasMore: false, data: null, next: null },
    });

    expect(page.cursor.data).toEqual([]);
    expect(page.cursor.next).toBeUndefined();
  });

  it('rejects a page without hasMore', () => {
    const result = cursorSchema(workflowSchema).safeParse({ cursor: { pageSize: 15, data: [] } });

    expect(result.success).toBe(false);
  });
});
