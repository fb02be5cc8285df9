import type { ExpressionCompletion } from '@/components/code-editor/expression-editor';

const identifier = /^[A-Za-z_$][\w$]*$/;
const maxPaths = 400;
const maxDepth = 8;

function describe(value: unknown): string {
  if (value === null) return 'nil';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === 'object') return 'map';
  if (typeof value === 'string') return value.length > 24 ? 'string' : JSON.stringify(value);
  return String(value);
}

/**
 * Lists the data paths of a sample payload for completion, rooted at `event`:
 * `event.ledger`, `event.transactions`, `event.transactions[0].postings[0].amount`.
 * Arrays contribute their first element only; the list stops after 400 paths.
 */
export function listPayloadPaths(payload: unknown, root = 'event'): ExpressionCompletion[] {
  const paths: ExpressionCompletion[] = [];

  const visit = (value: unknown, path: string, depth: number) => {
    if (paths.length >= maxPaths || depth > maxDepth) return;

    if (Array.isArray(value)) {
      if (value.length > 0) {
        const element = `${path}[0]`;
        paths.push({ label: element, detail: describe(value[0]) });
        visit(value[0], element, depth + 1);
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;

    for (const [key, item] of Object.entries(value)) {
      const child = identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
      paths.push({ label: child, detail: describe(item) });
      visit(item, child, depth + 1);
    }
  };

  paths.push({ label: root, detail: describe(payload) });
  visit(payload, root, 0);

  return paths.slice(0, maxPaths);
}
