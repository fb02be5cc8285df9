import type { EventEnvelope, TriggerOccurrence } from '@/lib/orchestration/schemas';

import type { SqliteDatabase } from './database';
import { fromJson, optional, toJson, type PageWindow } from './json';
import {
  inPageOrder,
  ListStatements,
  pageClauses,
  pageDirection,
  pageParameters,
  type ListParameters,
} from './keyset';

type OccurrenceRow = {
  id: string;
  trigger_id: string;
  date: string;
  event: string;
  workflow_instance_id: string | null;
  error: string | null;
  instance_workflow_id: string | null;
  instance_created_at: string | null;
  instance_updated_at: string | null;
  instance_terminated: number | null;
  instance_terminated_at: string | null;
  instance_error: string | null;
};

function toOccurrence(row: OccurrenceRow): TriggerOccurrence {
  const instance =
    row.workflow_instance_id !== null && row.instance_workflow_id !== null
      ? {
          id: row.workflow_instance_id,
          workflowID: row.instance_workflow_id,
          createdAt: row.instance_created_at ?? '',
          updatedAt: row.instance_updated_at ?? '',
          terminated: row.instance_terminated === 1,
          terminatedAt: optional(row.instance_terminated_at),
          error: optional(row.instance_error),
        }
      : undefined;

  return {
    id: row.id,
    triggerID: row.trigger_id,
    date: row.date,
    event: fromJson<EventEnvelope>(row.event),
    workflowInstanceID: optional(row.workflow_instance_id),
    workflowInstance: instance,
    error: optional(row.error),
  };
}

export type NewOccurrence = {
  id: string;
  triggerID: string;
  date: string;
  event: EventEnvelope;
  workflowInstanceID?: string;
  error?: string;
  dedupKey?: string;
};

export class OccurrencesRepository {
  private readonly insertStatement;
  private readonly listStatements;
  private readonly dedupStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<
      [string, string, string, string, string | null, string | null, string | null]
    >(
      `INSERT INTO trigger_occurrences (id, trigger_id, date, event, workflow_instance_id, error, dedup_key)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.listStatements = new ListStatements<OccurrenceRow>(db);
    this.dedupStatement = db.prepare<[string, string], { found: number }>(
      'SELECT 1 AS found FROM trigger_occurrences WHERE trigger_id = ? AND dedup_key = ? LIMIT 1',
    );
  }

  insert(occurrence: NewOccurrence): void {
    const { id, triggerID, date, event, workflowInstanceID, error, dedupKey } = occurrence;
    this.insertStatement.run(
      id,
      triggerID,
      date,
      toJson(event),
      workflowInstanceID ?? null,
      error ?? null,
      dedupKey ?? null,
    );
  }

  /** Lists the occurrences of a trigger in insertion order; without a window, all of them. */
  list(triggerID: string, window?: PageWindow): TriggerOccurrence[] {
    const direction = pageDirection(window);
    const statement = this.listStatements.get(direction, () => {
      const page = pageClauses('trigger_occurrences', 'o', direction);

      return `SELECT o.id, o.trigger_id, o.date, o.event, o.workflow_instance_id, o.error,
              i.workflow_id AS instance_workflow_id, i.created_at AS instance_created_at,
              i.updated_at AS instance_updated_at, i.terminated AS instance_terminated,
              i.terminated_at AS instance_terminated_at, i.error AS instance_error
       FROM trigger_occurrences o LEFT JOIN instances i ON i.id = o.workflow_instance_id
       WHERE o.trigger_id = @triggerID ${page.condition} ${page.orderAndLimit}`;
    });
    const parameters: ListParameters = { ...pageParameters(window), triggerID };

    return inPageOrder(statement.all(parameters), window).map(toOccurrence);
  }

  /** Returns true when the trigger already fired for this de-duplication key. */
  hasFired(triggerID: string, dedupKey: string): boolean {
    return this.dedupStatement.get(triggerID, dedupKey) !== undefined;
  }
}
