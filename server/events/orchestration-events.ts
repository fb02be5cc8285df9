import { randomUUID } from 'node:crypto';

import type { BusEvent } from './bus';

/** Event types that the orchestration service itself emits. */
export const orchestrationEventTypes = [
  'STARTED_WORKFLOW',
  'SUCCEEDED_WORKFLOW',
  'FAILED_WORKFLOW',
  'STARTED_WORKFLOW_STAGE',
  'SUCCEEDED_WORKFLOW_STAGE',
  'FAILED_WORKFLOW_STAGE',
  'SUCCEEDED_TRIGGER',
  'FAILED_TRIGGER',
] as const;
export type OrchestrationEventType = (typeof orchestrationEventTypes)[number];

/**
 * Builds an orchestration event envelope (app `orchestration`, version `v2`,
 * like the real service). Payloads: workflow events `{id: workflowID,
 * instanceID, error?}`, stage events add `number`, trigger events
 * `{id: occurrenceID, triggerID, workflowInstanceID | error}`.
 */
export function orchestrationEvent(
  type: OrchestrationEventType,
  payload: Record<string, unknown>,
  date: Date,
): BusEvent {
  return {
    type,
    version: 'v2',
    app: 'orchestration',
    date: date.toISOString(),
    idempotency_key: randomUUID(),
    payload,
  };
}
