/**
 * Variable lineage: the vars a trigger defines against the `${name}`
 * placeholders its workflow uses. A missing variable becomes the empty string
 * when the workflow runs, and an unused one is evaluated for nothing.
 */
import { listVariables } from '@/lib/orchestration/interpolate';

export type Misspelling = { defined: string; used: string };

export type LineageReport = {
  /** Used by the workflow, not defined by the trigger (and not a likely misspelling). */
  missing: string[];
  /** Defined by the trigger, not used by the workflow (and not a likely misspelling). */
  unused: string[];
  /** A defined name close to a used name that is not defined. */
  misspelt: Misspelling[];
};

/**
 * Computes the optimal string alignment distance: insertions, deletions,
 * substitutions and swaps of two adjacent characters each cost 1.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );

  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = distance[i] ?? [];
      const previous = distance[i - 1] ?? [];
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (distance[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }

  return distance[a.length]?.[b.length] ?? 0;
}

/**
 * Whether `defined` is likely a misspelling of `used`: they differ only in
 * case, or by at most 2 edits (1 for names of up to 4 characters).
 */
export function isLikelyMisspelling(defined: string, used: string): boolean {
  if (defined === used) return false;
  if (defined.toLowerCase() === used.toLowerCase()) return true;

  const shorter = Math.min(defined.length, used.length);
  const allowed = shorter <= 4 ? 1 : 2;

  return editDistance(defined.toLowerCase(), used.toLowerCase()) <= allowed;
}

/** Compares the trigger's variable names with the placeholders of the workflow config. */
export function checkLineage(
  definedNames: readonly string[],
  workflowConfig: unknown,
): LineageReport {
  const used = listVariables(workflowConfig);
  const defined = new Set(definedNames);
  const missing = used.filter((name) => !defined.has(name));
  const unused = definedNames.filter((name) => !used.includes(name));
  const misspelt: Misspelling[] = [];

  for (const name of unused) {
    const match = missing.find(
      (candidate) =>
        !misspelt.some((pair) => pair.used === candidate) && isLikelyMisspelling(name, candidate),
    );
    if (match !== undefined) misspelt.push({ defined: name, used: match });
  }

  return {
    missing: missing.filter((name) => !misspelt.some((pair) => pair.used === name)),
    unused: unused.filter((name) => !misspelt.some((pair) => pair.defined === name)),
    misspelt,
  };
}

/** Counts the problems of a lineage report. */
export function lineageProblemCount(report: LineageReport): number {
  return report.missing.length + report.unused.length + report.misspelt.length;
}
