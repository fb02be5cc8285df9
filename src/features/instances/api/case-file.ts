/**
 * The instance case file: one JSON document with everything needed to look
 * at an instance later without a server (workflow, instance, history, the
 * activities of every started stage, and the trigger occurrence that started
 * the instance when it was found).
 */
import { z } from 'zod';

import {
  dateTime,
  instanceHistorySchema,
  instanceSchema,
  stageHistorySchema,
  triggerOccurrenceSchema,
  triggerSchema,
  workflowSchema,
} from '@/lib/orchestration/schemas';
import type {
  Instance,
  InstanceHistory,
  StageHistory,
  Workflow,
} from '@/lib/orchestration/schemas';

export const caseFileFormat = 'flowdeck-instance-case-file';
export const caseFileVersion = 1;

const triggerOriginSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    trigger: triggerSchema,
    occurrence: triggerOccurrenceSchema,
  }),
  z.object({
    status: z.literal('not-found'),
    /** Triggers of the instance's workflow whose occurrences were searched. */
    triggersSearched: z.number().int().nonnegative(),
    /** `false` when the search stopped at its page limit before the end of a list. */
    complete: z.boolean(),
  }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type TriggerOrigin = z.infer<typeof triggerOriginSchema>;

export const caseFileSchema = z
  .object({
    format: z.literal(caseFileFormat),
    version: z.literal(caseFileVersion),
    exportedAt: dateTime,
    source: z.object({
      /** Name of the connection the file was exported from, e.g. "Local server". */
      connection: z.string(),
      serverUrl: z.string().optional(),
    }),
    workflow: workflowSchema.optional(),
    instance: instanceSchema,
    history: z.array(instanceHistorySchema),
    stageHistories: z.array(
      z.object({ stage: z.number().int().nonnegative(), activities: z.array(stageHistorySchema) }),
    ),
    trigger: triggerOriginSchema,
  })
  .superRefine((file, context) => {
    if (file.workflow && file.workflow.id !== file.instance.workflowID) {
      context.addIssue({
        code: 'custom',
        path: ['workflow', 'id'],
        message: `workflow ${file.workflow.id} is not the instance's workflow ${file.instance.workflowID}`,
      });
    }
  });
export type CaseFile = z.infer<typeof caseFileSchema>;

export type CaseFileParts = {
  exportedAt: Date;
  source: CaseFile['source'];
  workflow: Workflow | undefined;
  instance: Instance;
  history: InstanceHistory[];
  stageHistories: ReadonlyMap<number, StageHistory[]>;
  trigger: TriggerOrigin;
};

/** Assembles a case file; stage histories are sorted by stage number. */
export function buildCaseFile(parts: CaseFileParts): CaseFile {
  return {
    format: caseFileFormat,
    version: caseFileVersion,
    exportedAt: parts.exportedAt.toISOString(),
    source: parts.source,
    workflow: parts.workflow,
    instance: parts.instance,
    history: parts.history,
    stageHistories: [...parts.stageHistories]
      .sort(([a], [b]) => a - b)
      .map(([stage, activities]) => ({ stage, activities })),
    trigger: parts.trigger,
  };
}

/** Returns the file name of an instance's case file, e.g. `instance-5f0c2a9e.case.json`. */
export function caseFileName(instanceId: string): string {
  const safe = instanceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 36);

  return `instance-${safe}.case.json`;
}

export type CaseFileParseResult = { ok: true; file: CaseFile } | { ok: false; error: string };

const maxListedIssues = 5;

/** Parses and validates the text of a case file, with a readable error for a bad file. */
export function parseCaseFile(text: string): CaseFileParseResult {
  let json: unknown;

  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return { ok: false, error: `The file is not valid JSON: ${reason}` };
  }

  const format =
    json !== null && typeof json === 'object' && 'format' in json ? json.format : undefined;
  if (format !== caseFileFormat) {
    return {
      ok: false,
      error: `The file is not a Flowdeck case file: its "format" field must be "${caseFileFormat}".`,
    };
  }

  const result = caseFileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, maxListedIssues).map((issue) => {
      const path = issue.path.join('.') || '(root)';

      return `${path}: ${issue.message}`;
    });
    const more = result.error.issues.length - issues.length;
    const suffix = more > 0 ? ` (and ${more} more)` : '';

    return { ok: false, error: `The case file is invalid. ${issues.join('; ')}${suffix}.` };
  }

  return { ok: true, file: result.data };
}
