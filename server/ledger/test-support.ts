/** Helpers for the ledger tests: a temporary database and a minimal activity runner. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import { stageConfigSchemas } from '@/lib/orchestration/stage-config';

import { LedgerError } from './errors';
import type { LedgerEventEnvelope } from './events';
import {
  createLedgerServices,
  type ActivityRunner,
  type LedgerServices,
  type StageContext,
} from './services';

export interface TestDatabase {
  file: string;
  db: Database.Database;
  services: LedgerServices;
  events: LedgerEventEnvelope[];
  /** Closes the database and opens the same file again, like a restarted server. */
  reopen(): void;
  close(): void;
}

export function openTestDatabase(clock?: () => Date): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'flowdeck-ledger-'));
  const file = join(dir, 'flowdeck.db');
  const events: LedgerEventEnvelope[] = [];
  const open = () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    return { db, services: createLedgerServices(db, { onEvent: (e) => events.push(e), clock }) };
  };
  const state: TestDatabase = {
    file,
    events,
    ...open(),
    reopen() {
      state.db.close();
      Object.assign(state, open());
    },
    close() {
      if (state.db.open) {
        state.db.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return state;
}

/** Waits until callbacks scheduled with `setImmediate` (deferred event delivery) have run. */
export function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface RecordedActivity {
  name: string;
  input: Record<string, unknown>;
  output?: unknown;
  error?: string;
  code?: string;
  retryable?: boolean;
}

/**
 * Creates an activity runner like the engine's: `execute` runs in a SQLite
 * transaction that also stores the output, and the output goes through JSON
 * as if it were read back from storage. `failAfterExecute` simulates a crash
 * between `execute` and the commit of the output.
 */
export function createTestRunner(db: Database.Database) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS test_activity_outputs (seq INTEGER PRIMARY KEY, name TEXT, output TEXT)',
  );
  const store = db.prepare('INSERT INTO test_activity_outputs (name, output) VALUES (?, ?)');
  const history: RecordedActivity[] = [];
  const control = { failAfterExecute: false };

  const runner: ActivityRunner = {
    async run<T>(name: string, input: Record<string, unknown>, execute: () => T): Promise<T> {
      const entry: RecordedActivity = { name, input: JSON.parse(JSON.stringify(input)) };
      history.push(entry);
      try {
        const json = db.transaction(() => {
          const serialized = JSON.stringify(execute() ?? null);
          if (control.failAfterExecute) {
            throw Object.assign(new Error('simulated crash before the output was stored'), {
              retryable: true,
            });
          }
          store.run(name, serialized);
          return serialized;
        })();
        const output = (JSON.parse(json) as T | null) ?? undefined;
        entry.output = output;
        return output as T;
      } catch (error) {
        const failure = error as Error & { code?: string; retryable?: boolean };
        entry.error = failure.message;
        entry.code = failure.code;
        entry.retryable = failure.retryable;
        throw error;
      }
    },
  };
  return { runner, history, control };
}

/** Resolves a raw `send` stage config the way the engine does before running it. */
export function sendInput(config: Record<string, unknown>) {
  return stageConfigSchemas.send.parse(config);
}

export function updateInput(config: Record<string, unknown>) {
  return stageConfigSchemas.update.parse(config);
}

/** Opens a test database with a test runner, wired as a stage context. */
export function openStageHarness() {
  const t = openTestDatabase();
  const { runner, history, control } = createTestRunner(t.db);
  const ctx: StageContext = { activities: runner, services: t.services };
  const names = () => history.map((entry) => entry.name);
  return { t, ctx, history, control, names };
}

/** Runs `action` and returns the LedgerError it threw, failing when it throws none. */
export function errorOf(action: () => unknown): LedgerError {
  try {
    action();
  } catch (error) {
    if (error instanceof LedgerError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a LedgerError');
}

/** Runs `action` and returns what it rejected with, failing when it resolves. */
export async function rejectionOf(action: Promise<unknown>): Promise<LedgerError> {
  try {
    await action;
  } catch (error) {
    if (error instanceof LedgerError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the stage to fail');
}
