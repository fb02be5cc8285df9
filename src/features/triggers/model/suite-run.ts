/** Runs the cases of a trigger test suite against a definition, in the browser. */
import type { TriggerSuiteCase } from '@/lib/orchestration/event-samples';

import { evaluateTrigger } from './draft-evaluation';
import type { TriggerDefinition, TriggerEvaluation } from './draft-evaluation';

export type CaseResult = {
  pass: boolean;
  /** One sentence per failed expectation. */
  failures: string[];
  evaluation: TriggerEvaluation;
};

export function runSuiteCase(
  definition: TriggerDefinition,
  testCase: TriggerSuiteCase,
): CaseResult {
  const evaluation = evaluateTrigger(definition, testCase.payload);
  const matched = evaluation.filter === undefined || evaluation.filter.match;
  const failures: string[] = [];

  if (matched !== testCase.expect.match) {
    const error = evaluation.filter?.error ? ` (filter error: ${evaluation.filter.error})` : '';
    failures.push(
      testCase.expect.match
        ? `expected a match, but the filter did not match${error}`
        : 'expected no match, but the filter matched',
    );
  }

  if (matched && testCase.expect.match) {
    for (const [name, expected] of Object.entries(testCase.expect.variables ?? {})) {
      const outcome = evaluation.variables?.[name];
      if (outcome === undefined) {
        failures.push(`${name}: expected "${expected}", but the trigger does not define it`);
      } else if (outcome.error !== undefined) {
        failures.push(`${name}: expected "${expected}", got error ${outcome.error}`);
      } else if (outcome.value !== expected) {
        failures.push(`${name}: expected "${expected}", got "${outcome.value}"`);
      }
    }
  }

  return { pass: failures.length === 0, failures, evaluation };
}

export type SuiteSummary = { passed: number; failed: number };

export function summarizeSuite(
  definition: TriggerDefinition,
  cases: readonly TriggerSuiteCase[],
): SuiteSummary {
  let passed = 0;
  for (const testCase of cases) {
    if (runSuiteCase(definition, testCase).pass) passed += 1;
  }

  return { passed, failed: cases.length - passed };
}
