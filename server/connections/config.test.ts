import { describe, expect, it } from 'vitest';

import { buildConfig, ConfigError, resolveTokenUrl } from './config';

const file = {
  local: { name: 'Embedded', readOnly: true },
  connections: [
    {
      id: 'prod-eu',
      name: 'Production EU',
      baseUrl: 'https://acme.example/',
      clientId: 'flowdeck',
      readOnly: 'true',
    },
  ],
};

describe('buildConfig', () => {
  it('merges the secret from the environment', () => {
    const config = buildConfig(file, { FLOWDECK_CONNECTION_PROD_EU_CLIENT_SECRET: 's3cret' });

    expect(config.local).toEqual({ name: 'Embedded', readOnly: true });
    expect(config.remotes).toHaveLength(1);
    expect(config.remotes[0]).toMatchObject({
      id: 'prod-eu',
      name: 'Production EU',
      baseUrl: 'https://acme.example',
      readOnly: true,
      timeoutMs: 30_000,
      credentials: {
        clientId: 'flowdeck',
        clientSecret: 's3cret',
        tokenUrl: 'https://acme.example/api/auth/oauth/token',
      },
    });
  });

  it('defines connections from the environment alone', () => {
    const config = buildConfig(undefined, {
      FLOWDECK_CONNECTION_STAGING_BASE_URL: 'http://127.0.0.1:9000/proxy',
      FLOWDECK_CONNECTION_STAGING_API_VERSION: 'v1',
      FLOWDECK_CONNECTION_STAGING_TOKEN_URL: 'oauth/token',
    });

    expect(config.local).toEqual({ name: 'Local server', readOnly: false });
    expect(config.remotes[0]).toMatchObject({
      id: 'staging',
      name: 'staging',
      apiVersion: 'v1',
      readOnly: false,
      credentials: undefined,
    });
  });

  it('rejects a client id without secret', () => {
    expect(() => buildConfig(file, {})).toThrow(ConfigError);
    expect(() => buildConfig(file, {})).toThrow(/clientId and clientSecret/);
  });

  it('rejects invalid fields', () => {
    const cases: unknown[] = [
      { connections: [{ id: 'local', baseUrl: 'http://a.example' }] },
      { connections: [{ id: 'Bad Id', baseUrl: 'http://a.example' }] },
      { connections: [{ id: 'x', baseUrl: 'ftp://a.example' }] },
      {
        connections: [
          { id: 'x', baseUrl: 'http://a.example' },
          { id: 'x', baseUrl: 'http://b.example' },
        ],
      },
      { access: { token: 'short' } },
    ];
    for (const value of cases) {
      expect(() => buildConfig(value, {}), JSON.stringify(value)).toThrow(ConfigError);
    }
  });

  it('reads access control from the environment', () => {
    const config = buildConfig(undefined, {
      FLOWDECK_ACCESS_TOKEN: 'a-shared-token-of-32-characters!',
      FLOWDECK_BASIC_AUTH_USER: 'team',
      FLOWDECK_BASIC_AUTH_PASSWORD: 'correct horse',
    });

    expect(config.access).toEqual({
      token: 'a-shared-token-of-32-characters!',
      basicAuth: { username: 'team', password: 'correct horse' },
    });
    expect(() => buildConfig(undefined, { FLOWDECK_BASIC_AUTH_USER: 'team' })).toThrow(ConfigError);
  });
});

describe('resolveTokenUrl', () => {
  it('resolves like the Formance SDK', () => {
    expect(resolveTokenUrl('https://h.example/proxy', undefined)).toBe(
      'https://h.example/api/auth/oauth/token',
    );
    expect(resolveTokenUrl('https://h.example/proxy', 'oauth/token')).toBe(
      'https://h.example/proxy/oauth/token',
    );
    expect(resolveTokenUrl('https://h.example', 'https://auth.example/token')).toBe(
      'https://auth.example/token',
    );
  });
});
