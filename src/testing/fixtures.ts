/**
 * Builders of API objects for tests, shaped like the local server's responses.
 * Each takes overrides for the fields a test cares about.
 */
import type {
  CursorPage,
  Instance,
  InstanceHistory,
  StageHistory,
  StageStatus,
  Trigger,
  TriggerOccurrence,
  Workflow,
} from '@/lib/orchestration/schemas';

const createdAt = '2025-03-02T09:15:04.120331Z';

export function makeWorkflow(overrides: Partial<Workflow> = {}): Workflow {
  return {
    id: 'a3e9c0d2-6b1f-4e85-8f7a-0c9d2e1b4a66',
    config: {
      name: 'approval-gated-refund',
      stages: [{ wait_event: { event: 'refund-approved' } }],
    },
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function makeStageStatus(overrides: Partial<StageStatus> = {}): StageStatus {
  return {
    stage: 0,
    instanceID: '5f0c2a9e-1d7b-4c1e-9a63-2b8d0e4f7a10',
    startedAt: '2025-03-02T09:15:04.3Z',
    ...overrides,
  };
}

export function makeInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    id: '5f0c2a9e-1d7b-4c1e-9a63-2b8d0e4f7a10',
    workflowID: 'a3e9c0d2-6b1f-4e85-8f7a-0c9d2e1b4a66',
    createdAt,
    updatedAt: createdAt,
    terminated: false,
    ...overrides,
  };
}

export function makeInstanceHistory(overrides: Partial<InstanceHistory> = {}): InstanceHistory {
  return {
    name: 'RunWaitEvent',
    input: { event: 'refund-approved' },
    terminated: false,
    startedAt: '2025-03-02T09:15:05.2Z',
    ...overrides,
  };
}

export function makeStageHistory(overrides: Partial<StageHistory> = {}): StageHistory {
  return {
    name: 'CreateTransaction',
    input: { CreateTransaction: { Ledger: 'shop', Data: { postings: [] } } },
    terminated: true,
    startedAt: '2025-03-02T09:15:04.4Z',
    terminatedAt: '2025-03-02T09:15:04.9Z',
    attempt: 1,
    ...overrides,
  };
}

export function makeTrigger(overrides: Partial<Trigger> = {}): Trigger {
  return {
    id: '0b7e52a4-3c1d-4f60-8a2e-6d9c1f0e7b35',
    name: 'large-eur-commit',
    event: 'COMMITTED_TRANSACTIONS',
    workflowID: 'a3e9c0d2-6b1f-4e85-8f7a-0c9d2e1b4a66',
    createdAt,
    ...overrides,
  };
}

export function makeOccurrence(overrides: Partial<TriggerOccurrence> = {}): TriggerOccurrence {
  return {
    triggerID: '0b7e52a4-3c1d-4f60-8a2e-6d9c1f0e7b35',
    date: createdAt,
    event: { type: 'COMMITTED_TRANSACTIONS', version: 'v2', app: 'ledger', payload: {} },
    workflowInstanceID: '5f0c2a9e-1d7b-4c1e-9a63-2b8d0e4f7a10',
    ...overrides,
  };
}

/** Wraps items in the v2 list envelope `{cursor: {...}}`. */
export function cursorBody<T>(data: T[], page: Partial<CursorPage<T>> = {}) {
  return { cursor: { pageSize: 15, hasMore: false, data, ...page } };
}
