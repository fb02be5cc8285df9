// Runs every suite of the project in order (typecheck, lint, unit and server
// tests, build, quick benchmark, end-to-end tests) and ends with one summary line,
// `N passed, N failed`, that adds them all up. Each of typecheck, lint,
// build and the quick benchmark counts as one check; Vitest and Playwright count their tests.
// Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outputDir = mkdtempSync(join(tmpdir(), 'flowdeck-test-'));
const vitestReport = join(outputDir, 'vitest.json');
const playwrightReport = join(outputDir, 'playwright.json');
const only = process.argv.slice(2);

let buildFailed = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

function count(name, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function check(name, command, args) {
  console.log(`\n▶ ${name}`);
  const ok = run(command, args);
  count(name, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function vitest() {
  console.log('\n▶ unit and server tests (vitest)');
  const ok = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ]);
  const report = readJson(vitestReport);
  if (!report) {
    count('vitest', 0, 1);
    return;
  }
  const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  count('vitest', report.numPassedTests, failed, report.numPendingTests + report.numTodoTests);
}

function playwright() {
  console.log('\n▶ end-to-end tests (playwright)');
  const ok = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    E2E_SKIP_BUILD: '1',
  });
  const report = readJson(playwrightReport);
  if (!report?.stats) {
    count('playwright', 0, 1);
    return;
  }
  const { expected, unexpected, flaky, skipped } = report.stats;
  const failed = unexpected + (ok || unexpected > 0 ? 0 : 1);
  count('playwright', expected + flaky, failed, skipped);
}

const steps = {
  typecheck: () => check('typecheck', 'npx', ['tsc', '--noEmit']),
  lint: () => check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']),
  unit: vitest,
  build: () => {
    buildFailed = !check('build', 'npx', ['vite', 'build']);
  },
  // The quick benchmark (small sizes, one round) builds into a folder of its own. It checks
  // that every measure still runs to the end and asserts no timings.
  bench: () => check('benchmark (quick)', 'node', ['scripts/bench.mjs', '--quick']),
  e2e: playwright,
};

for (const [name, step] of Object.entries(steps)) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (name === 'e2e' && (buildFailed || !existsSync('dist/index.html'))) {
    count('playwright', 0, 1);
    lines.push('playwright: not run, because there is no successful build of the console');
    continue;
  }
  step();
}

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed === 0 ? 0 : 1);
