import type { Instance } from '@/lib/orchestration/schemas';

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

/** An instance row, with the run variables that the API does not return. */
export type InstanceRecord = {
  id: string;
  workflowID: string;
  variables: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  terminated: boolean;
  terminatedAt?: string;
  error?: string;
};

export type InstanceFilter = { workflowID?: string; runningOnly: boolean };

type InstanceRow = {
  id: string;
  workflow_id: string;
  variables: string;
  created_at: string;
  updated_at: string;
  terminated: number;
  terminated_at: string | null;
  error: string | null;
};

const columns =
  'id, workflow_id, variables, created_at, updated_at, terminated, terminated_at, error';

function toRecord(row: InstanceRow): InstanceRecord {
  return {
    id: row.id,
    workflowID: row.workflow_id,
    variables: fromJson<Record<string, string>>(row.variables),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    terminated: row.terminated === 1,
    terminatedAt: optional(row.terminated_at),
    error: optional(row.error),
  };
}

/** Converts an instance record to the API model, which has no variables. */
export function toApiInstance(record: InstanceRecord): Instance {
  const { variables: _variables, ...instance } = record;

  return instance;
}

export class InstancesRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly listStatements;
  private readonly listRunningStatement;
  private readonly terminateStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, string, string]>(
      'INSERT INTO instances (id, workflow_id, variables, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.getStatement = db.prepare<[string], InstanceRow>(
      `SELECT ${columns} FROM instances WHERE id = ?`,
    );
    this.listStatements = new ListStatements<InstanceRow>(db);
    this.listRunningStatement = db.prepare<[], InstanceRow>(
      `SELECT ${columns} FROM instances WHERE terminated = 0 ORDER BY seq`,
    );
    this.terminateStatement = db.prepare<[string, string | null, string]>(
      'UPDATE instances SET terminated = 1, terminated_at = ?, error = ? WHERE id = ? AND terminated = 0',
    );
  }

  insert(instance: {
    id: string;
    workflowID: string;
    variables: Record<string, string>;
    createdAt: string;
  }): InstanceRecord {
    const { id, workflowID, variables, createdAt } = instance;
    this.insertStatement.run(id, workflowID, toJson(variables), createdAt, createdAt);

    return { id, workflowID, variables, createdAt, updatedAt: createdAt, terminated: false };
  }

  get(id: string): InstanceRecord | undefined {
    const row = this.getStatement.get(id);

    return row && toRecord(row);
  }

  /** Lists instances in creation order; without a window, all matching rows. */
  list(filter: InstanceFilter, window?: PageWindow): InstanceRecord[] {
    const direction = pageDirection(window);
    const byWorkflow = filter.workflowID !== undefined;
    const key = `${direction}:${byWorkflow}:${filter.runningOnly}`;
    // Each filter combination gets its own statement, so that SQLite uses the
    // index with the same columns: (workflow_id, terminated, seq), (workflow_id,
    // seq), (terminated, seq) or the seq primary key.
    const statement = this.listStatements.get(key, () => {
      const { condition, orderAndLimit } = pageClauses('instances', 'instances', direction);
      const filters = [
        byWorkflow ? 'AND workflow_id = @workflowID' : '',
        filter.runningOnly ? 'AND terminated = 0' : '',
      ].join(' ');

      return `SELECT ${columns} FROM instances WHERE 1 = 1 ${filters} ${condition} ${orderAndLimit}`;
    });
    const parameters: ListParameters = pageParameters(window);
    if (filter.workflowID !== undefined) parameters.workflowID = filter.workflowID;

    return inPageOrder(statement.all(parameters), window).map(toRecord);
  }

  /** Lists instances that are not terminated, for restart recovery. */
  listRunning(): InstanceRecord[] {
    return this.listRunningStatement.all().map(toRecord);
  }

  /** Terminates a running instance; returns false when it was already terminated. */
  terminate(id: string, date: string, error?: string): boolean {
    return this.terminateStatement.run(date, error ?? null, id).changes === 1;
  }
}
