import type Database from 'better-sqlite3';

/**
 * Schema of the embedded ledger. Every table is prefixed `ledger_` and the
 * module keeps its own version table, so it shares the server's database file
 * without touching the server's migrations. Amounts are stored as decimal
 * integer strings and computed with BigInt.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS ledger_ledgers (
    name TEXT PRIMARY KEY,
    next_txid INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ledger_accounts (
    ledger TEXT NOT NULL,
    address TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    first_usage TEXT NOT NULL,
    PRIMARY KEY (ledger, address)
  );
  CREATE TABLE IF NOT EXISTS ledger_volumes (
    ledger TEXT NOT NULL,
    address TEXT NOT NULL,
    asset TEXT NOT NULL,
    input TEXT NOT NULL,
    output TEXT NOT NULL,
    PRIMARY KEY (ledger, address, asset)
  );
  CREATE TABLE IF NOT EXISTS ledger_transactions (
    ledger TEXT NOT NULL,
    id INTEGER NOT NULL,
    reference TEXT,
    timestamp TEXT NOT NULL,
    inserted_at TEXT NOT NULL,
    metadata TEXT NOT NULL,
    postings TEXT NOT NULL,
    PRIMARY KEY (ledger, id)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS ledger_transactions_reference
    ON ledger_transactions (ledger, reference) WHERE reference IS NOT NULL;
  CREATE TABLE IF NOT EXISTS ledger_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    envelope TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ledger_wallets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    ledger TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ledger_wallets_name ON ledger_wallets (name);
  CREATE TABLE IF NOT EXISTS ledger_wallet_balances (
    wallet_id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (wallet_id, name)
  );
  CREATE TABLE IF NOT EXISTS ledger_holds (
    id TEXT PRIMARY KEY,
    wallet_id TEXT NOT NULL,
    asset TEXT NOT NULL,
    amount TEXT NOT NULL,
    destination TEXT NOT NULL,
    description TEXT NOT NULL,
    metadata TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ledger_payments (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ledger_transfer_initiations (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
];

/** Applies the pending migrations, each in its own transaction. */
export function migrateLedgerSchema(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS ledger_schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM ledger_schema_version').get() as {
    version: number | null;
  };
  const current = row.version ?? 0;

  migrations.forEach((sql, index) => {
    const version = index + 1;
    if (version <= current) {
      return;
    }
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO ledger_schema_version (version) VALUES (?)').run(version);
    })();
  });
}
