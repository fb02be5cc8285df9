import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig, devices } from '@playwright/test';

import { e2eStackSecret, stackPortOffsets } from './e2e/pages/connection-stacks';

const port = Number(process.env.E2E_PORT ?? 18090);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

// Debian's Chromium where it exists (this machine cannot download Playwright's
// own browsers); elsewhere Playwright's bundled Chromium.
const debianChromium = '/usr/bin/chromium';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

// Each run gets a fresh database, seeded with the example data.
const databaseDir = mkdtempSync(join(tmpdir(), 'flowdeck-e2e-'));

// Local servers in stack mode play remote Formance stacks for e2e/connections.spec.ts. Their
// ports follow E2E_PORT, so that parallel runs on other ports do not collide.
const stackPorts = {
  full: port + stackPortOffsets.full,
  v1: port + stackPortOffsets.v1,
  expiring: port + stackPortOffsets.expiring,
  unreachable: port + stackPortOffsets.unreachable,
};
const stackUrl = (stackPort: number) => `http://127.0.0.1:${stackPort}`;
const stackClients = JSON.stringify([
  { id: 'console', secret: e2eStackSecret, scopes: ['orchestration:read', 'orchestration:write'] },
  { id: 'viewer', secret: e2eStackSecret, scopes: ['orchestration:read'] },
]);

function stackServer(name: string, stackPort: number, env: Record<string, string> = {}) {
  return {
    command: 'npx tsx server/main.ts',
    url: `${stackUrl(stackPort)}/api/orchestration/_info`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      FLOWDECK_PORT: String(stackPort),
      FLOWDECK_HOST: '127.0.0.1',
      FLOWDECK_DB: join(databaseDir, `stack-${name}.db`),
      FLOWDECK_SEED: '1',
      FLOWDECK_LOG_LEVEL: 'warn',
      FLOWDECK_STATIC_DIR: join(databaseDir, 'no-console'),
      FLOWDECK_STACK_CLIENTS: stackClients,
      ...env,
    },
  };
}

/** `FLOWDECK_CONNECTION_<ID>_*` variables of one remote connection. */
function connection(
  id: string,
  name: string,
  stackPort: number,
  extra: Record<string, string> = {},
) {
  const prefix = `FLOWDECK_CONNECTION_${id.toUpperCase()}_`;
  const fields: Record<string, string> = {
    NAME: name,
    BASE_URL: stackUrl(stackPort),
    CLIENT_ID: 'console',
    CLIENT_SECRET: e2eStackSecret,
    TIMEOUT_MS: '5000',
    ...extra,
  };

  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [prefix + key, value]));
}

const connections = {
  ...connection('stack', 'Staging stack', stackPorts.full),
  ...connection('viewer', 'Staging (viewer)', stackPorts.full, { CLIENT_ID: 'viewer' }),
  ...connection('frozen', 'Staging (read-only)', stackPorts.full, { READ_ONLY: 'true' }),
  ...connection('wrong', 'Wrong secret', stackPorts.full, { CLIENT_SECRET: 'not-the-e2e-secret' }),
  ...connection('v1', 'Legacy v1 stack', stackPorts.v1),
  ...connection('expiring', 'Expiring tokens', stackPorts.expiring),
  ...connection('down', 'Stopped stack', stackPorts.unreachable),
};

// `npm test` builds the console once before the suites run and sets
// E2E_SKIP_BUILD; a bare `npx playwright test` builds it here. E2E_DIST builds
// into a folder of its own, so that parallel runs do not share dist/.
const distDir = process.env.E2E_DIST;
const buildCommand = distDir
  ? `npx vite build --logLevel error --emptyOutDir --outDir ${JSON.stringify(distDir)}`
  : 'npm run build --silent';
const build = process.env.E2E_SKIP_BUILD ? '' : `${buildCommand} && `;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    timezoneId: 'UTC',
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: executablePath ? { executablePath, args: ['--disable-gpu'] } : {},
      },
    },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : [
        {
          command: `${build}npx tsx server/main.ts`,
          url: `${baseURL}/api/orchestration/_info`,
          reuseExistingServer: false,
          timeout: 180_000,
          stdout: 'ignore',
          stderr: 'pipe',
          env: {
            FLOWDECK_PORT: String(port),
            FLOWDECK_HOST: '127.0.0.1',
            FLOWDECK_DB: join(databaseDir, 'flowdeck.db'),
            FLOWDECK_SEED: '1',
            FLOWDECK_LOG_LEVEL: 'warn',
            ...(distDir ? { FLOWDECK_STATIC_DIR: distDir } : {}),
            ...connections,
          },
        },
        stackServer('full', stackPorts.full),
        stackServer('v1', stackPorts.v1, { FLOWDECK_STACK_V1_ONLY: '1' }),
        // Tokens expire as soon as they are issued, so the stack rejects every one.
        stackServer('expiring', stackPorts.expiring, { FLOWDECK_STACK_TOKEN_LIFETIME: '0' }),
      ],
});
