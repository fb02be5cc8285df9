import { describe, expect, it } from 'vitest';

import { connectionFromPath, connectionHref } from './active-connection';

describe('connectionFromPath', () => {
  it('reads the connection prefix', () => {
    expect(connectionFromPath('/c/prod-eu/workflows/abc')).toEqual({
      id: 'prod-eu',
      basename: '/c/prod-eu',
    });
    expect(connectionFromPath('/c/prod')).toEqual({ id: 'prod', basename: '/c/prod' });
  });

  it('defaults to the local server', () => {
    expect(connectionFromPath('/workflows')).toEqual({ id: 'local', basename: '' });
    expect(connectionFromPath('/')).toEqual({ id: 'local', basename: '' });
    expect(connectionFromPath('/cases/1')).toEqual({ id: 'local', basename: '' });
  });
});

describe('connectionHref', () => {
  it('prefixes remote connections only', () => {
    expect(connectionHref('prod', '/workflows')).toBe('/c/prod/workflows');
    expect(connectionHref('prod', '/')).toBe('/c/prod');
    expect(connectionHref('local', '/workflows')).toBe('/workflows');
  });
});
