/** The trigger editor's form state and its conversion to API bodies. */
import type { Trigger, TriggerData } from '@/lib/orchestration/schemas';

import { compileDiagnostics } from './draft-evaluation';
import type { TriggerDefinition } from './draft-evaluation';

export type DraftVariable = { id: number; name: string; expression: string };

export type TriggerDraft = {
  name: string;
  event: string;
  /** Empty for any version. */
  version: string;
  workflowID: string;
  filter: string;
  vars: DraftVariable[];
};

export function emptyDraft(): TriggerDraft {
  return { name: '', event: '', version: '', workflowID: '', filter: '', vars: [] };
}

export function draftFromTrigger(trigger: Trigger): TriggerDraft {
  return {
    name: trigger.name ?? '',
    event: trigger.event,
    version: trigger.version ?? '',
    workflowID: trigger.workflowID,
    filter: trigger.filter ?? '',
    vars: Object.entries(trigger.vars ?? {}).map(([name, expression], index) => ({
      id: index + 1,
      name,
      expression,
    })),
  };
}

/** The parts that decide matching and variables; vars with an empty name are left out. */
export function toDefinition(draft: TriggerDraft): TriggerDefinition {
  return {
    event: draft.event.trim(),
    version: draft.version.trim() || undefined,
    filter: draft.filter.trim() || undefined,
    vars: Object.fromEntries(
      draft.vars
        .filter((variable) => variable.name.trim() !== '')
        .map((variable) => [variable.name.trim(), variable.expression]),
    ),
  };
}

/** Builds the createTrigger body; empty optional fields are left out. */
export function toTriggerData(draft: TriggerDraft): TriggerData {
  const definition = toDefinition(draft);
  const vars = definition.vars ?? {};
  const data: TriggerData = { event: definition.event, workflowID: draft.workflowID };
  if (draft.name.trim() !== '') data.name = draft.name.trim();
  if (definition.version) data.version = definition.version;
  if (definition.filter) data.filter = definition.filter;
  if (Object.keys(vars).length > 0) data.vars = vars;

  return data;
}

export type DraftProblem = { field: string; message: string };

/** Lists what keeps the draft from being saved: missing fields, names and compile errors. */
export function validateDraft(draft: TriggerDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.event.trim() === '')
    problems.push({ field: 'event', message: 'Choose an event type.' });
  if (draft.workflowID === '') problems.push({ field: 'workflow', message: 'Choose a workflow.' });

  const filterError = compileDiagnostics(draft.filter)[0];
  if (filterError) problems.push({ field: 'filter', message: `Filter: ${filterError.message}` });

  const seen = new Set<string>();
  for (const variable of draft.vars) {
    const name = variable.name.trim();
    if (name === '') {
      problems.push({ field: `var-${variable.id}`, message: 'A variable has no name.' });
      continue;
    }
    if (name.includes('}')) {
      problems.push({
        field: `var-${variable.id}`,
        message: `Variable "${name}": a name with "}" cannot be used in a \${…} placeholder.`,
      });
    }
    if (seen.has(name)) {
      problems.push({
        field: `var-${variable.id}`,
        message: `Variable "${name}" is defined twice.`,
      });
    }
    seen.add(name);
    if (variable.expression.trim() === '') {
      problems.push({
        field: `var-${variable.id}`,
        message: `Variable "${name}" has no expression.`,
      });
      continue;
    }
    const error = compileDiagnostics(variable.expression)[0];
    if (error) {
      problems.push({
        field: `var-${variable.id}`,
        message: `Variable "${name}": ${error.message}`,
      });
    }
  }

  return problems;
}
