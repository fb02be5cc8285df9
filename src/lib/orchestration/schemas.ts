/**
 * Models of the Formance Orchestration API (v1 and v2 share them), as zod
 * schemas. The console parses every response with them and the local server
 * builds its responses from the inferred types, so both sides agree on one
 * definition.
 *
 * Parsing is lenient where the real Flows server is quirky: it writes `null`
 * for absent optional parts (testTrigger `filter`/`variables`, workflow
 * `stages`, trigger `workflow`), which the schemas turn into `undefined`.
 */
import { z } from 'zod';

/**
 * An optional field that the real server may also send as `null`. The outer
 * `.optional()` keeps the key optional in the inferred output type.
 */
function optional<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
}

/** RFC 3339 date-time string, kept as a string. */
export const dateTime = z.string().min(1);

export const stageKinds = ['send', 'delay', 'wait_event', 'update', 'noop'] as const;
export type StageKind = (typeof stageKinds)[number];

/** One stage element: an object with exactly one key, the stage kind. */
export const stageSchema = z.record(z.string(), z.unknown());
export type Stage = z.infer<typeof stageSchema>;

export const workflowConfigSchema = z.object({
  name: optional(z.string()),
  stages: z
    .array(stageSchema)
    .nullish()
    .transform((stages) => stages ?? []),
});
export type WorkflowConfig = z.infer<typeof workflowConfigSchema>;

export const workflowSchema = z.object({
  id: z.string(),
  config: workflowConfigSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
  deletedAt: optional(dateTime),
});
export type Workflow = z.infer<typeof workflowSchema>;

export const stageStatusSchema = z.object({
  stage: z.number().int(),
  instanceID: z.string(),
  startedAt: dateTime,
  terminatedAt: optional(dateTime),
  error: optional(z.string()),
});
export type StageStatus = z.infer<typeof stageStatusSchema>;

export const instanceSchema = z.object({
  id: z.string(),
  workflowID: z.string(),
  createdAt: dateTime,
  updatedAt: dateTime,
  terminated: z.boolean(),
  terminatedAt: optional(dateTime),
  error: optional(z.string()),
  status: optional(z.array(stageStatusSchema)),
  workflow: optional(workflowSchema),
});
export type Instance = z.infer<typeof instanceSchema>;

/** One entry per started stage (`GET /instances/{id}/history`). */
export const instanceHistorySchema = z.object({
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  terminated: z.boolean(),
  startedAt: dateTime,
  terminatedAt: optional(dateTime),
  error: optional(z.string()),
});
export type InstanceHistory = z.infer<typeof instanceHistorySchema>;

/** One entry per activity of a stage (`GET /instances/{id}/stages/{n}/history`). */
export const stageHistorySchema = z.object({
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  output: optional(z.record(z.string(), z.unknown())),
  error: optional(z.string()),
  terminated: z.boolean(),
  startedAt: dateTime,
  terminatedAt: optional(dateTime),
  lastFailure: optional(z.string()),
  attempt: z.number().int(),
  nextExecution: optional(dateTime),
});
export type StageHistory = z.infer<typeof stageHistorySchema>;

export const triggerDataSchema = z.object({
  event: z.string(),
  workflowID: z.string(),
  name: optional(z.string()),
  filter: optional(z.string()),
  vars: optional(z.record(z.string(), z.string())),
  version: optional(z.string()),
});
export type TriggerData = z.infer<typeof triggerDataSchema>;

export const triggerSchema = triggerDataSchema.extend({
  id: z.string(),
  createdAt: dateTime,
});
export type Trigger = z.infer<typeof triggerSchema>;

/** Event envelope as published on the bus: `event` in occurrences. */
export const eventEnvelopeSchema = z
  .object({
    type: optional(z.string()),
    version: optional(z.string()),
    app: optional(z.string()),
    date: optional(z.string()),
    idempotency_key: optional(z.string()),
    payload: z.unknown().optional(),
  })
  .passthrough();
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export const triggerOccurrenceSchema = z.object({
  id: optional(z.string()),
  triggerID: z.string(),
  date: dateTime,
  event: eventEnvelopeSchema,
  workflowInstanceID: optional(z.string()),
  workflowInstance: optional(instanceSchema),
  error: optional(z.string()),
});
export type TriggerOccurrence = z.infer<typeof triggerOccurrenceSchema>;

export const triggerTestSchema = z.object({
  filter: optional(
    z.object({
      match: optional(z.boolean()),
      error: optional(z.string()),
    }),
  ),
  variables: optional(
    z.record(
      z.string(),
      z.object({
        value: optional(z.string()),
        error: optional(z.string()),
      }),
    ),
  ),
});
export type TriggerTest = z.infer<typeof triggerTestSchema>;

export const serverInfoSchema = z.object({ version: z.string() });
export type ServerInfo = z.infer<typeof serverInfoSchema>;

export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  errorCode: z.string(),
  errorMessage: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Variables of a run: name → value, strings only. */
export const runVariablesSchema = z.record(z.string(), z.string());
export type RunVariables = z.infer<typeof runVariablesSchema>;

export const sendEventSchema = z.object({ name: z.string() });
export type SendEventBody = z.infer<typeof sendEventSchema>;

/** v2 list envelope: `{cursor: {pageSize, hasMore, previous?, next?, data}}`. */
export function cursorSchema<T extends z.ZodType>(item: T) {
  return z.object({
    cursor: z.object({
      pageSize: z.number().int(),
      hasMore: z.boolean(),
      previous: optional(z.string()),
      next: optional(z.string()),
      data: z
        .array(item)
        .nullish()
        .transform((data) => data ?? []),
    }),
  });
}
export type CursorPage<T> = {
  pageSize: number;
  hasMore: boolean;
  previous?: string;
  next?: string;
  data: T[];
};

/** v1 list and single-object envelope: `{data: T}`. */
export function dataSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}
