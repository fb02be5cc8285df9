/**
 * What-if of a trigger edit: the saved and the draft definition evaluated
 * against the events of past occurrences, so that a change's effect on real
 * traffic is visible before saving.
 */
import type { TriggerOccurrence } from '@/lib/orchestration/schemas';

import { evaluateTrigger, matchesEnvelope } from './draft-evaluation';
import type { TriggerDefinition, TriggerEvaluation, VariableOutcome } from './draft-evaluation';

export type WhatIfSide = {
  matched: boolean;
  /** Why it did not match: `event type` / `version` when the envelope differs, or the filter error. */
  reason?: string;
  evaluation: TriggerEvaluation;
};

export type VariableChange = { name: string; before: string; after: string; changed: boolean };

export type WhatIfRow = {
  key: string;
  date: string;
  eventType: string;
  before: WhatIfSide;
  after: WhatIfSide;
  variables: VariableChange[];
  changed: boolean;
};

function evaluateSide(definition: TriggerDefinition, occurrence: TriggerOccurrence): WhatIfSide {
  const envelope = occurrence.event;
  if (!matchesEnvelope(definition, envelope)) {
    const reason = envelope.type !== definition.event ? 'other event type' : 'other version';
    return { matched: false, reason, evaluation: {} };
  }

  const evaluation = evaluateTrigger(definition, envelope.payload ?? {});
  const matched = evaluation.filter === undefined || evaluation.filter.match;

  return { matched, reason: evaluation.filter?.error, evaluation };
}

/** Formats a variable outcome for the table: its value, `error: …`, or `—` when not evaluated. */
export function formatOutcome(outcome: VariableOutcome | undefined): string {
  if (outcome === undefined) return '—';
  if (outcome.error !== undefined) return `error: ${outcome.error}`;

  return outcome.value;
}

/** Compares two definitions on each occurrence's event, newest first as given. */
export function compareOnOccurrences(
  before: TriggerDefinition,
  after: TriggerDefinition,
  occurrences: readonly TriggerOccurrence[],
): WhatIfRow[] {
  return occurrences.map((occurrence, index) => {
    const beforeSide = evaluateSide(before, occurrence);
    const afterSide = evaluateSide(after, occurrence);
    const names = [
      ...new Set([...Object.keys(before.vars ?? {}), ...Object.keys(after.vars ?? {})]),
    ];
    const variables = names.map((name) => {
      const previous = formatOutcome(beforeSide.evaluation.variables?.[name]);
      const next = formatOutcome(afterSide.evaluation.variables?.[name]);
      return { name, before: previous, after: next, changed: previous !== next };
    });

    return {
      key: occurrence.id ?? `${occurrence.date}-${index}`,
      date: occurrence.date,
      eventType: occurrence.event.type ?? 'unknown',
      before: beforeSide,
      after: afterSide,
      variables,
      changed:
        beforeSide.matched !== afterSide.matched || variables.some((change) => change.changed),
    };
  });
}
