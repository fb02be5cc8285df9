/**
 * Conversion between form text and config values. Non-string fields keep
 * their JSON type when the text is a literal (`350` → 350, `true` → true) and
 * stay strings otherwise, so that `${var}` placeholders (and typos, which
 * validation reports) are kept as typed.
 */
export type FieldType = 'text' | 'integer' | 'boolean';

export function valueToText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);

  return JSON.stringify(value);
}

/** Returns the config value for form text; empty text gives `undefined`, which removes the field. */
export function textToValue(text: string, type: FieldType): unknown {
  if (text === '') return undefined;

  if (type === 'integer' && /^-?(0|[1-9]\d*)$/.test(text) && Number.isSafeInteger(Number(text))) {
    return Number(text);
  }

  if (type === 'boolean' && (text === 'true' || text === 'false')) {
    return text === 'true';
  }

  return text;
}
