import type Database from 'better-sqlite3';
import type { Logger } from 'pino';

import { createLedger, type Ledger, type LedgerOptions } from './ledger';
import { createPayments, type Payments } from './payments';
import { createWallets, type Wallets } from './wallets';

/** The embedded ledger with the wallets and payments built on it. */
export interface LedgerServices {
  ledger: Ledger;
  wallets: Wallets;
  payments: Payments;
}

/** Creates the ledger, wallets and payments on one SQLite database. */
export function createLedgerServices(
  db: Database.Database,
  options: LedgerOptions,
): LedgerServices {
  const ledger = createLedger(db, options);
  return { ledger, wallets: createWallets(ledger), payments: createPayments(ledger) };
}

/**
 * Runs activities of a stage. The engine implements it: it records each
 * activity in the stage history and runs the synchronous `execute` in the
 * SQLite transaction that stores the activity's output, so a completed
 * activity is never executed twice. `execute` signals failure by throwing an
 * error with a `retryable` flag. The output must be JSON-serializable: after a
 * restart the engine may return the stored output instead of calling `execute`.
 */
export interface ActivityRunner {
  run<T>(name: string, input: Record<string, unknown>, execute: () => T): Promise<T>;
}

/** Context of the send and update stage executors. */
export interface StageContext {
  activities: ActivityRunner;
  services: LedgerServices;
  logger?: Logger;
}
