import { randomUUID } from 'node:crypto';

import { LedgerError, notFoundError, validationError } from './errors';
import type { Ledger, Transaction } from './ledger';
import { drawFromSources, type DrawPosting } from './wallet-draw';
import { createHoldStore, holdAccount, type Hold, type HoldStore } from './wallet-holds';
import {
  assertAccountAddress,
  assertAsset,
  assertLedgerName,
  parseAmount,
  worldAccount,
  type Metadata,
} from './values';

export type { Hold } from './wallet-holds';

/** Ledger of a wallet created without a `ledger`. */
export const defaultWalletsLedger = 'wallets-002';
export const mainBalance = 'main';
const addressSegmentPattern = /^[a-zA-Z0-9_-]+$/;
// `hold` would collide with the hold accounts `wallets:<id>:hold:<holdId>`.
const reservedBalanceNames = new Set(['hold']);

export interface Wallet {
  id: string;
  name: string;
  ledger: string;
  metadata: Metadata;
  createdAt: string;
}

export interface WalletWithBalances extends Wallet {
  /** Per balance name (`main` first), the balance of each asset. */
  balances: Record<string, { assets: Record<string, number> }>;
}

export type Subject =
  | { type: 'ACCOUNT'; identifier: string }
  | { type: 'WALLET'; identifier: string; balance?: string };

export interface Monetary {
  amount: unknown;
  asset: string;
}

export interface CreditRequest {
  amount: Monetary;
  balance?: string;
  sources?: Subject[];
  metadata?: Metadata;
  reference?: string;
  timestamp?: string;
}

export interface DebitRequest {
  amount: Monetary;
  /** Balances to draw from, in order; `*` means every balance. Defaults to `main`. */
  balances?: string[];
  destination?: Subject;
  metadata?: Metadata;
  /** Creates a hold instead of moving the money to the destination. */
  pending?: boolean;
  description?: string;
  timestamp?: string;
}

export interface Wallets {
  create(request: {
    name: string;
    ledger?: string;
    metadata?: Metadata;
    balances?: string[];
    id?: string;
  }): WalletWithBalances;
  get(id: string): WalletWithBalances;
  list(filter?: { name?: string }): Wallet[];
  /** The only wallet with this name: NOT_FOUND when none, VALIDATION when several. */
  getByName(name: string): Wallet;
  createBalance(walletId: string, name: string): void;
  credit(walletId: string, request: CreditRequest): Transaction;
  /** Returns the hold when `pending` is set. */
  debit(walletId: string, request: DebitRequest): Hold | undefined;
  getHold(holdId: string): Hold;
  confirmHold(holdId: string, options?: { amount?: unknown; final?: boolean }): void;
  voidHold(holdId: string): void;
}

interface WalletRow {
  id: string;
  name: string;
  ledger: string;
  metadata: string;
  created_at: string;
}

/** Ledger account of a wallet balance, as Formance wallets name it. */
export function walletBalanceAccount(walletId: string, balance: string): string {
  return `wallets:${walletId}:${balance}`;
}

function toWallet(row: WalletRow): Wallet {
  return {
    id: row.id,
    name: row.name,
    ledger: row.ledger,
    metadata: JSON.parse(row.metadata) as Metadata,
    createdAt: row.created_at,
  };
}

/** Creates the wallets service, mapped onto accounts of the embedded ledger. */
export function createWallets(ledger: Ledger): Wallets {
  const { db, clock } = ledger;
  const statements = {
    insert: db.prepare(
      'INSERT INTO ledger_wallets (id, name, ledger, metadata, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    byId: db.prepare('SELECT * FROM ledger_wallets WHERE id = ?'),
    byName: db.prepare('SELECT * FROM ledger_wallets WHERE name = ? ORDER BY created_at, rowid'),
    all: db.prepare('SELECT * FROM ledger_wallets ORDER BY created_at, rowid'),
    insertBalance: db.prepare(
      'INSERT OR IGNORE INTO ledger_wallet_balances (wallet_id, name, created_at) VALUES (?, ?, ?)',
    ),
    balances: db.prepare(
      'SELECT name FROM ledger_wallet_balances WHERE wallet_id = ? ORDER BY created_at, rowid',
    ),
  };
  const holds: HoldStore = createHoldStore(db, clock);

  function find(id: string): Wallet {
    const row = statements.byId.get(id) as WalletRow | undefined;
    if (!row) {
      throw notFoundError(`wallet '${id}' not found`);
    }
    return toWallet(row);
  }

  function balanceNames(walletId: string): string[] {
    const rows = statements.balances.all(walletId) as Array<{ name: string }>;
    return [mainBalance, ...rows.map((row) => row.name)];
  }

  function assertBalance(wallet: Wallet, balance: string): void {
    if (!balanceNames(wallet.id).includes(balance)) {
      throw validationError(`balance '${balance}' not found in wallet '${wallet.id}'`);
    }
  }

  function withBalances(wallet: Wallet): WalletWithBalances {
    const balances: WalletWithBalances['balances'] = {};
    for (const name of balanceNames(wallet.id)) {
      const account = ledger.findAccount(wallet.ledger, walletBalanceAccount(wallet.id, name));
      balances[name] = { assets: { ...(account?.balances ?? {}) } };
    }
    return { ...wallet, balances };
  }

  function createBalance(walletId: string, name: string): void {
    find(walletId);
    if (!addressSegmentPattern.test(name) || reservedBalanceNames.has(name)) {
      throw validationError(
        `invalid balance name '${name}': use letters, digits, '_' or '-' (not 'hold')`,
      );
    }
    if (name !== mainBalance) {
      statements.insertBalance.run(walletId, name, clock().toISOString());
    }
  }

  function create(request: Parameters<Wallets['create']>[0]): WalletWithBalances {
    const id = request.id ?? randomUUID();
    const walletLedger = request.ledger ?? defaultWalletsLedger;
    assertLedgerName(walletLedger);
    // The id becomes one segment of the wallet's account addresses.
    if (!addressSegmentPattern.test(id)) {
      throw validationError(`invalid wallet id '${id}': use letters, digits, '_' or '-'`);
    }
    if (statements.byId.get(id)) {
      throw new LedgerError('CONFLICT', `wallet '${id}' already exists`);
    }
    ledger.write(() => {
      statements.insert.run(
        id,
        request.name,
        walletLedger,
        JSON.stringify(request.metadata ?? {}),
        clock().toISOString(),
      );
      for (const balance of request.balances ?? []) {
        createBalance(id, balance);
      }
      ledger.addAccountMetadata(walletLedger, walletBalanceAccount(id, mainBalance), {
        'wallets/spec/type': 'wallets.primary',
        'wallets/id': id,
        'wallets/name': request.name,
      });
    });
    return get(id);
  }

  function get(id: string): WalletWithBalances {
    return withBalances(find(id));
  }

  function list(filter: { name?: string } = {}): Wallet[] {
    const rows = (
      filter.name === undefined ? statements.all.all() : statements.byName.all(filter.name)
    ) as WalletRow[];
    return rows.map(toWallet);
  }

  function getByName(name: string): Wallet {
    const matches = list({ name });
    if (matches.length === 0) {
      throw notFoundError(`wallet named '${name}' not found`);
    }
    if (matches.length > 1) {
      throw validationError(
        `found ${matches.length} wallets named '${name}': reference the wallet by id instead`,
      );
    }
    return matches[0] as Wallet;
  }

  /** Resolves a subject to an account address in `walletLedger`. */
  function subjectAccount(subject: Subject, walletLedger: string): string {
    if (subject.type === 'ACCOUNT') {
      assertAccountAddress(subject.identifier);
      return subject.identifier;
    }
    const wallet = find(subject.identifier);
    if (wallet.ledger !== walletLedger) {
      throw validationError(
        `wallet '${wallet.id}' is in ledger '${wallet.ledger}', not '${walletLedger}'`,
      );
    }
    const balance = subject.balance || mainBalance;
    assertBalance(wallet, balance);
    return walletBalanceAccount(wallet.id, balance);
  }

  function credit(walletId: string, request: CreditRequest): Transaction {
    const wallet = find(walletId);
    const amount = parseAmount(request.amount.amount);
    assertAsset(request.amount.asset);
    const balance = request.balance || mainBalance;
    assertBalance(wallet, balance);
    const sources = (request.sources ?? []).map((subject) =>
      subjectAccount(subject, wallet.ledger),
    );
    return ledger.write(() => {
      const postings = drawFromSources(ledger, wallet.ledger, {
        sources: sources.length > 0 ? sources : [worldAccount],
        destination: walletBalanceAccount(wallet.id, balance),
        amount,
        asset: request.amount.asset,
      });
      return ledger.createTransaction(wallet.ledger, {
        postings,
        metadata: request.metadata ?? {},
        reference: request.reference,
        timestamp: request.timestamp,
      });
    });
  }

  function debitSources(wallet: Wallet, balances: string[] | undefined): string[] {
    const requested = balances && balances.length > 0 ? balances : [mainBalance];
    // NOTE: `*` expands to the named balances in creation order, then `main`;
    // Formance wallets order balances by priority, which this module lacks.
    const names = requested.includes('*')
      ? [...balanceNames(wallet.id).slice(1), mainBalance]
      : requested;
    for (const name of names) {
      assertBalance(wallet, name);
    }
    return names.map((name) => walletBalanceAccount(wallet.id, name));
  }

  function debit(walletId: string, request: DebitRequest): Hold | undefined {
    const wallet = find(walletId);
    const amount = parseAmount(request.amount.amount);
    assertAsset(request.amount.asset);
    const sources = debitSources(wallet, request.balances);
    const destination = request.destination ?? { type: 'ACCOUNT', identifier: worldAccount };
    const destinationAccount = subjectAccount(destination, wallet.ledger);

    return ledger.write(() => {
      const hold = request.pending
        ? holds.create({
            walletId: wallet.id,
            asset: request.amount.asset,
            amount,
            destination,
            description: request.description ?? '',
            metadata: request.metadata ?? {},
          })
        : undefined;
      const postings = drawFromSources(ledger, wallet.ledger, {
        sources,
        destination: hold ? holdAccount(wallet.id, hold.id) : destinationAccount,
        amount,
        asset: request.amount.asset,
      });
      ledger.createTransaction(wallet.ledger, {
        postings,
        metadata: request.metadata ?? {},
        timestamp: request.timestamp,
      });
      return hold;
    });
  }

  function settleHold(holdId: string, confirmAmount: bigint | undefined, final: boolean): void {
    const hold = holds.getOpen(holdId);
    const wallet = find(hold.walletID);
    const account = holdAccount(wallet.id, hold.id);
    ledger.write(() => {
      const remaining = ledger.balanceOf(wallet.ledger, account, hold.asset);
      const toDestination = confirmAmount ?? remaining;
      if (toDestination > remaining) {
        throw validationError(
          `cannot confirm ${toDestination} ${hold.asset} on hold '${hold.id}': ${remaining} remain`,
        );
      }
      const postings: DrawPosting[] = [];
      if (toDestination > 0n) {
        const destination = subjectAccount(hold.destination, wallet.ledger);
        postings.push({ source: account, destination, amount: toDestination, asset: hold.asset });
      }
      const leftover = remaining - toDestination;
      const closes = confirmAmount === undefined || final || leftover === 0n;
      if (closes && leftover > 0n) {
        const main = walletBalanceAccount(wallet.id, mainBalance);
        postings.push({ source: account, destination: main, amount: leftover, asset: hold.asset });
      }
      if (postings.length > 0) {
        ledger.createTransaction(wallet.ledger, { postings, metadata: hold.metadata });
      }
      if (closes) {
        holds.close(hold.id, 'CONFIRMED');
      }
    });
  }

  function voidHold(holdId: string): void {
    const hold = holds.getOpen(holdId);
    const wallet = find(hold.walletID);
    const account = holdAccount(wallet.id, hold.id);
    ledger.write(() => {
      const remaining = ledger.balanceOf(wallet.ledger, account, hold.asset);
      if (remaining > 0n) {
        ledger.createTransaction(wallet.ledger, {
          postings: [
            {
              source: account,
              destination: walletBalanceAccount(wallet.id, mainBalance),
              amount: remaining,
              asset: hold.asset,
            },
          ],
          metadata: hold.metadata,
        });
      }
      holds.close(hold.id, 'VOIDED');
    });
  }

  return {
    create,
    get,
    list,
    getByName,
    createBalance,
    credit,
    debit,
    getHold: (holdId) => holds.get(holdId),
    confirmHold: (holdId, options = {}) =>
      settleHold(
        holdId,
        options.amount === undefined ? undefined : parseAmount(options.amount),
        options.final ?? false,
      ),
    voidHold,
  };
}
