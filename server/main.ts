/**
 * Entry point of `npm start` / `npm run server`: the local orchestration
 * server, serving the built console from dist/ when it exists.
 *
 * Environment: FLOWDECK_PORT (default 8090), FLOWDECK_HOST (default
 * 127.0.0.1), FLOWDECK_DB (default .data/flowdeck.db), FLOWDECK_SEED (`0`
 * skips the example data that a new database otherwise gets),
 * FLOWDECK_LOG_LEVEL (default info), FLOWDECK_CONFIG (connections and access
 * control, see README.md) and the stack-mode variables FLOWDECK_STACK_* (see
 * server/README.md). FLOWDECK_ALLOWED_HOSTS lists the host names accepted in
 * the Host header, comma-separated. By default these are the loopback names
 * when FLOWDECK_HOST is a loopback address, and any name otherwise.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { LoggerOptions } from 'pino';
import { z } from 'zod';

import { buildServer } from './app';
import { stackModeFromEnvironment } from './auth/stack-mode-config';
import { ConfigError, loadConfig } from './connections/config';
import { loopbackHosts } from './http/security-headers';
import { seedExampleData } from './seed';

const environmentSchema = z.object({
  FLOWDECK_PORT: z.coerce
    .number({ error: 'FLOWDECK_PORT must be a port number' })
    .int('FLOWDECK_PORT must be an integer')
    .min(0)
    .max(65_535)
    .default(8090),
  FLOWDECK_HOST: z.string().min(1).default('127.0.0.1'),
  FLOWDECK_DB: z.string().min(1).default('.data/flowdeck.db'),
  FLOWDECK_SEED: z.string().optional(),
  /** Folder of the built console; defaults to dist/ next to server/. */
  FLOWDECK_STATIC_DIR: z.string().min(1).optional(),
  FLOWDECK_ALLOWED_HOSTS: z.string().min(1).optional(),
  FLOWDECK_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

function readPackageVersion(): string {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  const parsed = z
    .object({ version: z.string() })
    .safeParse(JSON.parse(readFileSync(file, 'utf8')));

  return parsed.success ? parsed.data.version : 'develop';
}

/** Readable, coloured logs in a terminal when pino-pretty is installed; JSON lines otherwise. */
function loggerOptions(level: string): LoggerOptions {
  if (!process.stdout.isTTY) return { level };
  try {
    import.meta.resolve('pino-pretty');
  } catch {
    return { level };
  }

  return {
    level,
    transport: {
      target: 'pino-pretty',
      options: {
        colorize: true,
        singleLine: true,
        ignore: 'pid,hostname',
        translateTime: 'SYS:HH:MM:ss.l',
      },
    },
  };
}

const loopbackAddresses = new Set(['127.0.0.1', 'localhost', '::1']);

/** Host names the server accepts in the Host header, or `undefined` for any. */
function allowedHosts(host: string, configured: string | undefined): string[] | undefined {
  if (configured !== undefined) {
    return configured
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
  }

  return loopbackAddresses.has(host) ? loopbackHosts : undefined;
}

/** Reads the config file and stack mode, or exits with the reason when they are invalid. */
function loadSettings() {
  try {
    return { config: loadConfig(process.env), stackMode: stackModeFromEnvironment(process.env) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Invalid configuration: ${error.message}`);
    process.exit(1);
  }
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function main(): Promise<void> {
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    console.error(`Invalid environment: ${problems.join('; ')}`);
    process.exit(1);
  }

  const env = parsed.data;
  const databaseFile = resolve(env.FLOWDECK_DB);
  mkdirSync(dirname(databaseFile), { recursive: true });
  const distDir = env.FLOWDECK_STATIC_DIR
    ? resolve(env.FLOWDECK_STATIC_DIR)
    : fileURLToPath(new URL('../dist', import.meta.url));
  const staticDir = existsSync(join(distDir, 'index.html')) ? distDir : undefined;

  const { config, stackMode } = loadSettings();
  const app = buildServer({
    databaseFile,
    logger: loggerOptions(env.FLOWDECK_LOG_LEVEL),
    staticDir,
    version: readPackageVersion(),
    connections: { local: config.local, remotes: config.remotes },
    accessControl: config.access,
    stackMode,
    allowedHosts: allowedHosts(env.FLOWDECK_HOST, env.FLOWDECK_ALLOWED_HOSTS),
  });

  try {
    await app.listen({ port: env.FLOWDECK_PORT, host: env.FLOWDECK_HOST });
  } catch (error) {
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    const hint = inUse ? `; set FLOWDECK_PORT to a free port` : '';
    app.log.fatal({ err: error, port: env.FLOWDECK_PORT }, `cannot listen${hint}`);
    await app.close();
    process.exit(1);
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.FLOWDECK_PORT;
  const url = formatUrl(env.FLOWDECK_HOST, port);
  app.log.info(
    {
      url,
      databaseFile,
      console: staticDir ?? 'not built',
      connections: ['local', ...config.remotes.map((remote) => remote.id)],
      accessControl: config.access.token !== undefined || config.access.basicAuth !== undefined,
      stackMode: stackMode !== undefined,
    },
    'Flowdeck started',
  );
  if (staticDir === undefined)
    app.log.warn('dist/ not found: run `npm run build` to serve the console');

  const seedDisabled = env.FLOWDECK_SEED === '0' || env.FLOWDECK_SEED === 'false';
  if (app.flowdeck.databaseCreated && !seedDisabled) {
    try {
      await seedExampleData(app.flowdeck);
    } catch (error) {
      app.log.error({ err: error }, 'creating the example data failed');
    }
  }
  console.log(`Flowdeck is running at ${url}`);

  const stop = async (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'Flowdeck stopping');
    await app.close();
    app.log.info('Flowdeck stopped');
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
}

void main();
