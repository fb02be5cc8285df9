/**
 * Validation of the document while it is edited, with the shared stage rules
 * (`validateStageDraft`): required fields, one-of rules, field types, asset
 * format, duration syntax and `${var}` syntax, placeholders being accepted
 * wherever the service accepts them. Results are cached per stage element, so
 * an edit revalidates only the stage it changed.
 */
import type { Stage } from '@/lib/orchestration/schemas';
import { validateStageDraft } from '@/lib/orchestration/stage-config';
import type { FieldError } from '@/lib/orchestration/stage-config';

import type { EditorStage } from './document';
import { formatPath } from './path';
import type { FieldPath } from './path';

export type { FieldError };

const cache = new WeakMap<Stage, FieldError[]>();

export function validateStage(element: Stage): FieldError[] {
  const cached = cache.get(element);
  if (cached) return cached;

  const errors = validateStageDraft(element);
  cache.set(element, errors);

  return errors;
}

export type DocumentValidation = {
  /** Errors per stage id; stages without errors are absent. */
  byStage: ReadonlyMap<string, FieldError[]>;
  errorCounts: ReadonlyMap<string, number>;
  total: number;
};

export function validateDocument(stages: readonly EditorStage[]): DocumentValidation {
  const byStage = new Map<string, FieldError[]>();
  const errorCounts = new Map<string, number>();
  let total = 0;

  for (const stage of stages) {
    const errors = validateStage(stage.element);
    if (errors.length > 0) {
      byStage.set(stage.id, errors);
      errorCounts.set(stage.id, errors.length);
      total += errors.length;
    }
  }

  return { byStage, errorCounts, total };
}

/** Messages of the errors found exactly at `path`. */
export function errorsAt(errors: readonly FieldError[], path: FieldPath): string[] {
  const key = formatPath(path);

  return errors.filter((error) => formatPath(error.path) === key).map((error) => error.message);
}

/** Joins the messages at `path` into one line for a form field, or `undefined` when there are none. */
export function fieldError(errors: readonly FieldError[], path: FieldPath): string | undefined {
  const messages = errorsAt(errors, path);

  return messages.length > 0 ? messages.join('; ') : undefined;
}
