import type { Trigger } from '@/lib/orchestration/schemas';

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

type TriggerRow = {
  id: string;
  name: string;
  event: string;
  version: string | null;
  workflow_id: string;
  filter: string | null;
  vars: string | null;
  created_at: string;
};

const columns = 'id, name, event, version, workflow_id, filter, vars, created_at';

function toTrigger(row: TriggerRow): Trigger {
  return {
    id: row.id,
    name: row.name,
    event: row.event,
    version: optional(row.version),
    workflowID: row.workflow_id,
    filter: optional(row.filter),
    vars: row.vars === null ? undefined : fromJson<Record<string, string>>(row.vars),
    createdAt: row.created_at,
  };
}

export type NewTrigger = {
  id: string;
  name: string;
  event: string;
  version?: string;
  workflowID: string;
  filter?: string;
  vars?: Record<string, string>;
  createdAt: string;
};

export class TriggersRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly listStatements;
  private readonly listByEventStatement;
  private readonly softDeleteStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<
      [string, string, string, string | null, string, string | null, string | null, string]
    >(
      'INSERT INTO triggers (id, name, event, version, workflow_id, filter, vars, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.getStatement = db.prepare<[string], TriggerRow>(
      `SELECT ${columns} FROM triggers WHERE id = ? AND deleted_at IS NULL`,
    );
    this.listStatements = new ListStatements<TriggerRow>(db);
    this.listByEventStatement = db.prepare<[string], TriggerRow>(
      `SELECT ${columns} FROM triggers WHERE event = ? AND deleted_at IS NULL ORDER BY seq`,
    );
    this.softDeleteStatement = db.prepare<[string, string]>(
      'UPDATE triggers SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
    );
  }

  insert(trigger: NewTrigger): Trigger {
    const { id, name, event, version, workflowID, filter, vars, createdAt } = trigger;
    const varsJson = vars === undefined ? null : toJson(vars);
    this.insertStatement.run(
      id,
      name,
      event,
      version ?? null,
      workflowID,
      filter ?? null,
      varsJson,
      createdAt,
    );

    return { id, name, event, version, workflowID, filter, vars, createdAt };
  }

  /** Returns the trigger unless it is unknown or deleted. */
  get(id: string): Trigger | undefined {
    const row = this.getStatement.get(id);

    return row && toTrigger(row);
  }

  list(filter: { name?: string }, window: PageWindow): Trigger[] {
    const direction = pageDirection(window);
    const byName = filter.name !== undefined;
    const statement = this.listStatements.get(`${direction}:${byName}`, () => {
      const { condition, orderAndLimit } = pageClauses('triggers', 'triggers', direction);
      // instr(lower(…)) is a case-insensitive substring match (ASCII letters only in SQLite).
      const nameCondition = byName ? 'AND instr(lower(name), lower(@name)) > 0' : '';

      return `SELECT ${columns} FROM triggers WHERE deleted_at IS NULL ${nameCondition} ${condition} ${orderAndLimit}`;
    });
    const parameters: ListParameters = pageParameters(window);
    if (filter.name !== undefined) parameters.name = filter.name;

    return inPageOrder(statement.all(parameters), window).map(toTrigger);
  }

  /** Lists the triggers (not deleted) listening to an event type. */
  listByEvent(event: string): Trigger[] {
    return this.listByEventStatement.all(event).map(toTrigger);
  }

  /** Soft-deletes the trigger; returns false when it was unknown or already deleted. */
  softDelete(id: string, date: string): boolean {
    return this.softDeleteStatement.run(date, id).changes === 1;
  }
}
