/**
 * Stage-level differences between two workflow configs, shown before saving
 * a new version of a workflow.
 *
 * Stages are aligned with a longest common subsequence of identical stages.
 * Between two aligned stages, removed and added stages of the same kind pair
 * up as "changed" (with field-level changes); a removed stage whose exact copy
 * was added elsewhere is reported as "moved".
 */
import type { Stage } from '@/lib/orchestration/schemas';

import { canonicalJson } from './canonical';
import { stageKindOf } from './document';
import type { EditorConfig } from './document';
import { formatPath, isPlainObject } from './path';

export type FieldChange = {
  /** Path inside the stage element, e.g. `send.amount.asset`. */
  path: string;
  type: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
};

export type StageDiff =
  | { type: 'unchanged'; fromIndex: number; toIndex: number; kind: string }
  | { type: 'added'; toIndex: number; kind: string }
  | { type: 'removed'; fromIndex: number; kind: string }
  | { type: 'moved'; fromIndex: number; toIndex: number; kind: string }
  | { type: 'changed'; fromIndex: number; toIndex: number; kind: string; fields: FieldChange[] };

export type ConfigDiff = {
  name?: { before: string | undefined; after: string | undefined };
  /** Top-level keys other than `name` and `stages` whose value differs. */
  otherKeys: FieldChange[];
  /** One entry per stage of either config, in the order of the new config; removed stages sit where they were. */
  stages: StageDiff[];
  /** True when nothing differs. */
  identical: boolean;
};

function collectLeaves(value: unknown, path: (string | number)[], leaves: Map<string, unknown>) {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) {
      collectLeaves(item, [...path, key], leaves);
    }
    return;
  }

  leaves.set(formatPath(path), value);
}

function isEmptyObject(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/** True when `leaves` contains a path below `path`, e.g. `a.b` below `a`. */
function hasDescendant(leaves: Map<string, unknown>, path: string): boolean {
  for (const key of leaves.keys()) {
    if (key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) return true;
  }

  return false;
}

/** Field-level changes between two values; objects are compared key by key, anything else whole. */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const beforeLeaves = new Map<string, unknown>();
  const afterLeaves = new Map<string, unknown>();
  collectLeaves(before, [], beforeLeaves);
  collectLeaves(after, [], afterLeaves);
  const changes: FieldChange[] = [];

  for (const [path, value] of beforeLeaves) {
    if (afterLeaves.has(path)) {
      if (canonicalJson(value) !== canonicalJson(afterLeaves.get(path))) {
        changes.push({ path, type: 'changed', before: value, after: afterLeaves.get(path) });
      }
    } else if (!(isEmptyObject(value) && hasDescendant(afterLeaves, path))) {
      // An empty object that gained fields is reported through the new fields only.
      changes.push({ path, type: 'removed', before: value });
    }
  }

  for (const [path, value] of afterLeaves) {
    if (!beforeLeaves.has(path) && !(isEmptyObject(value) && hasDescendant(beforeLeaves, path))) {
      changes.push({ path, type: 'added', after: value });
    }
  }

  return changes;
}

/** Index pairs of a longest common subsequence of `a` and `b`. */
function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  const width = b.length + 1;
  // lengths[i * width + j] = LCS length of a[i..] and b[j..]; 1,000 × 1,000 stages take 4 MB.
  const lengths = new Uint32Array((a.length + 1) * width);

  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }

  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      i += 1;
    } else {
      j += 1;
    }
  }

  return pairs;
}

function kindOf(stage: Stage | undefined): string {
  return (stage && stageKindOf(stage)) ?? '(empty)';
}

/** Pairs the removed and added stages of one gap between aligned stages. */
function diffGap(
  from: readonly Stage[],
  to: readonly Stage[],
  removed: number[],
  added: number[],
  out: StageDiff[],
) {
  const unmatched = [...removed];

  for (const toIndex of added) {
    const kind = kindOf(to[toIndex]);
    const position = unmatched.findIndex((fromIndex) => kindOf(from[fromIndex]) === kind);
    const fromIndex = unmatched[position];

    if (fromIndex === undefined) {
      out.push({ type: 'added', toIndex, kind });
    } else {
      unmatched.splice(position, 1);
      const fields = diffFields(from[fromIndex], to[toIndex]);
      out.push({ type: 'changed', fromIndex, toIndex, kind, fields });
    }
  }

  for (const fromIndex of unmatched) {
    out.push({ type: 'removed', fromIndex, kind: kindOf(from[fromIndex]) });
  }
}

/** Turns a removed stage and an added identical stage into one "moved" entry. */
function detectMoves(entries: StageDiff[], fromKeys: string[], toKeys: string[]): StageDiff[] {
  const removedByKey = new Map<string, number[]>();

  for (const entry of entries) {
    if (entry.type === 'removed') {
      const key = fromKeys[entry.fromIndex] ?? '';
      removedByKey.set(key, [...(removedByKey.get(key) ?? []), entry.fromIndex]);
    }
  }

  const movedFrom = new Set<number>();
  const result: StageDiff[] = [];
  for (const entry of entries) {
    if (entry.type === 'added') {
      const candidates = removedByKey.get(toKeys[entry.toIndex] ?? '');
      const fromIndex = candidates?.shift();
      if (fromIndex !== undefined) {
        movedFrom.add(fromIndex);
        result.push({ type: 'moved', fromIndex, toIndex: entry.toIndex, kind: entry.kind });
        continue;
      }
    }
    result.push(entry);
  }

  return result.filter((entry) => !(entry.type === 'removed' && movedFrom.has(entry.fromIndex)));
}

export function diffConfigs(a: EditorConfig, b: EditorConfig): ConfigDiff {
  const fromKeys = a.stages.map(canonicalJson);
  const toKeys = b.stages.map(canonicalJson);
  const pairs = commonSubsequence(fromKeys, toKeys);
  const entries: StageDiff[] = [];
  let fromNext = 0;
  let toNext = 0;

  for (const [fromIndex, toIndex] of [...pairs, [a.stages.length, b.stages.length]]) {
    const removed: number[] = [];
    const added: number[] = [];
    for (let i = fromNext; i < (fromIndex ?? 0); i += 1) removed.push(i);
    for (let j = toNext; j < (toIndex ?? 0); j += 1) added.push(j);
    diffGap(a.stages, b.stages, removed, added, entries);

    if (fromIndex !== undefined && toIndex !== undefined && fromIndex < a.stages.length) {
      entries.push({ type: 'unchanged', fromIndex, toIndex, kind: kindOf(a.stages[fromIndex]) });
    }
    fromNext = (fromIndex ?? 0) + 1;
    toNext = (toIndex ?? 0) + 1;
  }

  const stages = detectMoves(entries, fromKeys, toKeys);
  const { name: nameA, stages: _stagesA, ...otherA } = a;
  const { name: nameB, stages: _stagesB, ...otherB } = b;
  const otherKeys = diffFields(otherA, otherB).filter((change) => change.path !== '');
  const name = nameA === nameB ? undefined : { before: nameA, after: nameB };
  const identical =
    name === undefined && otherKeys.length === 0 && stages.every((s) => s.type === 'unchanged');

  return { ...(name ? { name } : {}), otherKeys, stages, identical };
}
