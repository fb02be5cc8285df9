import type Database from 'better-sqlite3';
import type { Logger } from 'pino';

import { LedgerError, notFoundError, referenceConflictError, validationError } from './errors';
import { createEventOutbox, type EventListener, type EventOutbox } from './events';
import { migrateLedgerSchema } from './migrations';
import {
  assertAccountAddress,
  assertAsset,
  assertLedgerName,
  parseAmount,
  toJsonNumber,
  worldAccount,
  type Metadata,
} from './values';
import { createVolumeStore, type Volume } from './volumes';

export type { Volume } from './volumes';

export interface Posting {
  source: string;
  destination: string;
  amount: number;
  asset: string;
}

/** A committed transaction, as the Formance ledger v2 API returns it. */
export interface Transaction {
  id: number;
  postings: Posting[];
  metadata: Metadata;
  timestamp: string;
  reference?: string;
  reverted: boolean;
  insertedAt: string;
}

export interface NewTransaction {
  postings: Array<{ source: string; destination: string; amount: unknown; asset: string }>;
  metadata?: Metadata;
  reference?: string;
  /** RFC 3339 date; defaults to the clock's current time. */
  timestamp?: string;
  /** Source accounts allowed an unbounded overdraft in this transaction only. */
  overdraftAccounts?: string[];
}

export interface Account {
  address: string;
  metadata: Metadata;
  volumes: Record<string, Volume>;
  /** Balance per asset (input − output). */
  balances: Record<string, number>;
}

export interface LedgerSummary {
  name: string;
  createdAt: string;
}

export interface Ledger {
  readonly db: Database.Database;
  readonly clock: () => Date;
  readonly outbox: EventOutbox;
  /** Runs `work` in a SQLite transaction (a savepoint when nested), then delivers its events. */
  write<T>(work: () => T): T;
  createTransaction(ledger: string, request: NewTransaction): Transaction;
  addAccountMetadata(ledger: string, address: string, metadata: Metadata): void;
  /** The account, or `undefined` when the ledger has never used it. */
  findAccount(ledger: string, address: string): Account | undefined;
  listAccounts(ledger: string, options?: { addressPrefix?: string }): Account[];
  balanceOf(ledger: string, address: string, asset: string): bigint;
  listLedgers(): LedgerSummary[];
  hasLedger(name: string): boolean;
  /** Transactions, newest first. */
  listTransactions(ledger: string, page?: { limit?: number; offset?: number }): Transaction[];
  /** Delivers committed events that are still in the outbox. */
  flushEvents(): void;
}

export interface LedgerOptions {
  onEvent: EventListener;
  clock?: () => Date;
  logger?: Logger;
  /**
   * Holds event delivery until `outbox.resume()`, for a caller that must
   * finish its own recovery before events left by a killed process fire.
   */
  deferEvents?: boolean;
}

interface TransactionRow {
  id: number;
  reference: string | null;
  timestamp: string;
  inserted_at: string;
  metadata: string;
  postings: string;
}

interface AccountRow {
  address: string;
  metadata: string;
}

function toTransaction(row: TransactionRow): Transaction {
  const transaction: Transaction = {
    id: row.id,
    postings: JSON.parse(row.postings) as Posting[],
    metadata: JSON.parse(row.metadata) as Metadata,
    timestamp: row.timestamp,
    reverted: false,
    insertedAt: row.inserted_at,
  };
  if (row.reference !== null) {
    transaction.reference = row.reference;
  }
  return transaction;
}

function normalizeTimestamp(value: string | undefined, clock: () => Date): string {
  if (value === undefined || value === '') {
    return clock().toISOString();
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw validationError(`invalid timestamp '${value}': expected an RFC 3339 date`);
  }
  return new Date(time).toISOString();
}

/**
 * Creates the embedded ledger on `db` (running its migrations). Each committed
 * transaction publishes `COMMITTED_TRANSACTIONS` and each metadata change
 * `SAVED_METADATA` through `onEvent`, after the SQLite commit.
 */
export function createLedger(db: Database.Database, options: LedgerOptions): Ledger {
  migrateLedgerSchema(db);
  const clock = options.clock ?? (() => new Date());
  const outbox = createEventOutbox(db, options.onEvent, clock, {
    logger: options.logger,
    paused: options.deferEvents,
  });
  const volumes = createVolumeStore(db);

  const statements = {
    ensureLedger: db.prepare(
      'INSERT OR IGNORE INTO ledger_ledgers (name, next_txid, created_at) VALUES (?, 0, ?)',
    ),
    nextTxid: db.prepare('SELECT next_txid FROM ledger_ledgers WHERE name = ?'),
    bumpTxid: db.prepare('UPDATE ledger_ledgers SET next_txid = next_txid + 1 WHERE name = ?'),
    ensureAccount: db.prepare(
      'INSERT OR IGNORE INTO ledger_accounts (ledger, address, metadata, first_usage) VALUES (?, ?, ?, ?)',
    ),
    accountMetadata: db.prepare(
      'SELECT address, metadata FROM ledger_accounts WHERE ledger = ? AND address = ?',
    ),
    setAccountMetadata: db.prepare(
      'UPDATE ledger_accounts SET metadata = ? WHERE ledger = ? AND address = ?',
    ),
    listAccounts: db.prepare(
      `SELECT address, metadata FROM ledger_accounts
       WHERE ledger = ? AND substr(address, 1, length(?)) = ? ORDER BY address`,
    ),
    referenceUsed: db.prepare(
      'SELECT id FROM ledger_transactions WHERE ledger = ? AND reference = ?',
    ),
    insertTransaction: db.prepare(
      `INSERT INTO ledger_transactions (ledger, id, reference, timestamp, inserted_at, metadata, postings)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    listTransactions: db.prepare(
      `SELECT id, reference, timestamp, inserted_at, metadata, postings FROM ledger_transactions
       WHERE ledger = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
    ),
    listLedgers: db.prepare('SELECT name, created_at FROM ledger_ledgers ORDER BY name'),
    hasLedger: db.prepare('SELECT 1 FROM ledger_ledgers WHERE name = ?'),
  };

  function write<T>(work: () => T): T {
    const result = db.transaction(work)();
    outbox.flush();
    return result;
  }

  function ensureAccount(ledger: string, address: string): void {
    statements.ensureAccount.run(ledger, address, '{}', clock().toISOString());
  }

  function commitTransaction(ledger: string, request: NewTransaction): Transaction {
    const now = clock().toISOString();
    statements.ensureLedger.run(ledger, now);
    const reference = request.reference === '' ? undefined : request.reference;
    if (reference !== undefined && statements.referenceUsed.get(ledger, reference)) {
      throw referenceConflictError(reference, ledger);
    }

    const overdraft = new Set(request.overdraftAccounts ?? []);
    const pending = volumes.begin(ledger);
    const postings: Posting[] = [];
    for (const posting of request.postings) {
      const amount = parseAmount(posting.amount, 'posting amount');
      const source = pending.get(posting.source, posting.asset);
      const available = source.input - source.output;
      if (posting.source !== worldAccount && !overdraft.has(posting.source) && available < amount) {
        throw new LedgerError(
          'INSUFFICIENT_FUND',
          `insufficient funds on account '${posting.source}' in ledger '${ledger}': ` +
            `balance ${available} ${posting.asset}, posting requires ${amount}`,
        );
      }
      source.output += amount;
      pending.get(posting.destination, posting.asset).input += amount;
      postings.push({ ...posting, amount: toJsonNumber(amount) });
    }
    for (const address of pending.addresses()) {
      ensureAccount(ledger, address);
    }
    pending.save();

    const row = statements.nextTxid.get(ledger) as { next_txid: number };
    statements.bumpTxid.run(ledger);
    const transaction: Transaction = {
      id: row.next_txid,
      postings,
      metadata: { ...(request.metadata ?? {}) },
      timestamp: normalizeTimestamp(request.timestamp, clock),
      reverted: false,
      insertedAt: now,
    };
    if (reference !== undefined) {
      transaction.reference = reference;
    }
    statements.insertTransaction.run(
      ledger,
      transaction.id,
      reference ?? null,
      transaction.timestamp,
      now,
      JSON.stringify(transaction.metadata),
      JSON.stringify(postings),
    );
    outbox.enqueue('ledger', 'COMMITTED_TRANSACTIONS', {
      ledger,
      transactions: [transaction],
      accountMetadata: {},
    });
    return transaction;
  }

  function createTransaction(ledger: string, request: NewTransaction): Transaction {
    assertLedgerName(ledger);
    if (request.postings.length === 0) {
      throw validationError('a transaction needs at least one posting');
    }
    for (const posting of request.postings) {
      assertAccountAddress(posting.source);
      assertAccountAddress(posting.destination);
      assertAsset(posting.asset);
      parseAmount(posting.amount, 'posting amount');
    }
    return write(() => commitTransaction(ledger, request));
  }

  function addAccountMetadata(ledger: string, address: string, metadata: Metadata): void {
    assertLedgerName(ledger);
    assertAccountAddress(address);
    write(() => {
      statements.ensureLedger.run(ledger, clock().toISOString());
      ensureAccount(ledger, address);
      const row = statements.accountMetadata.get(ledger, address) as AccountRow;
      const merged = { ...(JSON.parse(row.metadata) as Metadata), ...metadata };
      statements.setAccountMetadata.run(JSON.stringify(merged), ledger, address);
      outbox.enqueue('ledger', 'SAVED_METADATA', {
        ledger,
        targetType: 'ACCOUNT',
        targetId: address,
        metadata,
      });
    });
  }

  function toAccount(ledger: string, row: AccountRow): Account {
    const accountVolumes = volumes.ofAccount(ledger, row.address);
    const balances: Record<string, number> = {};
    for (const [asset, volume] of Object.entries(accountVolumes)) {
      balances[asset] = volume.balance;
    }
    return {
      address: row.address,
      metadata: JSON.parse(row.metadata) as Metadata,
      volumes: accountVolumes,
      balances,
    };
  }

  function findAccount(ledger: string, address: string): Account | undefined {
    const row = statements.accountMetadata.get(ledger, address) as AccountRow | undefined;
    return row ? toAccount(ledger, row) : undefined;
  }

  function listAccounts(ledger: string, options: { addressPrefix?: string } = {}): Account[] {
    if (!hasLedger(ledger)) {
      throw notFoundError(`ledger '${ledger}' not found`);
    }
    const prefix = options.addressPrefix ?? '';
    const rows = statements.listAccounts.all(ledger, prefix, prefix) as AccountRow[];
    return rows.map((row) => toAccount(ledger, row));
  }

  function hasLedger(name: string): boolean {
    return statements.hasLedger.get(name) !== undefined;
  }

  function listTransactions(
    ledger: string,
    page: { limit?: number; offset?: number } = {},
  ): Transaction[] {
    if (!hasLedger(ledger)) {
      throw notFoundError(`ledger '${ledger}' not found`);
    }
    const rows = statements.listTransactions.all(
      ledger,
      page.limit ?? 100,
      page.offset ?? 0,
    ) as TransactionRow[];
    return rows.map(toTransaction);
  }

  function listLedgers(): LedgerSummary[] {
    const rows = statements.listLedgers.all() as Array<{ name: string; created_at: string }>;
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at }));
  }

  // Events committed before a previous process stopped are still in the
  // outbox; deliver them once the caller has finished wiring its listeners.
  setImmediate(() => outbox.flush());

  return {
    db,
    clock,
    outbox,
    write,
    createTransaction,
    addAccountMetadata,
    findAccount,
    listAccounts,
    balanceOf: (ledger, address, asset) => volumes.balanceOf(ledger, address, asset),
    listLedgers,
    hasLedger,
    listTransactions,
    flushEvents: () => outbox.flush(),
  };
}
