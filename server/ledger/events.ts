import { randomUUID } from 'node:crypto';

import type Database from 'better-sqlite3';
import type { Logger } from 'pino';

/** Event as published on the Formance event bus. */
export interface LedgerEventEnvelope {
  idempotency_key: string;
  date: string;
  app: string;
  version: string;
  type: string;
  payload: Record<string, unknown>;
}

export type EventListener = (envelope: LedgerEventEnvelope) => void;

export interface EventOutbox {
  /** Stores an event in the current SQLite transaction; a rollback discards it. */
  enqueue(app: string, type: string, payload: Record<string, unknown>): void;
  /**
   * Delivers stored events once no transaction is open. Called by the
   * writers after each commit; callers may also call it after committing
   * their own enclosing transaction.
   */
  flush(): void;
}

interface OutboxRow {
  seq: number;
  envelope: string;
}

/**
 * Creates the transactional outbox: events are inserted in the same SQLite
 * transaction as the change they describe, and delivered to `onEvent` only
 * after that transaction commits. Events left over by a killed process are
 * delivered on the next start (at-least-once delivery).
 */
export function createEventOutbox(
  db: Database.Database,
  onEvent: EventListener,
  clock: () => Date,
  logger?: Logger,
): EventOutbox {
  const insert = db.prepare('INSERT INTO ledger_outbox (envelope) VALUES (?)');
  const next = db.prepare('SELECT seq, envelope FROM ledger_outbox ORDER BY seq LIMIT 1');
  const remove = db.prepare('DELETE FROM ledger_outbox WHERE seq = ?');
  let flushing = false;
  let scheduled = false;

  function deliverPending(): void {
    for (;;) {
      const row = next.get() as OutboxRow | undefined;
      if (!row) {
        return;
      }
      const envelope = JSON.parse(row.envelope) as LedgerEventEnvelope;
      try {
        onEvent(envelope);
      } catch (error) {
        logger?.error({ err: error, type: envelope.type }, 'ledger event listener failed');
      }
      remove.run(row.seq);
    }
  }

  function flush(): void {
    if (!db.open) {
      return;
    }
    // An enclosing transaction (such as the activity runner's) has not
    // committed yet: retry once the current synchronous work is done.
    if (db.inTransaction) {
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          flush();
        });
      }
      return;
    }
    // A listener that writes to the ledger re-enters here; the running loop
    // picks up the new rows.
    if (flushing) {
      return;
    }
    flushing = true;
    try {
      deliverPending();
    } finally {
      flushing = false;
    }
  }

  function enqueue(app: string, type: string, payload: Record<string, unknown>): void {
    const envelope: LedgerEventEnvelope = {
      idempotency_key: randomUUID(),
      date: clock().toISOString(),
      app,
      version: 'v2',
      type,
      payload,
    };
    insert.run(JSON.stringify(envelope));
  }

  return { enqueue, flush };
}
