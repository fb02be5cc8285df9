/**
 * Connection profiles and access control of the Flowdeck server, read from an
 * optional YAML or JSON file (`FLOWDECK_CONFIG`) and from environment
 * variables. Environment values override file values of the same connection,
 * so a secret can stay out of the file.
 */
import { readFileSync } from 'node:fs';

import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Token path that Formance stacks and the Formance SDK use by default. */
export const defaultTokenPath = '/api/auth/oauth/token';

export const localConnectionId = 'local';

const connectionIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

const booleanText = z.union([
  z.boolean(),
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'])
    .transform((value) => value === '1' || value === 'true' || value === 'yes'),
]);

const remoteProfileSchema = z
  .object({
    id: z
      .string()
      .regex(connectionIdPattern, 'use lowercase letters, digits and hyphens (at most 63)')
      .refine((id) => id !== localConnectionId, `"${localConnectionId}" is the embedded server`),
    name: z.string().min(1).optional(),
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'baseUrl must be an http:// or https:// URL' })
      .transform((url) => url.replace(/\/+$/, '')),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    tokenUrl: z.string().min(1).optional(),
    readOnly: booleanText.default(false),
    /** API version to use instead of the detected one. */
    apiVersion: z.enum(['v1', 'v2']).optional(),
    /** Timeout of one request to the stack or its token endpoint, in ms. */
    timeoutMs: z.coerce.number().int().min(100).max(600_000).default(30_000),
  })
  .refine((profile) => (profile.clientId === undefined) === (profile.clientSecret === undefined), {
    message: 'set both clientId and clientSecret, or neither for a stack without authentication',
  });

const configFileSchema = z.object({
  local: z
    .object({
      name: z.string().min(1).default('Local server'),
      readOnly: booleanText.default(false),
    })
    .default({ name: 'Local server', readOnly: false }),
  connections: z.array(z.record(z.string(), z.unknown())).default([]),
  access: z
    .object({
      token: z.string().min(16, 'access.token must have at least 16 characters').optional(),
      basicAuth: z.object({ username: z.string().min(1), password: z.string().min(8) }).optional(),
    })
    .default({}),
});

export type RemoteConnectionProfile = {
  id: string;
  name: string;
  /** Origin and optional path of the stack; the API is at `<baseUrl>/api/orchestration`. */
  baseUrl: string;
  /** OAuth2 client credentials; absent for a stack without authentication. */
  credentials?: { clientId: string; clientSecret: string; tokenUrl: string };
  readOnly: boolean;
  apiVersion?: 'v1' | 'v2';
  timeoutMs: number;
};

export type AccessControlConfig = {
  /** Accepted as `Authorization: Bearer <token>`. */
  token?: string;
  basicAuth?: { username: string; password: string };
};

export type FlowdeckConfig = {
  local: { name: string; readOnly: boolean };
  remotes: RemoteConnectionProfile[];
  access: AccessControlConfig;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const environmentFields = {
  BASE_URL: 'baseUrl',
  NAME: 'name',
  CLIENT_ID: 'clientId',
  CLIENT_SECRET: 'clientSecret',
  TOKEN_URL: 'tokenUrl',
  READ_ONLY: 'readOnly',
  API_VERSION: 'apiVersion',
  TIMEOUT_MS: 'timeoutMs',
} as const;

const environmentKeyPattern = new RegExp(
  `^FLOWDECK_CONNECTION_([A-Z0-9_]+?)_(${Object.keys(environmentFields).join('|')})$`,
);

/**
 * Collects `FLOWDECK_CONNECTION_<ID>_<FIELD>` variables by connection id. The id
 * is lowercased with `_` turned into `-`: `FLOWDECK_CONNECTION_PROD_EU_BASE_URL`
 * configures the connection `prod-eu`.
 */
function connectionsFromEnvironment(
  environment: NodeJS.ProcessEnv,
): Map<string, Record<string, unknown>> {
  const connections = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(environment)) {
    const match = environmentKeyPattern.exec(key);
    if (!match || value === undefined || value === '') continue;

    const id = (match[1] ?? '').toLowerCase().replaceAll('_', '-');
    const field = environmentFields[match[2] as keyof typeof environmentFields];
    const entry = connections.get(id) ?? { id };
    entry[field] = value;
    connections.set(id, entry);
  }

  return connections;
}

function formatIssues(error: z.ZodError, where: string): string {
  const issues = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';

    return `${path}${issue.message}`;
  });

  return `${where}: ${issues.join('; ')}`;
}

/** Resolves the token URL the way the Formance SDK does: a leading `/` is relative to the origin. */
export function resolveTokenUrl(baseUrl: string, tokenUrl: string | undefined): string {
  return new URL(tokenUrl ?? defaultTokenPath, `${baseUrl}/`).toString();
}

function toProfile(raw: Record<string, unknown>, where: string): RemoteConnectionProfile {
  const parsed = remoteProfileSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error, where));

  const profile = parsed.data;
  const credentials =
    profile.clientId !== undefined && profile.clientSecret !== undefined
      ? {
          clientId: profile.clientId,
          clientSecret: profile.clientSecret,
          tokenUrl: resolveTokenUrl(profile.baseUrl, profile.tokenUrl),
        }
      : undefined;

  return {
    id: profile.id,
    name: profile.name ?? profile.id,
    baseUrl: profile.baseUrl,
    credentials,
    readOnly: profile.readOnly,
    apiVersion: profile.apiVersion,
    timeoutMs: profile.timeoutMs,
  };
}

/**
 * Builds the configuration from the parsed config file (or `undefined`) and
 * the environment. Access control comes from `FLOWDECK_ACCESS_TOKEN` and
 * `FLOWDECK_BASIC_AUTH_USER`/`FLOWDECK_BASIC_AUTH_PASSWORD` when set.
 *
 * @throws ConfigError naming the invalid field.
 */
export function buildConfig(file: unknown, environment: NodeJS.ProcessEnv): FlowdeckConfig {
  const parsedFile = configFileSchema.safeParse(file ?? {});
  if (!parsedFile.success) throw new ConfigError(formatIssues(parsedFile.error, 'config file'));

  const fromEnvironment = connectionsFromEnvironment(environment);
  const remotes: RemoteConnectionProfile[] = [];
  const seen = new Set<string>();
  parsedFile.data.connections.forEach((raw, index) => {
    const id = typeof raw.id === 'string' ? raw.id : '';
    const merged = { ...raw, ...fromEnvironment.get(id) };
    const profile = toProfile(merged, `config file: connections[${index}]`);
    if (seen.has(profile.id)) {
      throw new ConfigError(`config file: connection id "${profile.id}" appears twice`);
    }
    seen.add(profile.id);
    remotes.push(profile);
  });
  // Environment-only connections come after the file's, sorted by id.
  const environmentOnly = [...fromEnvironment].sort(([left], [right]) => left.localeCompare(right));
  for (const [id, raw] of environmentOnly) {
    if (seen.has(id)) continue;
    remotes.push(toProfile(raw, `environment FLOWDECK_CONNECTION_${id.toUpperCase()}_*`));
  }

  const access: AccessControlConfig = { ...parsedFile.data.access };
  if (environment.FLOWDECK_ACCESS_TOKEN) access.token = environment.FLOWDECK_ACCESS_TOKEN;
  const basicUser = environment.FLOWDECK_BASIC_AUTH_USER;
  const basicPassword = environment.FLOWDECK_BASIC_AUTH_PASSWORD;
  if (basicUser || basicPassword) {
    if (!basicUser || !basicPassword) {
      throw new ConfigError(
        'environment: set both FLOWDECK_BASIC_AUTH_USER and FLOWDECK_BASIC_AUTH_PASSWORD',
      );
    }
    access.basicAuth = { username: basicUser, password: basicPassword };
  }

  return { local: parsedFile.data.local, remotes, access };
}

/**
 * Reads the config file named by `FLOWDECK_CONFIG` (YAML or JSON) and merges
 * the environment into it.
 *
 * @throws ConfigError when the file cannot be read or parsed, or a value is invalid.
 */
export function loadConfig(environment: NodeJS.ProcessEnv): FlowdeckConfig {
  const file = environment.FLOWDECK_CONFIG;
  if (!file) return buildConfig(undefined, environment);

  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`cannot read the config file ${file}: ${reason}`);
  }

  return buildConfig(parsed, environment);
}
