/**
 * Infers the variables an instance ran with. The API does not return them,
 * but each started stage's history entry holds its input resolved from the
 * workflow's `${name}` template, so matching the two recovers the values.
 */
import { listVariables } from '@/lib/orchestration/interpolate';
import type { InstanceHistory, WorkflowConfig } from '@/lib/orchestration/schemas';

export type InferredVariable =
  | { name: string; status: 'inferred'; value: string; stage: number }
  | { name: string; status: 'conflict'; value: string; values: string[] }
  | { name: string; status: 'unknown' };

type Candidate = { value: string; stage: number };

const placeholderPattern = /\$\{([^}]+)\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);

  return undefined;
}

/**
 * Matches one template string such as `users:${id}:main` against its
 * resolved value and returns each variable's value. Returns nothing when the
 * value does not fit the template, or when two placeholders touch (`${a}${b}`),
 * because then the split between them is a guess.
 */
export function matchTemplate(template: string, resolved: string): Map<string, string> | undefined {
  const names: string[] = [];
  const literals: string[] = [];
  let last = 0;

  for (const match of template.matchAll(placeholderPattern)) {
    literals.push(template.slice(last, match.index));
    names.push(match[1] ?? '');
    last = match.index + match[0].length;
  }
  literals.push(template.slice(last));

  if (names.length === 0) return undefined;
  if (literals.slice(1, -1).some((literal) => literal === '')) return undefined;

  const source = literals.map(escapeRegExp).join('([\\s\\S]*?)');
  const match = new RegExp(`^${source}$`).exec(resolved);
  if (!match) return undefined;

  const values = new Map<string, string>();
  for (const [position, name] of names.entries()) {
    const value = match[position + 1] ?? '';
    const earlier = values.get(name);

    // The same variable twice in one string must resolve to one value.
    if (earlier !== undefined && earlier !== value) return undefined;
    values.set(name, value);
  }

  return values;
}

function collect(
  template: unknown,
  resolved: unknown,
  stage: number,
  candidates: Map<string, Candidate[]>,
): void {
  if (typeof template === 'string') {
    const text = asText(resolved);
    if (text === undefined) return;

    for (const [name, value] of matchTemplate(template, text) ?? []) {
      const list = candidates.get(name) ?? [];
      list.push({ value, stage });
      candidates.set(name, list);
    }
  } else if (Array.isArray(template)) {
    if (!Array.isArray(resolved)) return;

    template.forEach((item, index) => collect(item, resolved[index], stage, candidates));
  } else if (template !== null && typeof template === 'object') {
    if (resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) return;

    for (const [key, item] of Object.entries(template)) {
      collect(item, (resolved as Record<string, unknown>)[key], stage, candidates);
    }
  }
}

/**
 * Lists every variable of the workflow with its inferred value. A variable
 * used only by stages that never started is unknown; one that resolved to
 * different values in different places is a conflict (the first value is
 * proposed). A field that fell back to its default (e.g. ledger "default")
 * reads as that default, which runs the same way.
 */
export function inferVariables(
  config: WorkflowConfig,
  history: readonly InstanceHistory[],
): InferredVariable[] {
  const candidates = new Map<string, Candidate[]>();

  config.stages.forEach((stage, index) => {
    const entry = history[index];
    const [kind, template] = Object.entries(stage)[0] ?? [];
    if (entry === undefined || kind === undefined) return;

    collect(template, entry.input, index, candidates);
  });

  return listVariables(config.stages).map((name): InferredVariable => {
    const found = candidates.get(name) ?? [];
    const first = found[0];
    if (first === undefined) return { name, status: 'unknown' };

    const values = [...new Set(found.map((candidate) => candidate.value))];
    if (values.length > 1) return { name, status: 'conflict', value: first.value, values };

    return { name, status: 'inferred', value: first.value, stage: first.stage };
  });
}
