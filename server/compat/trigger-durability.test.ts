/**
 * Trigger durability: the server (a child process) commits hundreds of ledger
 * transactions that match four triggers and is killed with SIGKILL while their
 * events are still being handled, then restarted on the same database file.
 * Every committed transaction must have produced exactly one occurrence and
 * one instance per trigger: none lost in the kill, none fired twice by the
 * re-delivery.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { createWorkflow, v2 } from '../testing/api-fixtures';
import { call, createTestServer, type TestServer } from '../testing/test-server';
import { startChildServer, type ChildServer, requestJson } from './child-server';

const firstPort = 18171;
const secondPort = 18172;

const transactionCount = 600;
const concurrency = 24;
// Each event fires every trigger: the trigger work outpaces the commits, so a backlog builds up.
const triggersCount = 4;
// Occurrences still owed at the kill, at least.
const minimumBacklog = 12;
// Acknowledged transactions after which the server is killed, the rest still in flight.
const killAfter = 250;

const workflow = { name: 'td-probe', stages: [{ delay: { duration: '5ms' } }] };
const trigger = (name: string, workflowID: string) => ({
  name,
  event: 'COMMITTED_TRANSACTIONS',
  workflowID,
  filter: 'event.ledger == "td" && event.transactions[0].metadata.key != nil',
  vars: { key: 'event.transactions[0].metadata.key' },
});

type OccurrenceRow = { trigger_id: string; tx: number | null; instance: string | null };

describe('trigger durability', () => {
  let folder: string | undefined;
  let server: ChildServer | undefined;

  afterEach(async () => {
    await server?.stop('SIGKILL');
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const request = (method: string, path: string, body?: unknown) =>
    requestJson(server?.url ?? '', method, path, body);
  const idOf = async (path: string, body: unknown) =>
    ((await request('POST', path, body)) as { data: { id: string } }).data.id;

  it('fires each matching trigger exactly once per committed transaction across a SIGKILL', async () => {
    folder = mkdtempSync(join(tmpdir(), 'flowdeck-triggers-'));
    const databaseFile = join(folder, 'flowdeck.db');
    server = await startChildServer({ port: firstPort, databaseFile });

    const workflowID = await idOf('/api/orchestration/v2/workflows', workflow);
    const triggerIDs: string[] = [];
    for (let index = 0; index < triggersCount; index += 1) {
      triggerIDs.push(
        await idOf('/api/orchestration/v2/triggers', trigger(`td-${index}`, workflowID)),
      );
    }

    // Occurrences that committed transactions still owe, read while the server runs.
    const watcher = new Database(databaseFile, { readonly: true });
    const backlog = () =>
      (
        watcher
          .prepare(
            `SELECT (SELECT count(*) FROM ledger_transactions WHERE ledger = 'td') * ${triggersCount}
                    - (SELECT count(*) FROM trigger_occurrences) AS n`,
          )
          .get() as { n: number }
      ).n;

    // Commit transactions from several clients; kill once `killAfter` are acknowledged and
    // some committed events are still waiting for their triggers.
    let acknowledged = 0;
    let next = 0;
    let killed: Promise<number | string> | undefined;
    const current = server;
    const client = async () => {
      while (next < transactionCount && killed === undefined) {
        const key = `k${next}`;
        next += 1;
        try {
          await request('POST', '/api/local/ledgers/td/transactions', {
            postings: [{ source: 'world', destination: `td:${key}`, amount: 1, asset: 'USD/2' }],
            metadata: { key },
          });
          acknowledged += 1;
        } catch {
          // The kill interrupts the requests in flight: some committed, some not.
          return;
        }
        if (acknowledged >= killAfter && killed === undefined && backlog() >= minimumBacklog) {
          killed = current.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    watcher.close();
    if (killed === undefined) killed = current.stop('SIGKILL');
    expect(await killed).toBe('SIGKILL');

    const count = (db: Database.Database, sql: string) =>
      (db.prepare(sql).get() as { n: number }).n;
    const atKill = new Database(databaseFile);
    const committedAtKill = count(
      atKill,
      "SELECT count(*) AS n FROM ledger_transactions WHERE ledger = 'td'",
    );
    const firedAtKill = count(atKill, 'SELECT count(*) AS n FROM trigger_occurrences');
    const outboxAtKill = count(atKill, 'SELECT count(*) AS n FROM ledger_outbox');
    // Events whose firing committed but whose outbox row was not deleted yet: the restart
    // delivers them again and must not fire them twice.
    const handledAtKill = count(
      atKill,
      `SELECT count(DISTINCT o.seq) AS n FROM ledger_outbox o JOIN trigger_deliveries d
       ON d.event_key = json_extract(o.envelope, '$.idempotency_key')`,
    );
    atKill.close();
    console.log(
      `at the kill: ${committedAtKill} transactions committed (${acknowledged} acknowledged), ` +
        `${firedAtKill} of ${triggersCount * committedAtKill} occurrences, ${outboxAtKill} events in the ` +
        `outbox (${handledAtKill} of them already handled by a trigger)`,
    );
    expect(committedAtKill).toBeGreaterThanOrEqual(acknowledged);
    // The kill must land while committed events are still unhandled, or the test proves nothing.
    expect(firedAtKill).toBeLessThan(triggersCount * committedAtKill);

    server = await startChildServer({ port: secondPort, databaseFile });
    const db = new Database(databaseFile, { readonly: true });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const fired = count(db, 'SELECT count(*) AS n FROM trigger_occurrences');
      const pending = count(db, 'SELECT count(*) AS n FROM ledger_outbox');
      if (fired >= triggersCount * committedAtKill && pending === 0) break;
      if (Date.now() > deadline) {
        throw new Error(`${fired} occurrences, ${pending} events pending:\n${server.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Let a wrong second delivery show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;

    const transactions = db
      .prepare("SELECT id FROM ledger_transactions WHERE ledger = 'td' ORDER BY id")
      .all() as Array<{ id: number }>;
    expect(transactions).toHaveLength(committedAtKill);
    const occurrences = db
      .prepare(
        `SELECT trigger_id, json_extract(event, '$.payload.transactions[0].id') AS tx,
                workflow_instance_id AS instance
         FROM trigger_occurrences WHERE error IS NULL`,
      )
      .all() as OccurrenceRow[];
    expect(count(db, 'SELECT count(*) AS n FROM trigger_occurrences WHERE error IS NOT NULL')).toBe(
      0,
    );
    for (const triggerID of triggerIDs) {
      const fired = occurrences
        .filter((occurrence) => occurrence.trigger_id === triggerID)
        .map((occurrence) => occurrence.tx)
        .sort((a, b) => (a ?? -1) - (b ?? -1));
      expect(fired, triggerID).toEqual(transactions.map((transaction) => transaction.id));
    }

    // One instance per occurrence, each with the variables of its own transaction.
    const instances = db
      .prepare('SELECT id, variables FROM instances WHERE workflow_id = ?')
      .all(workflowID) as Array<{ id: string; variables: string }>;
    expect(instances).toHaveLength(triggersCount * committedAtKill);
    expect(new Set(occurrences.map((occurrence) => occurrence.instance))).toEqual(
      new Set(instances.map((instance) => instance.id)),
    );
    const keys = instances.map(
      (instance) => (JSON.parse(instance.variables) as { key: string }).key,
    );
    expect(new Set(keys).size).toBe(committedAtKill);
    expect(count(db, 'SELECT count(*) AS n FROM trigger_deliveries')).toBe(
      triggersCount * committedAtKill,
    );
    expect(count(db, 'SELECT count(*) AS n FROM ledger_outbox')).toBe(0);
    db.close();
  }, 40_000);
});

describe('trigger re-delivery', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('skips handled outbox events and fires unhandled ones on restart', async () => {
    server = await createTestServer();
    const workflowID = (await createWorkflow(server.app, workflow)).id;
    const created = await call(server.app, 'POST', `${v2}/triggers`, trigger('td', workflowID));
    const triggerID = (created.body as { data: { id: string } }).data.id;
    const commit = (key: string) =>
      server?.app.flowdeck.ledger.ledger.createTransaction('td', {
        postings: [{ source: 'world', destination: `td:${key}`, amount: 1, asset: 'USD/2' }],
        metadata: { key },
      });
    commit('first');
    await server.app.flowdeck.bus.drain();
    const occurrences = () => server?.app.flowdeck.repositories.occurrences.list(triggerID) ?? [];
    expect(occurrences()).toHaveLength(1);

    // As if the process had died after the firing committed but before the row was deleted,
    // and before a second committed event was handled at all.
    const handled = occurrences()[0]?.event;
    const unhandled = { ...handled, idempotency_key: 'unhandled-event' };
    const insert = server.app.flowdeck.db.prepare(
      'INSERT INTO ledger_outbox (envelope) VALUES (?)',
    );
    insert.run(JSON.stringify(handled));
    insert.run(JSON.stringify(unhandled));
    server = await server.reopen();
    await new Promise((resolve) => setImmediate(resolve));
    await server.app.flowdeck.bus.drain();

    expect(occurrences().map((occurrence) => occurrence.event.idempotency_key)).toEqual([
      handled?.idempotency_key,
      'unhandled-event',
    ]);
    expect(server.app.flowdeck.repositories.instances.list({ runningOnly: false })).toHaveLength(2);
    const outbox = server.app.flowdeck.db.prepare('SELECT count(*) AS n FROM ledger_outbox');
    expect(outbox.get()).toEqual({ n: 0 });
  });

  it('keeps firing events posted by hand with a reused key', async () => {
    server = await createTestServer();
    const workflowID = (await createWorkflow(server.app, workflow)).id;
    const created = await call(server.app, 'POST', `${v2}/triggers`, {
      event: 'TD_PROBE',
      workflowID,
    });
    const triggerID = (created.body as { data: { id: string } }).data.id;
    const event = { type: 'TD_PROBE', idempotency_key: 'same-key', payload: {} };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await call(server.app, 'POST', '/api/local/events', event);
      expect(response.status).toBe(200);
      expect(
        (response.body as { data: { matchedTriggers: string[] } }).data.matchedTriggers,
      ).toEqual([triggerID]);
    }

    expect(server.app.flowdeck.repositories.occurrences.list(triggerID)).toHaveLength(2);
  });
});
