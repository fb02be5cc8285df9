import { describe, expect, it } from 'vitest';

import { paths } from './paths';

describe('paths', () => {
  it('builds list hrefs without empty params', () => {
    expect(paths.workflows()).toBe('/workflows');
    expect(paths.workflows({ q: '', cursor: undefined })).toBe('/workflows');
    expect(paths.triggers({ q: 'eur', pageSize: 50 })).toBe('/triggers?q=eur&pageSize=50');
  });

  it('encodes ids and search values', () => {
    expect(paths.workflow('a/b')).toBe('/workflows/a%2Fb');
    expect(paths.workflow('w1', 'config')).toBe('/workflows/w1?tab=config');
    expect(paths.instance('i 1')).toBe('/instances/i%201');
    expect(paths.trigger('t1')).toBe('/triggers/t1');
    expect(paths.workflows({ q: 'a&b' })).toBe('/workflows?q=a%26b');
  });

  it('maps instance filters to search params', () => {
    expect(paths.instances({ workflowID: 'w1', running: 'running', cursor: 'abc' })).toBe(
      '/instances?workflow=w1&running=running&cursor=abc',
    );
  });
});
