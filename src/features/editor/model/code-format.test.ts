import { describe, expect, it } from 'vitest';

import { detectLanguage, formatConfig, parseConfigText } from './code-format';
import type { CodeError, CodeParseResult } from './code-format';
import { tipCreator } from './example-workflows';

function errorOf(result: CodeParseResult): CodeError {
  if (result.ok) throw new Error('Expected a parse error, got a config.');

  return result.error;
}

describe('parseConfigText', () => {
  it('locates a JSON syntax error', () => {
    const result = parseConfigText('{\n  "name": "x",\n  "stages": [}\n', 'json');

    expect(errorOf(result).line).toBe(3);
  });

  it('locates a YAML syntax error', () => {
    const result = parseConfigText('name: x\nstages:\n  - send: {\n', 'yaml');

    expect(errorOf(result).message).not.toBe('');
  });

  it('rejects empty text', () => {
    expect(parseConfigText('  \n', 'yaml').ok).toBe(false);
  });

  it('rejects text of the wrong shape', () => {
    const result = parseConfigText('- noop: {}\n', 'yaml');

    expect(errorOf(result).message).toMatch(/must be an object/);
  });

  it('writes YAML without folding long strings', () => {
    const long = 'x'.repeat(150);
    const text = formatConfig({ stages: [{ wait_event: { event: long } }] }, 'yaml');

    expect(text).toContain(`event: ${long}\n`);
  });

  it('writes quoted numbers in YAML as strings', () => {
    const text = formatConfig({ stages: [{ send: { amount: { amount: '350' } } }] }, 'yaml');
    const parsed = parseConfigText(text, 'yaml');

    expect(parsed).toEqual({
      ok: true,
      config: { stages: [{ send: { amount: { amount: '350' } } }] },
    });
  });

  it('writes shared objects in full, without YAML aliases', () => {
    const stage = { delay: { duration: '1m' } };
    const text = formatConfig({ stages: [stage, stage] }, 'yaml');

    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/duration: 1m/g)).toHaveLength(2);
  });

  it('formats JSON with two spaces', () => {
    expect(formatConfig(tipCreator, 'json')).toMatch(/^\{\n {2}"name": "tip-creator"/);
  });
});

describe('detectLanguage', () => {
  it('uses the file extension first', () => {
    expect(detectLanguage('flow.JSON', 'name: x')).toBe('json');
    expect(detectLanguage('flow.yml', '{}')).toBe('yaml');
  });

  it('falls back to the first character', () => {
    expect(detectLanguage('flow.txt', '  {"stages": []}')).toBe('json');
    expect(detectLanguage('flow', 'stages: []')).toBe('yaml');
  });
});
