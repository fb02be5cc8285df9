/**
 * JSON and YAML text of a workflow config, for the code view, import and
 * export. Parsing never throws: it returns the config or a located error.
 */
import { parseDocument, stringify } from 'yaml';

import { readConfigValue } from './document';
import type { EditorConfig } from './document';

export type CodeLanguage = 'json' | 'yaml';

export type CodeError = {
  message: string;
  /** 0-based character offsets of the faulty range in the text. */
  from: number;
  to: number;
  /** 1-based line and column of `from`, for display. */
  line: number;
  column: number;
};

export type CodeParseResult = { ok: true; config: EditorConfig } | { ok: false; error: CodeError };

export function formatConfig(config: EditorConfig, language: CodeLanguage): string {
  if (language === 'json') {
    return `${JSON.stringify(config, null, 2)}\n`;
  }

  // lineWidth 0 keeps long strings (addresses, expressions) on one line. Duplicated
  // stages share objects, which must not turn into YAML anchors and aliases.
  return stringify(config, { lineWidth: 0, aliasDuplicateObjects: false });
}

function locate(text: string, from: number, to: number, message: string): CodeError {
  const start = Math.max(0, Math.min(from, text.length));
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');

  return { message, from: start, to: Math.max(start, Math.min(to, text.length)), line, column };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: CodeError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Recent V8 versions report "… at position N"; Node 20's V8 and other engines
    // may not, so the YAML parser (JSON is nearly a subset of YAML) locates the error.
    const position = /position (\d+)/.exec(message);
    const yamlError = position ? undefined : parseDocument(text).errors[0];
    const from =
      position?.[1] !== undefined ? Number(position[1]) : (yamlError?.pos[0] ?? text.length);

    return { ok: false, error: locate(text, from, from + 1, message) };
  }
}

function parseYaml(text: string): { ok: true; value: unknown } | { ok: false; error: CodeError } {
  const document = parseDocument(text, { prettyErrors: false });
  const first = document.errors[0];
  if (first) {
    const [from, to] = first.pos;

    return { ok: false, error: locate(text, from, to, first.message) };
  }

  try {
    return { ok: true, value: document.toJS() as unknown };
  } catch (error) {
    // toJS throws on documents it refuses to expand, such as excessive aliases.
    const message = error instanceof Error ? error.message : String(error);

    return { ok: false, error: locate(text, 0, 0, message) };
  }
}

/** Parses JSON or YAML text into a config; a text that is empty or only whitespace is an error. */
export function parseConfigText(text: string, language: CodeLanguage): CodeParseResult {
  if (text.trim() === '') {
    return {
      ok: false,
      error: locate(text, 0, 0, 'The text is empty: write a workflow with `name` and `stages`.'),
    };
  }

  const parsed = language === 'json' ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) {
    return parsed;
  }

  const read = readConfigValue(parsed.value);
  if (!read.ok) {
    return { ok: false, error: locate(text, 0, Math.min(text.length, 1), read.error) };
  }

  return read;
}

/** Picks the language of an imported file from its name, then from its first character. */
export function detectLanguage(fileName: string, text: string): CodeLanguage {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';

  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}
