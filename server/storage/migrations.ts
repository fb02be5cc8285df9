import { triggerSuitesMigration } from './migration-trigger-suites';

/**
 * Core schema migrations, applied in order; `PRAGMA user_version` stores how
 * many ran. Append new migrations, never edit a released one.
 *
 * Every table has a `seq` rowid (or a composite key) so that lists keep
 * insertion order, which is the order the real server returns in practice.
 */
export const coreMigrations: readonly string[] = [
  `
  CREATE TABLE workflows (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    config TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  );

  CREATE TABLE instances (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    workflow_id TEXT NOT NULL REFERENCES workflows (id),
    variables TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    terminated INTEGER NOT NULL DEFAULT 0 CHECK (terminated IN (0, 1)),
    terminated_at TEXT,
    error TEXT
  );
  CREATE INDEX instances_by_workflow ON instances (workflow_id, seq);
  CREATE INDEX instances_by_terminated ON instances (terminated, seq);

  -- One row per started stage: its status and its instance history entry.
  CREATE TABLE stages (
    instance_id TEXT NOT NULL REFERENCES instances (id),
    stage INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    input TEXT NOT NULL,
    started_at TEXT NOT NULL,
    terminated_at TEXT,
    error TEXT,
    -- Wake-up time of a delay stage, so that a restart resumes the same wait.
    deadline TEXT,
    PRIMARY KEY (instance_id, stage)
  );

  -- Activities of send/update stages, in call order (position) within the stage.
  CREATE TABLE activities (
    instance_id TEXT NOT NULL,
    stage INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    input TEXT NOT NULL,
    output TEXT,
    error TEXT,
    terminated INTEGER NOT NULL DEFAULT 0 CHECK (terminated IN (0, 1)),
    started_at TEXT NOT NULL,
    terminated_at TEXT,
    attempt INTEGER NOT NULL DEFAULT 1,
    last_failure TEXT,
    next_execution TEXT,
    PRIMARY KEY (instance_id, stage, position),
    FOREIGN KEY (instance_id, stage) REFERENCES stages (instance_id, stage)
  );

  CREATE TABLE triggers (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    event TEXT NOT NULL,
    version TEXT,
    workflow_id TEXT NOT NULL REFERENCES workflows (id),
    filter TEXT,
    vars TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT
  );
  CREATE INDEX triggers_by_event ON triggers (event) WHERE deleted_at IS NULL;

  CREATE TABLE trigger_occurrences (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    trigger_id TEXT NOT NULL REFERENCES triggers (id),
    date TEXT NOT NULL,
    event TEXT NOT NULL,
    workflow_instance_id TEXT REFERENCES instances (id),
    error TEXT,
    -- payload.id of SAVED_PAYMENT / SAVED_ACCOUNT events, for de-duplication.
    dedup_key TEXT
  );
  CREATE INDEX trigger_occurrences_by_trigger ON trigger_occurrences (trigger_id, seq);
  CREATE INDEX trigger_occurrences_by_dedup_key ON trigger_occurrences (trigger_id, dedup_key)
    WHERE dedup_key IS NOT NULL;
  `,
  `
  -- Durable events (from the ledger outbox) handled per trigger: the row is written in the
  -- transaction that creates the occurrence and its instance, so a re-delivered event is skipped.
  CREATE TABLE trigger_deliveries (
    event_key TEXT NOT NULL,
    trigger_id TEXT NOT NULL REFERENCES triggers (id),
    occurrence_id TEXT,
    PRIMARY KEY (event_key, trigger_id)
  );
  `,
  triggerSuitesMigration,
  `
  -- Instance lists filtered by workflow and running state at once, read by keyset (seq).
  CREATE INDEX instances_by_workflow_terminated ON instances (workflow_id, terminated, seq);
  `,
];
