/**
 * Text form of copied stages. Copies are written as JSON (`{ "stages": [...] }`,
 * the shape of a workflow config), and pasting accepts that, a list of stage
 * elements, or a single element, as JSON or YAML, so that stages copied from
 * a config file paste too.
 */
import type { Stage } from '@/lib/orchestration/schemas';

import { isStageKind, stageKindOf } from './document';
import { isPlainObject } from './path';

export function stagesToClipboardText(elements: readonly Stage[]): string {
  return JSON.stringify({ stages: elements }, null, 2);
}

function isStageElement(value: unknown): value is Stage {
  return isPlainObject(value) && Object.keys(value).length === 1 && isStageKind(stageKindOf(value));
}

/** Parses JSON, or else YAML; the `yaml` package loads only when the text is not JSON. */
async function parseJsonOrYaml(text: string): Promise<unknown> {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // YAML is a superset of JSON, so a text that is not JSON may still be YAML.
  }
  const { parse } = await import('yaml');

  return parse(text) as unknown;
}

/** Reads stages from pasted text; resolves to `undefined` when the text contains no stage. */
export async function stagesFromClipboardText(text: string): Promise<Stage[] | undefined> {
  let value: unknown;
  try {
    value = await parseJsonOrYaml(text);
  } catch {
    return undefined;
  }

  const list = isPlainObject(value) && Array.isArray(value.stages) ? value.stages : value;
  if (Array.isArray(list)) {
    return list.length > 0 && list.every(isStageElement) ? list : undefined;
  }

  return isStageElement(list) ? [list] : undefined;
}
