import type { InstanceHistory, StageKind, StageStatus } from '@/lib/orchestration/schemas';

import type { SqliteDatabase } from './database';
import { fromJson, optional, toJson } from './json';

/** A started stage: its status row and its instance history entry in one record. */
export type StageRecord = {
  instanceID: string;
  stage: number;
  kind: StageKind;
  /** History name, e.g. `RunDelay`. */
  name: string;
  /** Resolved input with defaults, or the interpolated config when it was invalid. */
  input: Record<string, unknown>;
  startedAt: string;
  terminatedAt?: string;
  error?: string;
  /** Wake-up time of a delay stage. */
  deadline?: string;
};

type StageRow = {
  instance_id: string;
  stage: number;
  kind: StageKind;
  name: string;
  input: string;
  started_at: string;
  terminated_at: string | null;
  error: string | null;
  deadline: string | null;
};

const columns = 'instance_id, stage, kind, name, input, started_at, terminated_at, error, deadline';

function toRecord(row: StageRow): StageRecord {
  return {
    instanceID: row.instance_id,
    stage: row.stage,
    kind: row.kind,
    name: row.name,
    input: fromJson<Record<string, unknown>>(row.input),
    startedAt: row.started_at,
    terminatedAt: optional(row.terminated_at),
    error: optional(row.error),
    deadline: optional(row.deadline),
  };
}

export function toStageStatus(record: StageRecord): StageStatus {
  const { stage, instanceID, startedAt, terminatedAt, error } = record;

  return { stage, instanceID, startedAt, terminatedAt, error };
}

export function toInstanceHistory(record: StageRecord): InstanceHistory {
  const { name, input, startedAt, terminatedAt, error } = record;

  return { name, input, terminated: terminatedAt !== undefined, startedAt, terminatedAt, error };
}

export class StagesRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly lastStatement;
  private readonly listStatement;
  private readonly terminateStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<
      [string, number, string, string, string, string, string | null]
    >(
      'INSERT INTO stages (instance_id, stage, kind, name, input, started_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.getStatement = db.prepare<[string, number], StageRow>(
      `SELECT ${columns} FROM stages WHERE instance_id = ? AND stage = ?`,
    );
    this.lastStatement = db.prepare<[string], StageRow>(
      `SELECT ${columns} FROM stages WHERE instance_id = ? ORDER BY stage DESC LIMIT 1`,
    );
    this.listStatement = db.prepare<[string], StageRow>(
      `SELECT ${columns} FROM stages WHERE instance_id = ? ORDER BY stage`,
    );
    this.terminateStatement = db.prepare<[string, string | null, string, number]>(
      'UPDATE stages SET terminated_at = ?, error = ? WHERE instance_id = ? AND stage = ? AND terminated_at IS NULL',
    );
  }

  insert(record: Omit<StageRecord, 'terminatedAt' | 'error'>): StageRecord {
    const { instanceID, stage, kind, name, input, startedAt, deadline } = record;
    this.insertStatement.run(
      instanceID,
      stage,
      kind,
      name,
      toJson(input),
      startedAt,
      deadline ?? null,
    );

    return { ...record };
  }

  get(instanceID: string, stage: number): StageRecord | undefined {
    const row = this.getStatement.get(instanceID, stage);

    return row && toRecord(row);
  }

  /** Returns the highest-numbered started stage of the instance. */
  last(instanceID: string): StageRecord | undefined {
    const row = this.lastStatement.get(instanceID);

    return row && toRecord(row);
  }

  list(instanceID: string): StageRecord[] {
    return this.listStatement.all(instanceID).map(toRecord);
  }

  /** Terminates a running stage; returns false when it was already terminated. */
  terminate(instanceID: string, stage: number, date: string, error?: string): boolean {
    return this.terminateStatement.run(date, error ?? null, instanceID, stage).changes === 1;
  }
}
