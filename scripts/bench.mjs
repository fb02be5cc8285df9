// `npm run bench`: the benchmark suite. It builds the console into a folder of
// its own and generates data straight into SQLite databases through the
// server's schema. It starts the real server on 127.0.0.1, drives a real
// Chromium and runs the server benchmark. Then it writes BENCHMARKS.md and
// prints a summary.
//
// Options:
//   --quick          small sizes and one round, for CI (writes to a temporary file
//                    unless --out is given); it checks that every part runs, not timings
//   --only LIST      comma-separated parts: bundle,list,timeline,editor,server
//   --rounds N       browser rounds per measure, the median is kept (default 3, quick 1)
//   --port N         first port for the servers it starts (default 18240)
//   --out FILE       the report file (default BENCHMARKS.md)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { format, resolveConfig } from 'prettier';

import {
  firstPageAssets,
  launchBrowser,
  measureBaseline,
  measureEditor,
  measureInstancesList,
  measureTimeline,
  repeat,
} from '../bench/browser.mjs';
import { buildConsole, loadedSizes, routeSizes } from '../bench/bundle.mjs';
import { machineDescription, renderReport, renderSummary } from '../bench/report.mjs';
import { startServer } from '../bench/server-process.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const allParts = ['bundle', 'list', 'timeline', 'editor', 'server'];

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    rounds: { type: 'string' },
    port: { type: 'string', default: '18240' },
    out: { type: 'string' },
  },
});

const quick = options.quick;
const parts = options.only ? options.only.split(',') : allParts;
for (const part of parts) {
  if (!allParts.includes(part)) {
    throw new Error(`Unknown part '${part}' in --only; expected some of ${allParts.join(',')}.`);
  }
}
const rounds = Number(options.rounds ?? (quick ? 1 : 3));
const port = Number(options.port);
const workFolder = mkdtempSync(join(tmpdir(), 'flowdeck-bench-'));
const distDir = join(workFolder, 'dist');
const outFile = resolve(
  options.out ?? (quick ? join(workFolder, 'BENCHMARKS.md') : 'BENCHMARKS.md'),
);

// One browser size set per run: list rows, timeline entries and editor stages grow together.
const sizes = quick
  ? [
      { rows: 100, entries: 100, stages: 10 },
      { rows: 300, entries: 300, stages: 50 },
    ]
  : [
      { rows: 100, entries: 100, stages: 10 },
      { rows: 1_000, entries: 1_000, stages: 100 },
      { rows: 10_000, entries: 10_000, stages: 1_000 },
    ];
const scrollFrameCount = quick ? 60 : 300;
const dragSteps = quick ? 15 : 60;
const serverOptions = quick
  ? ['--runs', '200', '--events', '500', '--requests', '20', '--sizes', '1000,5000']
  : ['--runs', '2000', '--events', '5000', '--requests', '500', '--sizes', '10000,100000'];

function log(message) {
  process.stdout.write(`${message}\n`);
}

/** Runs a TypeScript script of the server with tsx and returns its stdout. */
function runTsx(script, args) {
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`tsx ${script} failed with code ${result.status}:\n${result.stderr}`);
  }

  return result.stdout;
}

/** Captures the error of one measure, so that the others still run and the report shows it. */
async function attempt(label, errors, work) {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    errors.push(`${label}: ${message}`);
    log(`  ${label} failed: ${message}`);

    return undefined;
  }
}

async function benchBundle(browser, baseUrl) {
  const sizesByRoute = routeSizes(chunks, distDir);
  const firstPage = await firstPageAssets(browser, baseUrl);

  return {
    ...sizesByRoute,
    firstPage: {
      path: firstPage.path,
      js: loadedSizes(distDir, firstPage.scripts),
      css: loadedSizes(distDir, firstPage.styles),
    },
  };
}

async function benchBrowserSizes(browser, errors) {
  const results = [];
  for (const [index, size] of sizes.entries()) {
    const databaseFile = join(workFolder, `bench-${index}.db`);
    log(`▶ data: ${size.rows} instances, ${size.entries} history entries, ${size.stages} stages`);
    const data = JSON.parse(
      runTsx('server/bench/bench-data.ts', [
        '--db',
        databaseFile,
        '--instances',
        String(size.rows),
        '--history',
        String(size.entries),
        '--stages',
        String(size.stages),
      ]),
    );
    const server = await startServer({
      root,
      port: port + 1 + index,
      databaseFile,
      staticDir: distDir,
    });
    const result = { size };
    try {
      if (index === 0 && parts.includes('bundle')) {
        log('▶ first page');
        result.bundle = await attempt('first page', errors, () =>
          benchBundle(browser, server.baseUrl),
        );
      }
      if (parts.includes('list')) {
        log(`▶ instances list, ${size.rows} rows`);
        result.list = await attempt(`instances list (${size.rows} rows)`, errors, () =>
          repeat(rounds, () =>
            measureInstancesList(browser, server.baseUrl, { rows: size.rows, scrollFrameCount }),
          ),
        );
      }
      if (parts.includes('timeline')) {
        log(`▶ timeline, ${size.entries} entries`);
        result.timeline = await attempt(`timeline (${size.entries} entries)`, errors, () =>
          repeat(rounds, () =>
            measureTimeline(browser, server.baseUrl, {
              instanceID: data.timelineInstanceID,
              scrollFrameCount,
            }),
          ),
        );
      }
      if (parts.includes('editor')) {
        log(`▶ editor, ${size.stages} stages`);
        result.editor = await attempt(`editor (${size.stages} stages)`, errors, () =>
          repeat(rounds, () =>
            measureEditor(browser, server.baseUrl, {
              workflowID: data.editorWorkflowID,
              dragSteps,
            }),
          ),
        );
      }
    } finally {
      await server.stop();
    }
    results.push(result);
  }

  return results;
}

function benchServer(errors) {
  log('▶ server benchmark');
  try {
    const output = runTsx('server/bench/server-bench.ts', ['--json', ...serverOptions]);
    const line = output.trim().split('\n').at(-1) ?? '';

    return JSON.parse(line);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    errors.push(`server: ${message}`);

    return undefined;
  }
}

const started = Date.now();
const errors = [];
const browserParts = ['bundle', 'list', 'timeline', 'editor'].filter((part) =>
  parts.includes(part),
);
let chunks = new Map();
let browserInfo;
let browserResults = [];
let baseline;

try {
  if (browserParts.length > 0) {
    log(`▶ build into ${distDir}`);
    chunks = await buildConsole(root, distDir);
    const launched = await launchBrowser();
    browserInfo = { version: launched.version, executablePath: launched.executablePath };
    try {
      baseline = await repeat(rounds, () => measureBaseline(launched.browser, scrollFrameCount));
      browserResults = await benchBrowserSizes(launched.browser, errors);
    } finally {
      await launched.browser.close();
    }
  }
  const server = parts.includes('server') ? benchServer(errors) : undefined;

  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const report = {
    quick,
    command,
    date: new Date().toISOString(),
    durationSeconds: (Date.now() - started) / 1_000,
    machine: machineDescription(browserInfo),
    rounds,
    sizes,
    browser: browserResults,
    baseline,
    server,
    errors,
  };
  // Formatted as `npm run format` would, so that the file stays stable between runs.
  const prettierConfig = (await resolveConfig(outFile)) ?? {};
  const markdown = await format(renderReport(report), { ...prettierConfig, parser: 'markdown' });
  writeFileSync(outFile, markdown);
  log('');
  log(renderSummary(report));
  log(`\nReport written to ${outFile}`);
} finally {
  rmSync(distDir, { recursive: true, force: true });
  for (const index of sizes.keys()) {
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(join(workFolder, `bench-${index}.db${suffix}`), { force: true });
    }
  }
  // The folder stays only when it contains the report of a quick run.
  if (dirname(outFile) !== workFolder) rmSync(workFolder, { recursive: true, force: true });
}

// Measures that fail (a page without its test id, a server error) are listed in
// the report; the run still fails, so that CI notices.
process.exit(errors.length === 0 ? 0 : 1);
