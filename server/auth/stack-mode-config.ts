import { z } from 'zod';

import { ConfigError } from '../connections/config';
import { stackClientSchema, type StackModeOptions } from './stack-mode';

const stackEnvironmentSchema = z.object({
  FLOWDECK_STACK_CLIENTS: z.string().min(1).optional(),
  FLOWDECK_STACK_TOKEN_LIFETIME: z.coerce.number().int().min(0).default(3600),
  FLOWDECK_STACK_TOKEN_EXPIRES_IN: z.coerce.number().int().min(0).optional(),
  FLOWDECK_STACK_V1_ONLY: z.enum(['0', '1', 'true', 'false']).optional(),
});

/**
 * Reads stack mode from the environment. It is on when `FLOWDECK_STACK_CLIENTS`
 * contains a JSON array of `{id, secret, scopes?}`, and `undefined` otherwise.
 *
 * @throws ConfigError naming the invalid variable.
 */
export function stackModeFromEnvironment(
  environment: NodeJS.ProcessEnv,
): StackModeOptions | undefined {
  const parsed = stackEnvironmentSchema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`environment ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const env = parsed.data;
  if (env.FLOWDECK_STACK_CLIENTS === undefined) return undefined;

  let json: unknown;
  try {
    json = JSON.parse(env.FLOWDECK_STACK_CLIENTS);
  } catch {
    throw new ConfigError('environment FLOWDECK_STACK_CLIENTS: invalid JSON');
  }
  const clients = z.array(stackClientSchema).min(1).safeParse(json);
  if (!clients.success) {
    throw new ConfigError(
      'environment FLOWDECK_STACK_CLIENTS: expected a JSON array of {"id", "secret", "scopes"}',
    );
  }

  return {
    clients: clients.data,
    tokenLifetimeSeconds: env.FLOWDECK_STACK_TOKEN_LIFETIME,
    advertisedExpiresInSeconds: env.FLOWDECK_STACK_TOKEN_EXPIRES_IN,
    v1Only: env.FLOWDECK_STACK_V1_ONLY === '1' || env.FLOWDECK_STACK_V1_ONLY === 'true',
  };
}
