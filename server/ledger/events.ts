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

/**
 * Receives a committed event. When it returns a promise, the event stays in
 * the outbox until the promise settles, so a process killed before the
 * listener has handled it delivers it again on the next start.
 */
export type EventListener = (envelope: LedgerEventEnvelope) => unknown;

export interface EventOutbox {
  /** Stores an event in the current SQLite transaction; a rollback discards it. */
  enqueue(app: string, type: string, payload: Record<string, unknown>): void;
  /**
   * Delivers stored events once no transaction is open. Called by the
   * writers after each commit; callers may also call it after committing
   * their own enclosing transaction.
   */
  flush(): void;
  /**
   * Starts delivering events when the outbox was created paused (events
   * left over by a killed process included); a no-op otherwise.
   */
  resume(): void;
}

export interface EventOutboxOptions {
  logger?: Logger;
  /** Holds delivery until `resume()`, so that recovery can run before old events fire. */
  paused?: boolean;
}

interface OutboxRow {
  seq: number;
  envelope: string;
}

/**
 * Creates the transactional outbox: events are inserted in the same SQLite
 * transaction as the change they describe, and delivered to `onEvent` only
 * after that transaction commits. A row is deleted only once the listener
 * has handled its event (its promise settled): events left over by a killed
 * process are delivered again on the next start (at-least-once delivery;
 * the listener de-duplicates by `idempotency_key`, which is stored with the row).
 */
export function createEventOutbox(
  db: Database.Database,
  onEvent: EventListener,
  clock: () => Date,
  options: EventOutboxOptions = {},
): EventOutbox {
  const { logger } = options;
  const insert = db.prepare('INSERT INTO ledger_outbox (envelope) VALUES (?)');
  const next = db.prepare(
    'SELECT seq, envelope FROM ledger_outbox WHERE seq > ? ORDER BY seq LIMIT 1',
  );
  const remove = db.prepare('DELETE FROM ledger_outbox WHERE seq = ?');
  let flushing = false;
  let scheduled = false;
  let paused = options.paused ?? false;
  // Rows up to this seq were handed to the listener by this process; they stay
  // in the table until handled, so the cursor keeps them from being handed twice.
  let delivered = 0;

  function removeRow(seq: number): void {
    if (db.open) {
      remove.run(seq);
    }
  }

  function deliverPending(): void {
    for (;;) {
      const row = next.get(delivered) as OutboxRow | undefined;
      if (!row) {
        return;
      }
      delivered = row.seq;
      const envelope = JSON.parse(row.envelope) as LedgerEventEnvelope;
      let handled: unknown;
      try {
        handled = onEvent(envelope);
      } catch (error) {
        logger?.error({ err: error, type: envelope.type }, 'ledger event listener failed');
      }
      if (handled instanceof Promise) {
        const seq = row.seq;
        void handled.then(
          () => removeRow(seq),
          (error: unknown) => {
            // Kept in the table: the next start delivers it again.
            logger?.error({ err: error, type: envelope.type }, 'ledger event listener failed');
          },
        );
      } else {
        removeRow(row.seq);
      }
    }
  }

  function flush(): void {
    if (!db.open || paused) {
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

  function resume(): void {
    paused = false;
    flush();
  }

  return { enqueue, flush, resume };
}
