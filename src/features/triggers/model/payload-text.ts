import type { CodeEditorError } from '@/components/code-editor/code-editor';

export type PayloadParseResult =
  { ok: true; payload: Record<string, unknown> } | { ok: false; error: CodeEditorError };

/** Formats a payload as the editor shows it. */
export function formatPayload(payload: unknown): string {
  return `${JSON.stringify(payload, null, 2)}\n`;
}

/**
 * Parses the payload text: a JSON object, as testTrigger requires. A syntax
 * error is located at the character JSON.parse reports, when it reports one.
 */
export function parsePayload(text: string): PayloadParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const from = position ? Number(position[1]) : 0;
    return { ok: false, error: { message: `Invalid JSON: ${message}`, from, to: from + 1 } };
  }

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      error: {
        message: 'The payload must be a JSON object, such as {"ledger": "main"}.',
        from: 0,
        to: 1,
      },
    };
  }

  return { ok: true, payload: value as Record<string, unknown> };
}
