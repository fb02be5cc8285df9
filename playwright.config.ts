import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 18090);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

// Debian's Chromium where it exists (this machine cannot download Playwright's
// own browsers); elsewhere Playwright's bundled Chromium.
const debianChromium = '/usr/bin/chromium';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

// Each run gets a fresh database, seeded with the example data.
const databaseDir = mkdtempSync(join(tmpdir(), 'flowdeck-e2e-'));

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
    : {
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
        },
      },
});
