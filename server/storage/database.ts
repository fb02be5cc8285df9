import Database from 'better-sqlite3';

import { coreMigrations } from './migrations';

export type SqliteDatabase = Database.Database;

export type OpenedDatabase = {
  db: SqliteDatabase;
  /** True when this call created the schema (a new or empty database file). */
  created: boolean;
};

/**
 * Opens (or creates) the SQLite database file with WAL journaling and foreign
 * keys on, and applies pending core migrations.
 */
export function openDatabase(file: string): OpenedDatabase {
  const db = new Database(file);

  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const applied = migrate(db, coreMigrations);

    return { db, created: applied.from === 0 };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies `migrations[user_version..]`, each in its own transaction; returns the versions. */
export function migrate(
  db: SqliteDatabase,
  migrations: readonly string[],
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) {
    throw new Error(
      `database schema version ${from} is newer than this server supports (${migrations.length}); use a newer Flowdeck or another FLOWDECK_DB file`,
    );
  }

  for (let version = from; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version] ?? '');
      // PRAGMA takes no bound parameters; `version` is a loop counter, not input.
      db.pragma(`user_version = ${version + 1}`);
    })();
  }

  return { from, to: migrations.length };
}

/**
 * Applies the migrations of a module with its own tables (for example the
 * embedded ledger), versioned separately from the core schema in the
 * `module_migrations` table.
 */
export function migrateModule(
  db: SqliteDatabase,
  module: string,
  migrations: readonly string[],
): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS module_migrations (module TEXT PRIMARY KEY, version INTEGER NOT NULL)',
  );
  const row = db
    .prepare<[string], { version: number }>(
      'SELECT version FROM module_migrations WHERE module = ?',
    )
    .get(module);
  const from = row?.version ?? 0;
  const save = db.prepare<[string, number]>(
    'INSERT INTO module_migrations (module, version) VALUES (?, ?) ON CONFLICT (module) DO UPDATE SET version = excluded.version',
  );

  for (let version = from; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version] ?? '');
      save.run(module, version + 1);
    })();
  }
}
