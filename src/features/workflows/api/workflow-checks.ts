/**
 * Zod-free checks of the workflow list bodies, so that the workflow list, the
 * first page the console opens, loads without zod. They mirror `workflowSchema`,
 * `cursorSchema` and `dataSchema` of `@/lib/orchestration/schemas`, and
 * workflow-checks.test.ts compares both on the same bodies.
 */
import {
  array,
  arrayOrEmpty,
  cursorPage,
  dataEnvelope,
  nonEmptyString,
  nullish,
  object,
  record,
  responseSchema,
  string,
} from '@/lib/api-client-checks';
import type { Check } from '@/lib/api-client-checks';
import type { Workflow } from '@/lib/orchestration/schemas';

export const workflowCheck: Check<Workflow> = object({
  id: string,
  config: object({ name: nullish(string), stages: arrayOrEmpty(record) }),
  createdAt: nonEmptyString,
  updatedAt: nonEmptyString,
  deletedAt: nullish(nonEmptyString),
});

/** Body of v2 `listWorkflows`. */
export const workflowPageBody = responseSchema(cursorPage(workflowCheck));

/** Body of v1 `listWorkflows`: every workflow. */
export const workflowListBody = responseSchema(dataEnvelope(array(workflowCheck)));
