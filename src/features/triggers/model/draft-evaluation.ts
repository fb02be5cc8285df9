/**
 * Evaluates a trigger definition (saved or draft) against an event payload in
 * the browser, with the same evaluator as the local server, and reports the
 * result in the shape of testTrigger: `filter` only when there is a filter,
 * `variables` only when the filter matched (or there is none) and there are vars.
 */
import { compile, evaluate, ExprError, formatFlowsError, formatVarValue } from '@/lib/expr';
import type { CodeEditorError } from '@/components/code-editor/code-editor';
import type { EventEnvelope } from '@/lib/orchestration/schemas';

export type TriggerDefinition = {
  event: string;
  version?: string;
  filter?: string;
  vars?: Record<string, string>;
};

export type FilterOutcome = { match: boolean; error?: string };
export type VariableOutcome = { value: string; error?: undefined } | { error: string };

export type TriggerEvaluation = {
  filter?: FilterOutcome;
  variables?: Record<string, VariableOutcome>;
};

// link() would fetch a resource of the server; the browser preview does not follow links.
function browserLink(): never {
  throw new Error('link() is not evaluated in the browser preview: use Test on the server');
}

function run(source: string, payload: unknown): unknown {
  return evaluate(compile(source), { event: payload }, { link: browserLink });
}

export function evaluateFilter(filter: string, payload: unknown): FilterOutcome {
  try {
    return { match: run(filter, payload) === true };
  } catch (error) {
    return { match: false, error: formatFlowsError(filter, error) };
  }
}

export function evaluateVariable(source: string, payload: unknown): VariableOutcome {
  try {
    return { value: formatVarValue(run(source, payload)) };
  } catch (error) {
    return { error: formatFlowsError(source, error) };
  }
}

/** Evaluates the filter and the variables of `definition` against `payload`, like testTrigger. */
export function evaluateTrigger(
  definition: TriggerDefinition,
  payload: unknown,
): TriggerEvaluation {
  const result: TriggerEvaluation = {};
  const filter = definition.filter?.trim() ?? '';
  if (filter !== '') result.filter = evaluateFilter(filter, payload);

  const vars = Object.entries(definition.vars ?? {});
  if ((result.filter === undefined || result.filter.match) && vars.length > 0) {
    result.variables = Object.fromEntries(
      vars.map(([name, source]) => [name, evaluateVariable(source, payload)]),
    );
  }

  return result;
}

/** Returns true when the evaluation would start the workflow: a match and no variable error. */
export function startsWorkflow(evaluation: TriggerEvaluation): boolean {
  const matched = evaluation.filter === undefined || evaluation.filter.match;
  const failed = Object.values(evaluation.variables ?? {}).some(
    (outcome) => outcome.error !== undefined,
  );

  return matched && !failed;
}

/** Checks the envelope part of a match: the event type and, when the trigger sets one, the version. */
export function matchesEnvelope(definition: TriggerDefinition, envelope: EventEnvelope): boolean {
  if (envelope.type !== definition.event) return false;

  return !definition.version || envelope.version === definition.version;
}

/**
 * Compiles `source` and returns its error at its position, for lint
 * diagnostics. An empty source has no error.
 */
export function compileDiagnostics(source: string): CodeEditorError[] {
  if (source.trim() === '') return [];

  try {
    compile(source);
    return [];
  } catch (error) {
    if (!(error instanceof ExprError)) throw error;

    const from = error.position?.offset ?? 0;
    return [{ from, to: from + 1, message: error.message }];
  }
}

/** Converts a testTrigger response to an evaluation; the service omits empty values. */
export function fromTriggerTest(test: {
  filter?: { match?: boolean; error?: string };
  variables?: Record<string, { value?: string; error?: string }>;
}): TriggerEvaluation {
  const result: TriggerEvaluation = {};
  if (test.filter) {
    result.filter = { match: test.filter.match ?? false, error: test.filter.error };
  }
  if (test.variables) {
    result.variables = Object.fromEntries(
      Object.entries(test.variables).map(([name, outcome]) => [
        name,
        outcome.error !== undefined ? { error: outcome.error } : { value: outcome.value ?? '' },
      ]),
    );
  }

  return result;
}
