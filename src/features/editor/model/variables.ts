/**
 * Where each `${name}` variable is used in a workflow: stage number and field
 * path, for the variables panel and for the sample values of the posting
 * preview. Names are read with the shared interpolation rules.
 */
import { listVariables } from '@/lib/orchestration/interpolate';
import type { Stage } from '@/lib/orchestration/schemas';

import { formatPath, isPlainObject } from './path';

export type VariableUsage = {
  /** 0-based stage index. */
  stageIndex: number;
  /** Path inside the stage element, e.g. `send.source.account.id`. */
  path: string;
};

export type WorkflowVariable = { name: string; usages: VariableUsage[] };

function visit(
  value: unknown,
  path: (string | number)[],
  stageIndex: number,
  found: Map<string, VariableUsage[]>,
) {
  if (typeof value === 'string') {
    for (const name of listVariables(value)) {
      const usages = found.get(name) ?? [];
      usages.push({ stageIndex, path: formatPath(path) });
      found.set(name, usages);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, [...path, index], stageIndex, found));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      visit(item, [...path, key], stageIndex, found);
    }
  }
}

/** Lists every variable in order of first use, with each place it is used. */
export function listVariableUsages(stages: readonly Stage[]): WorkflowVariable[] {
  const found = new Map<string, VariableUsage[]>();
  stages.forEach((stage, index) => visit(stage, [], index, found));

  return [...found].map(([name, usages]) => ({ name, usages }));
}
