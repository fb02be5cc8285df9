/**
 * Text form of copied stages. Copies are written as JSON (`{ "stages": [...] }`,
 * the shape of a workflow config), and pasting accepts that, a list of stage
 * elements, or a single element, as JSON or YAML, so that stages copied from
 * a config file paste too.
 */
import { parse } from 'yaml';

import type { Stage } from '@/lib/orchestration/schemas';

import { isStageKind, stageKindOf } from './document';
import { isPlainObject } from './path';

export function stagesToClipboardText(elements: readonly Stage[]): string {
  return JSON.stringify({ stages: elements }, null, 2);
}

function isStageElement(value: unknown): value is Stage {
  return isPlainObject(value) && Object.keys(value).length === 1 && isStageKind(stageKindOf(value));
}

/** Reads stages from pasted text; returns `undefined` when the text contains no stage. */
export function stagesFromClipboardText(text: string): Stage[] | undefined {
  let value: unknown;
  try {
    // YAML is a superset of JSON, so one parser reads both.
    value = parse(text);
  } catch {
    return undefined;
  }

  const list = isPlainObject(value) && Array.isArray(value.stages) ? value.stages : value;
  if (Array.isArray(list)) {
    return list.length > 0 && list.every(isStageElement) ? list : undefined;
  }

  return isStageElement(list) ? [list] : undefined;
}
