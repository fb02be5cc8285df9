/**
 * The editor's document: a workflow config whose stages carry stable ids, so
 * that nodes, selection and history can follow a stage while it moves.
 *
 * Conversion is lossless: each stage element is kept as it was written
 * (unknown kinds and keys included), and top-level keys other than `name` and
 * `stages` travel in `extra`.
 */
import { stageKinds } from '@/lib/orchestration/schemas';
import type { Stage, StageKind } from '@/lib/orchestration/schemas';

import { isPlainObject } from './path';
import type { PlainObject } from './path';

export type EditorStage = {
  /** Editor-only id; never written to the config. */
  id: string;
  /** The stage element as in the config, e.g. `{ delay: { duration: '1h' } }`. */
  element: Stage;
};

export type EditorDocument = {
  name: string | undefined;
  /** Top-level config keys other than `name` and `stages`, kept as they are. */
  extra: PlainObject;
  stages: readonly EditorStage[];
};

/** A workflow config as the editor reads and writes it: `{ name?, stages, ...other keys }`. */
export type EditorConfig = PlainObject & { name?: string; stages: Stage[] };

let lastStageId = 0;

export function createStageId(): string {
  lastStageId += 1;

  return `stage-${lastStageId}`;
}

export function isStageKind(kind: string | undefined): kind is StageKind {
  return kind !== undefined && (stageKinds as readonly string[]).includes(kind);
}

/** The element's first key, which names the stage kind; `undefined` for an empty element. */
export function stageKindOf(element: Stage): string | undefined {
  for (const key in element) {
    return key;
  }

  return undefined;
}

/** The config object of a stage (`element[kind]`), or `{}` when it is missing or not an object. */
export function stageConfigOf(element: Stage): PlainObject {
  const kind = stageKindOf(element);
  const config = kind === undefined ? undefined : element[kind];

  return isPlainObject(config) ? config : {};
}

/**
 * Returns a new stage of `kind` with the fields a user must fill left empty,
 * so that validation points at them.
 */
export function createStageElement(kind: StageKind): Stage {
  switch (kind) {
    case 'send':
      return { send: { source: { account: {} }, destination: { account: {} }, amount: {} } };
    case 'delay':
      return { delay: { duration: '1m' } };
    case 'wait_event':
      return { wait_event: {} };
    case 'update':
      return { update: { account: { metadata: {} } } };
    case 'noop':
      return { noop: {} };
  }
}

export function createEditorStage(element: Stage, id: string = createStageId()): EditorStage {
  return { id, element };
}

export function emptyDocument(): EditorDocument {
  return { name: undefined, extra: {}, stages: [] };
}

/**
 * Builds a document from a config. `reuseIds` gives stage ids by position, so
 * that replacing a document with an edited copy of itself keeps the ids.
 */
export function configToDocument(
  config: EditorConfig,
  reuseIds: readonly string[] = [],
): EditorDocument {
  const { name, stages, ...extra } = config;

  return {
    name,
    extra,
    stages: stages.map((element, index) => createEditorStage(element, reuseIds[index])),
  };
}

export function documentToConfig(document: EditorDocument): EditorConfig {
  const stages = document.stages.map((stage) => stage.element);
  const name = document.name === undefined ? {} : { name: document.name };

  return { ...name, stages, ...document.extra };
}

export type ConfigParseResult = { ok: true; config: EditorConfig } | { ok: false; error: string };

/**
 * Checks that a parsed JSON or YAML value has the shape of a workflow config:
 * an object whose `stages` (absent, `null` or a list) contains objects, and whose
 * `name` is a string when present. Stage contents are left to validation.
 */
export function readConfigValue(value: unknown): ConfigParseResult {
  if (!isPlainObject(value)) {
    return { ok: false, error: 'The workflow must be an object with `name` and `stages`.' };
  }

  const { name, stages, ...extra } = value;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    return { ok: false, error: '`name` must be a string.' };
  }

  if (stages !== undefined && stages !== null && !Array.isArray(stages)) {
    return { ok: false, error: '`stages` must be a list of stages.' };
  }

  const list: unknown[] = Array.isArray(stages) ? stages : [];
  const badIndex = list.findIndex((stage) => !isPlainObject(stage));
  if (badIndex !== -1) {
    return {
      ok: false,
      error: `Stage ${badIndex + 1} must be an object with one key, the stage kind (e.g. \`send:\`).`,
    };
  }

  // A `null` name is read as no name, like the service does.
  const named = typeof name === 'string' ? { name } : {};

  return { ok: true, config: { ...named, stages: list as Stage[], ...extra } };
}
