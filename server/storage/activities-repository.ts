import type { StageHistory } from '@/lib/orchestration/schemas';

import type { SqliteDatabase } from './database';
import { fromJson, optional, toJson } from './json';

/** One activity call of a send/update stage, identified by its position in the stage. */
export type ActivityRecord = {
  instanceID: string;
  stage: number;
  position: number;
  name: string;
  input: unknown;
  /** Stored result; `hasOutput` distinguishes a stored `undefined` from no result yet. */
  output: unknown;
  hasOutput: boolean;
  error?: string;
  terminated: boolean;
  startedAt: string;
  terminatedAt?: string;
  attempt: number;
  lastFailure?: string;
  nextExecution?: string;
};

type ActivityRow = {
  instance_id: string;
  stage: number;
  position: number;
  name: string;
  input: string;
  output: string | null;
  error: string | null;
  terminated: number;
  started_at: string;
  terminated_at: string | null;
  attempt: number;
  last_failure: string | null;
  next_execution: string | null;
};

const columns =
  'instance_id, stage, position, name, input, output, error, terminated, started_at, terminated_at, attempt, last_failure, next_execution';

function toRecord(row: ActivityRow): ActivityRecord {
  return {
    instanceID: row.instance_id,
    stage: row.stage,
    position: row.position,
    name: row.name,
    input: fromJson(row.input),
    output: row.output === null ? undefined : fromJson(row.output),
    hasOutput: row.output !== null,
    error: optional(row.error),
    terminated: row.terminated === 1,
    startedAt: row.started_at,
    terminatedAt: optional(row.terminated_at),
    attempt: row.attempt,
    lastFailure: optional(row.last_failure),
    nextExecution: optional(row.next_execution),
  };
}

/** Converts an activity record to a stage history entry, with input and output keyed by activity name. */
export function toStageHistory(record: ActivityRecord): StageHistory {
  return {
    name: record.name,
    input: { [record.name]: record.input },
    output: record.hasOutput ? { [record.name]: record.output } : undefined,
    error: record.error,
    terminated: record.terminated,
    startedAt: record.startedAt,
    terminatedAt: record.terminatedAt,
    lastFailure: record.lastFailure,
    attempt: record.attempt,
    nextExecution: record.nextExecution,
  };
}

type Key = { instanceID: string; stage: number; position: number };

export class ActivitiesRepository {
  private readonly insertStatement;
  private readonly getStatement;
  private readonly listStatement;
  private readonly completeStatement;
  private readonly failStatement;
  private readonly retryStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, number, number, string, string, string]>(
      'INSERT INTO activities (instance_id, stage, position, name, input, started_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.getStatement = db.prepare<[string, number, number], ActivityRow>(
      `SELECT ${columns} FROM activities WHERE instance_id = ? AND stage = ? AND position = ?`,
    );
    this.listStatement = db.prepare<[string, number], ActivityRow>(
      `SELECT ${columns} FROM activities WHERE instance_id = ? AND stage = ? ORDER BY position`,
    );
    this.completeStatement = db.prepare<[string | null, string, string, number, number]>(
      `UPDATE activities SET output = ?, terminated = 1, terminated_at = ?, next_execution = NULL
       WHERE instance_id = ? AND stage = ? AND position = ?`,
    );
    this.failStatement = db.prepare<[string, string, string, number, number]>(
      `UPDATE activities SET error = ?, terminated = 1, terminated_at = ?, next_execution = NULL
       WHERE instance_id = ? AND stage = ? AND position = ?`,
    );
    this.retryStatement = db.prepare<[number, string, string, string, number, number]>(
      `UPDATE activities SET attempt = ?, last_failure = ?, next_execution = ?
       WHERE instance_id = ? AND stage = ? AND position = ?`,
    );
  }

  insert(key: Key & { name: string; input: unknown; startedAt: string }): ActivityRecord {
    const inputJson = toJson(key.input);
    this.insertStatement.run(
      key.instanceID,
      key.stage,
      key.position,
      key.name,
      inputJson,
      key.startedAt,
    );

    return {
      ...key,
      input: fromJson(inputJson),
      output: undefined,
      hasOutput: false,
      terminated: false,
      attempt: 1,
    };
  }

  get(key: Key): ActivityRecord | undefined {
    const row = this.getStatement.get(key.instanceID, key.stage, key.position);

    return row && toRecord(row);
  }

  list(instanceID: string, stage: number): ActivityRecord[] {
    return this.listStatement.all(instanceID, stage).map(toRecord);
  }

  /** Stores the result and marks the activity done; `undefined` results store no output. */
  complete(key: Key, output: unknown, date: string): void {
    const outputJson = output === undefined ? null : toJson(output);
    this.completeStatement.run(outputJson, date, key.instanceID, key.stage, key.position);
  }

  fail(key: Key, error: string, date: string): void {
    this.failStatement.run(error, date, key.instanceID, key.stage, key.position);
  }

  scheduleRetry(
    key: Key,
    retry: { attempt: number; lastFailure: string; nextExecution: string },
  ): void {
    const { attempt, lastFailure, nextExecution } = retry;
    this.retryStatement.run(
      attempt,
      lastFailure,
      nextExecution,
      key.instanceID,
      key.stage,
      key.position,
    );
  }
}
