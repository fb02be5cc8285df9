import { randomUUID } from 'node:crypto';

import type Database from 'better-sqlite3';

import { notFoundError, validationError } from './errors';
import type { Metadata } from './values';
import type { Subject } from './wallets';

/** A pending debit, as Formance wallets return it (plus its asset, amount and status). */
export interface Hold {
  id: string;
  walletID: string;
  description: string;
  destination: Subject;
  metadata: Metadata;
  asset: string;
  /** Amount held at creation. */
  originalAmount: number;
  status: 'PENDING' | 'CONFIRMED' | 'VOIDED';
}

export interface HoldStore {
  create(request: {
    walletId: string;
    asset: string;
    amount: bigint;
    destination: Subject;
    description: string;
    metadata: Metadata;
  }): Hold;
  get(holdId: string): Hold;
  /** The hold, if it can still be confirmed or voided. */
  getOpen(holdId: string): Hold;
  close(holdId: string, status: 'CONFIRMED' | 'VOIDED'): void;
}

interface HoldRow {
  id: string;
  wallet_id: string;
  asset: string;
  amount: string;
  destination: string;
  description: string;
  metadata: string;
  status: Hold['status'];
}

/** Ledger account that keeps the money of a hold until it is confirmed or voided. */
export function holdAccount(walletId: string, holdId: string): string {
  return `wallets:${walletId}:hold:${holdId}`;
}

export function createHoldStore(db: Database.Database, clock: () => Date): HoldStore {
  const insert = db.prepare(
    `INSERT INTO ledger_holds (id, wallet_id, asset, amount, destination, description, metadata, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)`,
  );
  const byId = db.prepare('SELECT * FROM ledger_holds WHERE id = ?');
  const setStatus = db.prepare('UPDATE ledger_holds SET status = ? WHERE id = ?');

  function get(holdId: string): Hold {
    const row = byId.get(holdId) as HoldRow | undefined;
    if (!row) {
      throw notFoundError(`hold '${holdId}' not found`);
    }
    return {
      id: row.id,
      walletID: row.wallet_id,
      description: row.description,
      destination: JSON.parse(row.destination) as Subject,
      metadata: JSON.parse(row.metadata) as Metadata,
      asset: row.asset,
      originalAmount: Number(row.amount),
      status: row.status,
    };
  }

  return {
    create(request) {
      const id = randomUUID();
      insert.run(
        id,
        request.walletId,
        request.asset,
        request.amount.toString(),
        JSON.stringify(request.destination),
        request.description,
        JSON.stringify(request.metadata),
        clock().toISOString(),
      );
      return get(id);
    },
    get,
    getOpen(holdId) {
      const hold = get(holdId);
      if (hold.status !== 'PENDING') {
        throw validationError(`hold '${holdId}' is already ${hold.status.toLowerCase()}`);
      }
      return hold;
    },
    close(holdId, status) {
      setStatus.run(status, holdId);
    },
  };
}
