import { describe, expect, it } from 'vitest';

import { formatConfig, parseConfigText } from './code-format';
import {
  configToDocument,
  createStageElement,
  documentToConfig,
  readConfigValue,
  stageConfigOf,
  stageKindOf,
} from './document';
import type { EditorConfig } from './document';
import { exampleWorkflows } from './example-workflows';
import { createEditorState, editorReducer } from './history';

const withUnknownKeys: EditorConfig = {
  name: 'future-proof',
  stages: [
    {
      send: {
        ...(exampleWorkflows[0]?.stages[0]?.send as object),
        priority: 'high',
        hooks: [1, 2],
      },
    },
    { transfer_v3: { anything: { nested: true } } },
    { delay: { duration: '1m' }, note: 'two keys is invalid but must survive' },
    { noop: null },
  ],
  description: 'kept as is',
  labels: { team: 'payments' },
};

const allConfigs = [...exampleWorkflows, withUnknownKeys];

describe('configToDocument', () => {
  it.each(allConfigs.map((config) => [config.name, config]))(
    'round-trips %s without loss',
    (_name, config) => {
      const document = configToDocument(config);

      expect(documentToConfig(document)).toStrictEqual(config);
      expect(new Set(document.stages.map((stage) => stage.id)).size).toBe(config.stages.length);
    },
  );

  it('reuses ids by position when given', () => {
    const document = configToDocument(exampleWorkflows[3] as EditorConfig, ['a', 'b']);

    expect(document.stages.map((stage) => stage.id).slice(0, 2)).toEqual(['a', 'b']);
    expect(document.stages[2]?.id).toMatch(/^stage-/);
  });

  it('keeps a config without name nameless', () => {
    const config = documentToConfig(configToDocument({ stages: [{ noop: {} }] }));

    expect('name' in config).toBe(false);
  });
});

describe('code text round trip', () => {
  it.each(allConfigs.map((config) => [config.name, config]))(
    'survives YAML and JSON for %s',
    (_name, config) => {
      for (const language of ['yaml', 'json'] as const) {
        const parsed = parseConfigText(formatConfig(config, language), language);

        expect(parsed).toStrictEqual({ ok: true, config });
      }
    },
  );

  it('survives the editor reducer replace', () => {
    for (const config of allConfigs) {
      const state = editorReducer(createEditorState(configToDocument({ stages: [] })), {
        type: 'replace',
        config,
      });

      expect(documentToConfig(state.document)).toStrictEqual(config);
    }
  });
});

describe('readConfigValue', () => {
  it('rejects a value that is not an object', () => {
    expect(readConfigValue([1, 2])).toEqual({
      ok: false,
      error: expect.stringContaining('object'),
    });
  });

  it('rejects stages that are not a list', () => {
    expect(readConfigValue({ stages: { send: {} } })).toEqual({
      ok: false,
      error: '`stages` must be a list of stages.',
    });
  });

  it('rejects a stage that is not an object', () => {
    const result = readConfigValue({ stages: [{ noop: {} }, 'send'] });

    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Stage 2 /) });
  });

  it('rejects a name that is not a string', () => {
    expect(readConfigValue({ name: 3, stages: [] }).ok).toBe(false);
  });

  it('reads null stages as an empty list', () => {
    expect(readConfigValue({ name: 'x', stages: null })).toEqual({
      ok: true,
      config: { name: 'x', stages: [] },
    });
  });
});

describe('stage helpers', () => {
  it('reads the kind and config of an element', () => {
    expect(stageKindOf({ wait_event: { event: 'go' } })).toBe('wait_event');
    expect(stageConfigOf({ wait_event: { event: 'go' } })).toEqual({ event: 'go' });
    expect(stageConfigOf({ noop: null })).toEqual({});
    expect(stageKindOf({})).toBeUndefined();
  });

  it('creates a new stage of every kind', () => {
    for (const kind of ['send', 'delay', 'wait_event', 'update', 'noop'] as const) {
      expect(stageKindOf(createStageElement(kind))).toBe(kind);
    }
  });
});
