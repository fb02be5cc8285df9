/**
 * Writes the data of one browser benchmark size into a new SQLite database,
 * through the server's own schema (openDatabase applies the migrations) and
 * plain SQL inserts in one transaction:
 *
 * - `--instances N` instances in total, one of which is the timeline instance:
 *   a terminated instance with `--history N` history entries (one noop stage each);
 * - one workflow of `--stages N` stages of mixed kinds, for the editor.
 *
 * Prints one JSON line: `{ "timelineInstanceID", "editorWorkflowID", "instances" }`.
 * Used by scripts/bench.mjs; run it with tsx.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { openDatabase } from '../storage/database';
import type { SqliteDatabase } from '../storage/database';

const { values: options } = parseArgs({
  options: {
    db: { type: 'string' },
    instances: { type: 'string', default: '100' },
    history: { type: 'string', default: '100' },
    stages: { type: 'string', default: '10' },
  },
});

function positiveInteger(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive integer, got '${text ?? ''}'`);
  }

  return value;
}

/** Builds the stage config at `index`, cycling through the five kinds so the editor draws every node type. */
function editorStage(index: number): Record<string, unknown> {
  switch (index % 5) {
    case 0:
      return {
        send: {
          source: { account: { id: `users:${index}`, ledger: 'bench' } },
          destination: { account: { id: `merchants:${index}`, ledger: 'bench' } },
          amount: { amount: 100 + index, asset: 'USD/2' },
        },
      };
    case 1:
      return { delay: { duration: `${(index % 60) + 1}s` } };
    case 2:
      return { wait_event: { event: `event-${index}` } };
    case 3:
      return {
        update: { account: { id: `users:${index}`, ledger: 'bench', metadata: { n: `${index}` } } },
      };
    default:
      return { noop: {} };
  }
}

function insertWorkflow(db: SqliteDatabase, name: string, stages: unknown[], date: string): string {
  const id = randomUUID();
  db.prepare('INSERT INTO workflows (id, config, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    id,
    JSON.stringify({ name, stages }),
    date,
    date,
  );

  return id;
}

function writeData(
  db: SqliteDatabase,
  counts: { instances: number; history: number; stages: number },
) {
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const at = (seconds: number) => new Date(base + seconds * 1_000).toISOString();

  const editorWorkflowID = insertWorkflow(
    db,
    `bench-editor-${counts.stages}`,
    Array.from({ length: counts.stages }, (_, index) => editorStage(index)),
    at(0),
  );
  const listWorkflowIDs = Array.from({ length: 5 }, (_, index) =>
    insertWorkflow(db, `bench-list-${index}`, [{ noop: {} }, { delay: { duration: '1h' } }], at(0)),
  );
  const timelineWorkflowID = insertWorkflow(
    db,
    `bench-timeline-${counts.history}`,
    Array.from({ length: counts.history }, () => ({ noop: {} })),
    at(0),
  );

  const insertInstance = db.prepare<
    [string, string, string, string, string, number, string | null, string | null]
  >(
    `INSERT INTO instances (id, workflow_id, variables, created_at, updated_at, terminated, terminated_at, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStage = db.prepare<[string, number, string, string]>(
    `INSERT INTO stages (instance_id, stage, kind, name, input, started_at, terminated_at)
     VALUES (?, ?, 'noop', 'RunNoop', '{}', ?, ?)`,
  );

  // The list instances come first, so the timeline instance is the newest one.
  for (let index = 0; index < counts.instances - 1; index += 1) {
    const workflowID = listWorkflowIDs[index % listWorkflowIDs.length] ?? '';
    const created = at(index);
    // One in ten still runs (waiting in its delay stage), one in twenty failed.
    const running = index % 10 === 0;
    const failed = !running && index % 20 === 5;
    const ended = running ? null : at(index + 2);
    const id = randomUUID();
    insertInstance.run(
      id,
      workflowID,
      JSON.stringify({ index: String(index) }),
      created,
      ended ?? created,
      running ? 0 : 1,
      ended,
      failed ? 'insufficient funds' : null,
    );
  }

  const timelineInstanceID = randomUUID();
  const start = counts.instances;
  insertInstance.run(
    timelineInstanceID,
    timelineWorkflowID,
    '{}',
    at(start),
    at(start + counts.history),
    1,
    at(start + counts.history),
    null,
  );
  for (let stage = 0; stage < counts.history; stage += 1) {
    insertStage.run(timelineInstanceID, stage, at(start + stage), at(start + stage + 1));
  }

  return { timelineInstanceID, editorWorkflowID, instances: counts.instances };
}

function main(): void {
  const file = options.db;
  if (file === undefined || file === '') throw new Error('--db is missing: give a new file path');
  if (existsSync(file)) throw new Error(`--db ${file} already exists: give a new file path`);

  const counts = {
    instances: positiveInteger('instances', options.instances),
    history: positiveInteger('history', options.history),
    stages: positiveInteger('stages', options.stages),
  };
  const { db } = openDatabase(file);
  try {
    const result = db.transaction(() => writeData(db, counts))();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    db.close();
  }
}

main();
