/**
 * Benchmark of the local orchestration server (`npm run bench:server`): noop
 * runs per second, trigger evaluation throughput, v2 instance list latency at
 * 10,000 and 100,000 instances, and resident memory. It runs the server
 * in-process on a temporary database with logs off. List requests go through
 * Fastify's inject, so the timings include HTTP parsing but no socket.
 *
 * Options: `--runs N` (default 2000, after a first run of N/4 for the ratio),
 * `--events N` (default 5000, after N/5), `--requests N` list requests per
 * measurement (default 200), `--sizes A,B` list sizes (default 10000,100000).
 * `--json` prints the results as one JSON line instead of a table.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { buildServer } from '../app';
import { encodeCursor } from '../http/pagination';
import type { FlowdeckRuntime } from '../app';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    events: { type: 'string', default: '5000' },
    requests: { type: 'string', default: '200' },
    sizes: { type: 'string', default: '10000,100000' },
    json: { type: 'boolean', default: false },
  },
});
const runCount = Number(options.runs);
const eventCount = Number(options.events);
const requestCount = Number(options.requests);
const listSizes = options.sizes.split(',').map(Number);

type Row = [string, string];
const rows: Row[] = [];

/** One measured figure, for `--json`: `name` is stable, `size` is the count it was measured at. */
type Result = { name: string; size?: number; value: number; unit: string };
const results: Result[] = [];
let peakRss = 0;

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function sampleRss(): number {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  return rss;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1_000)}/s`;

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) {
    sampleRss();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function benchNoopRuns(runtime: FlowdeckRuntime, runCount: number): Promise<void> {
  const { services, db } = runtime;
  const workflow = services.workflows.create({ name: 'bench-noop', stages: [{ noop: {} }] });
  const running = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM instances WHERE terminated = 0',
  );

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let index = 0; index < runCount; index += 1) {
    await services.instances.run(workflow.id, {}, false);
  }
  await waitUntil(() => running.get()?.n === 0);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time of this process per run: on a machine busy with other work it
  // shows the rate that one free core would reach, which wall time hides.
  const cpuMsPerRun = (cpu.user + cpu.system) / 1_000 / runCount;

  rows.push([
    `noop runs (${runCount}, start to all terminated)`,
    `${perSecond(runCount, elapsed)}, ${cpuMsPerRun.toFixed(3)} ms CPU per run`,
  ]);
  results.push({ name: 'noop-cpu-per-run', size: runCount, value: cpuMsPerRun, unit: 'ms' });
  results.push({
    name: 'noop-runs',
    size: runCount,
    value: (runCount / elapsed) * 1_000,
    unit: 'runs/s',
  });
}

/** Publishes `eventCounts[i]` events in turn against the same 10 triggers. */
async function benchTriggers(runtime: FlowdeckRuntime, eventCounts: number[]): Promise<void> {
  const { services, bus, repositories } = runtime;
  const probe = services.workflows.create({ name: 'bench-probe', stages: [{ noop: {} }] });
  // Selective filters, as in practice: about 2% of the events match one of them.
  const filters = [
    'event.ledger == "bench-0" && event.transactions[0].metadata.kind == "chargeback"',
    'event.ledger == "bench-1" && event.transactions[0].postings[0].amount > 990',
    'any(event.transactions[0].postings, {#.asset == "EUR/2" && #.amount >= 998})',
    'event.transactions[0].metadata.kind == "dispute"',
    'event.transactions[0].postings[0].source startsWith "admins:"',
    'event.transactions[0].postings[0].destination matches "^merchants:9[0-9]+$"',
    'len(event.transactions[0].postings) > 1',
    'event.ledger in ["bench-2", "bench-3"] && event.transactions[0].metadata.kind == "payout" && event.transactions[0].postings[0].amount < 20',
    'sum(map(event.transactions[0].postings, #.amount)) > 1000',
    'lower(event.transactions[0].metadata.kind ?? "") == "fraud"',
  ];
  const triggerIDs = filters.map(
    (filter, index) =>
      services.triggers.create({
        name: `bench-${index}`,
        event: 'COMMITTED_TRANSACTIONS',
        workflowID: probe.id,
        filter,
        vars: { amount: 'event.transactions[0].postings[0].amount' },
      }).id,
  );
  const kinds = ['sale', 'refund', 'chargeback', 'payout'];

  for (const eventCount of eventCounts) {
    await publishEvents(eventCount);
  }

  function countMatches(): number {
    return triggerIDs.reduce((total, id) => total + repositories.occurrences.list(id).length, 0);
  }

  async function publishEvents(eventCount: number): Promise<void> {
    const matchesBefore = countMatches();
    const started = performance.now();
    for (let index = 0; index < eventCount; index += 1) {
      void bus.publish({
        type: 'COMMITTED_TRANSACTIONS',
        version: 'v2',
        app: 'ledger',
        date: new Date().toISOString(),
        idempotency_key: randomUUID(),
        payload: {
          ledger: `bench-${index % 10}`,
          transactions: [
            {
              id: index,
              metadata: { kind: kinds[index % kinds.length] },
              postings: [
                {
                  source: `users:${index % 100}`,
                  destination: `merchants:${index % 7}`,
                  amount: index % 1_000,
                  asset: index % 2 === 0 ? 'EUR/2' : 'USD/2',
                },
              ],
            },
          ],
          accountMetadata: {},
        },
      });
    }
    await bus.drain();
    const elapsed = performance.now() - started;
    sampleRss();
    const matches = countMatches() - matchesBefore;

    rows.push([
      `trigger evaluation (${eventCount} events x 10 filtered triggers)`,
      `${perSecond(eventCount, elapsed)}, ${matches} matches`,
    ]);
    results.push({
      name: 'trigger-events',
      size: eventCount,
      value: (eventCount / elapsed) * 1_000,
      unit: 'events/s',
    });
  }
}

/** Inserts terminated and running instances with plain SQL, in one transaction. */
function insertInstances(runtime: FlowdeckRuntime, workflowIDs: string[], count: number): void {
  const { db } = runtime;
  const date = new Date().toISOString();
  const insert = db.prepare<[string, string, string, string, string, number, string | null]>(
    `INSERT INTO instances (id, workflow_id, variables, created_at, updated_at, terminated, terminated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const workflowID = workflowIDs[index % workflowIDs.length] ?? '';
      // Nine in ten are terminated, as on a server that has run for a while.
      const terminated = index % 10 !== 0;
      const variables = JSON.stringify({ index: String(index) });
      insert.run(
        randomUUID(),
        workflowID,
        variables,
        date,
        date,
        terminated ? 1 : 0,
        terminated ? date : null,
      );
    }
  })();
}

async function measureList(
  app: ReturnType<typeof buildServer>,
  measure: { name: string; size: number; label: string },
  url: () => string,
): Promise<void> {
  const { name, size, label } = measure;
  // Warm-up requests, not measured: the first ones include JIT compilation.
  for (let index = 0; index < 20; index += 1) await app.inject({ method: 'GET', url: url() });
  const durations: number[] = [];
  for (let index = 0; index < requestCount; index += 1) {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: url() });
    durations.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${url()} returned ${response.statusCode}`);
  }
  sampleRss();
  durations.sort((a, b) => a - b);
  const p50 = percentile(durations, 0.5).toFixed(2);
  const p99 = percentile(durations, 0.99).toFixed(2);
  rows.push([label, `p50 ${p50} ms, p99 ${p99} ms`]);
  results.push({ name: `${name}-p50`, size, value: percentile(durations, 0.5), unit: 'ms' });
  results.push({ name: `${name}-p99`, size, value: percentile(durations, 0.99), unit: 'ms' });
}

/** Returns a `next` cursor that starts right after a random instance. */
function cursorAfterRandom(ids: string[], pageSize: number): string {
  const after = ids[Math.floor(Math.random() * ids.length)] ?? '';

  return encodeCursor({ after, pageSize, filters: {} });
}

async function benchLists(
  runtime: FlowdeckRuntime,
  app: ReturnType<typeof buildServer>,
): Promise<void> {
  const { db, services } = runtime;
  const workflowIDs = Array.from(
    { length: 20 },
    (_, index) =>
      services.workflows.create({ name: `bench-list-${index}`, stages: [{ noop: {} }] }).id,
  );
  const base = '/api/orchestration/v2/instances';

  for (const target of listSizes) {
    const existing = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM instances').get();
    const started = performance.now();
    insertInstances(runtime, workflowIDs, target - (existing?.n ?? 0));
    const inserted = performance.now() - started;
    const size = target.toLocaleString('en-US');
    rows.push([`insert up to ${size} instances (one transaction)`, `${inserted.toFixed(0)} ms`]);

    const ids = db.prepare<[], { id: string }>('SELECT id FROM instances').all();
    const instanceIDs = ids.map((row) => row.id);
    const measure = (name: string, label: string) => ({
      name,
      size: target,
      label: `v2 list, ${size} instances: ${label}`,
    });

    await measureList(app, measure('list-first', 'first page'), () => base);
    await measureList(
      app,
      measure('list-random', 'random page (cursor)'),
      () => `${base}?cursor=${cursorAfterRandom(instanceIDs, 15)}`,
    );
    await measureList(
      app,
      measure('list-running', 'running=true, pageSize=100'),
      () => `${base}?running=true&pageSize=100`,
    );
    await measureList(
      app,
      measure('list-workflow', 'workflowID filter'),
      () => `${base}?workflowID=${workflowIDs[Math.floor(Math.random() * workflowIDs.length)]}`,
    );
  }
}

/** Runs `work` on a server with a new temporary database, then deletes it. */
async function withServer(
  work: (runtime: FlowdeckRuntime, app: ReturnType<typeof buildServer>) => Promise<void>,
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'flowdeck-bench-'));
  const app = buildServer({ databaseFile: join(folder, 'bench.db'), logger: false });
  try {
    await app.ready();
    await work(app.flowdeck, app);
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  rows.push(['RSS at start', megabytes(sampleRss())]);
  results.push({ name: 'rss-start', value: sampleRss() / 1_048_576, unit: 'MB' });
  await withServer(async (runtime) => {
    // A smaller run first, for the ratio between the two sizes.
    await benchNoopRuns(runtime, Math.max(1, Math.round(runCount / 4)));
    await benchNoopRuns(runtime, runCount);
    rows.push(['RSS after the runs', megabytes(sampleRss())]);
    results.push({ name: 'rss-after-runs', value: sampleRss() / 1_048_576, unit: 'MB' });
    await benchTriggers(runtime, [Math.max(1, Math.round(eventCount / 5)), eventCount]);
    rows.push(['RSS after the events', megabytes(sampleRss())]);
    results.push({ name: 'rss-after-events', value: sampleRss() / 1_048_576, unit: 'MB' });
  });
  // The list measures start from an empty database, so the instance counts are exact.
  await withServer(async (runtime, app) => {
    await benchLists(runtime, app);
    rows.push(['RSS after the lists', megabytes(sampleRss())]);
    results.push({ name: 'rss-after-lists', value: sampleRss() / 1_048_576, unit: 'MB' });
  });
  rows.push(['peak RSS (sampled)', megabytes(peakRss)]);
  results.push({ name: 'rss-peak', value: peakRss / 1_048_576, unit: 'MB' });

  if (options.json) {
    print(JSON.stringify({ node: process.version, cpus: cpus().length, results }));

    return;
  }

  const width = Math.max(...rows.map(([name]) => name.length));
  print(`Flowdeck server benchmark: Node ${process.version}, ${cpus().length} CPUs`);
  print(`${'measure'.padEnd(width)} | result`);
  print(`${'-'.repeat(width)}-|-${'-'.repeat(30)}`);
  for (const [name, result] of rows) print(`${name.padEnd(width)} | ${result}`);
}

void main();
