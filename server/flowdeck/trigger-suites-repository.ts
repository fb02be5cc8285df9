import type { TriggerSuite, TriggerSuiteCase } from '@/lib/orchestration/event-samples';

import type { SqliteDatabase } from '../storage/database';

type SuiteRow = { trigger_id: string; cases: string; updated_at: string };

/** Reads and writes the `flowdeck_trigger_suites` table. */
export class TriggerSuitesRepository {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      list: db.prepare<[string], SuiteRow>(
        'SELECT trigger_id, cases, updated_at FROM flowdeck_trigger_suites WHERE connection_id = ? ORDER BY trigger_id',
      ),
      get: db.prepare<[string, string], SuiteRow>(
        'SELECT trigger_id, cases, updated_at FROM flowdeck_trigger_suites WHERE connection_id = ? AND trigger_id = ?',
      ),
      upsert: db.prepare<[string, string, string, string]>(
        `INSERT INTO flowdeck_trigger_suites (connection_id, trigger_id, cases, updated_at)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (connection_id, trigger_id)
         DO UPDATE SET cases = excluded.cases, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string, string]>(
        'DELETE FROM flowdeck_trigger_suites WHERE connection_id = ? AND trigger_id = ?',
      ),
      rename: db.prepare<[string, string, string, string]>(
        'UPDATE flowdeck_trigger_suites SET trigger_id = ?, updated_at = ? WHERE connection_id = ? AND trigger_id = ?',
      ),
    };
  }

  list(connectionID: string): TriggerSuite[] {
    return this.statements.list.all(connectionID).map((row) => toSuite(connectionID, row));
  }

  find(connectionID: string, triggerID: string): TriggerSuite | undefined {
    const row = this.statements.get.get(connectionID, triggerID);
    return row ? toSuite(connectionID, row) : undefined;
  }

  save(
    connectionID: string,
    triggerID: string,
    cases: TriggerSuiteCase[],
    now: string,
  ): TriggerSuite {
    this.statements.upsert.run(connectionID, triggerID, JSON.stringify(cases), now);
    return { connectionID, triggerID, cases, updatedAt: now };
  }

  /** Deletes a suite; returns false when there was none. */
  remove(connectionID: string, triggerID: string): boolean {
    return this.statements.remove.run(connectionID, triggerID).changes > 0;
  }

  /**
   * Moves a suite to another trigger id (an edited trigger is a new trigger).
   * Returns `missing` when the source has no suite and `occupied` when the
   * target already has one; nothing changes in either case.
   */
  move(
    connectionID: string,
    fromTriggerID: string,
    toTriggerID: string,
    now: string,
  ): TriggerSuite | 'missing' | 'occupied' {
    return this.db.transaction(() => {
      if (!this.find(connectionID, fromTriggerID)) return 'missing' as const;
      if (this.find(connectionID, toTriggerID)) return 'occupied' as const;

      this.statements.rename.run(toTriggerID, now, connectionID, fromTriggerID);
      return this.find(connectionID, toTriggerID) ?? ('missing' as const);
    })();
  }
}

function toSuite(connectionID: string, row: SuiteRow): TriggerSuite {
  return {
    connectionID,
    triggerID: row.trigger_id,
    cases: JSON.parse(row.cases) as TriggerSuiteCase[],
    updatedAt: row.updated_at,
  };
}
