import type { SqliteDatabase } from './database';

/**
 * Which durable events each trigger has handled, keyed by the event's
 * idempotency key. Claims run in the transaction that records the occurrence.
 */
export class TriggerDeliveriesRepository {
  private readonly claimStatement;
  private readonly handledStatement;

  constructor(db: SqliteDatabase) {
    this.claimStatement = db.prepare<[string, string, string | null]>(
      `INSERT INTO trigger_deliveries (event_key, trigger_id, occurrence_id) VALUES (?, ?, ?)
       ON CONFLICT (event_key, trigger_id) DO NOTHING`,
    );
    this.handledStatement = db.prepare<[string, string], { found: number }>(
      'SELECT 1 AS found FROM trigger_deliveries WHERE event_key = ? AND trigger_id = ?',
    );
  }

  /** Records that the trigger handled the event; false when it already had. */
  claim(eventKey: string, triggerID: string, occurrenceID?: string): boolean {
    return this.claimStatement.run(eventKey, triggerID, occurrenceID ?? null).changes === 1;
  }

  handled(eventKey: string, triggerID: string): boolean {
    return this.handledStatement.get(eventKey, triggerID) !== undefined;
  }
}
