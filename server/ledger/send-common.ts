import type { SendStageInput } from '@/lib/orchestration/stage-config';

import * as activities from './activities';
import type { Money } from './activities';
import { notFoundError, validationError } from './errors';
import type { StageContext } from './services';
import { worldAccount, type Metadata } from './values';
import type { Wallet } from './wallets';

export type AccountEndpoint = NonNullable<SendStageInput['source']['account']>;
export type WalletEndpoint = NonNullable<SendStageInput['source']['wallet']>;
export type PaymentSource = NonNullable<SendStageInput['source']['payment']>;
export type PaymentDestination = NonNullable<SendStageInput['destination']['payment']>;

/** Money moved by one send path, with the stage's metadata and timestamp. */
export interface Transfer {
  money: Money;
  metadata: Metadata;
  timestamp?: string;
}

/** Ledger of payment ingestion when the stage names none. */
export const internalLedger = 'orchestration-000-internal';
// Metadata keys the Formance orchestration service writes on cross-ledger moves.
export const moveToLedgerKey = 'orchestration/move-to-ledger';
export const moveFromLedgerKey = 'orchestration/move-from-ledger';

/** Default holding account of a payment: `payment:<id>` with `-` replaced by `_`. */
export function paymentHoldingAccount(paymentId: string): string {
  return `payment:${paymentId.replaceAll('-', '_')}`;
}

/** Reads the PSP destination account id from an account's or wallet's metadata. */
export function destinationAccountId(key: string, metadata: Metadata, owner: string): string {
  const value = metadata[key];
  if (value === undefined || value === '') {
    throw validationError(
      `${owner} has no metadata '${key}' holding the payment destination account id`,
    );
  }
  return value;
}

/** Asks the payment provider to pay `transfer` out to `accountId`. */
export function transferInitiation(
  ctx: StageContext,
  destination: PaymentDestination,
  accountId: string,
  transfer: Transfer,
): Promise<void> {
  return activities.createTransferInitiation(ctx, {
    amount: Number(transfer.money.amount),
    asset: transfer.money.asset,
    provider: destination.psp,
    type: destination.type,
    destination: accountId,
    source: destination.sourceAccount,
    connectorID: destination.connectorId,
    metadata: transfer.metadata,
    waitingValidation: destination.waitingValidation,
  });
}

/**
 * Looks a wallet up by id (`GetWallet`) or by name (`ListWallets`); a name
 * must match exactly one wallet.
 */
export async function resolveWallet(ctx: StageContext, endpoint: WalletEndpoint): Promise<Wallet> {
  if (endpoint.id) {
    return (await activities.getWallet(ctx, endpoint.id)).data;
  }
  const name = endpoint.name ?? '';
  const found = (await activities.listWallets(ctx, name)).cursor.data;
  if (found.length === 0) {
    throw notFoundError(`wallet named '${name}' not found`);
  }
  if (found.length > 1) {
    throw validationError(
      `found ${found.length} wallets named '${name}': reference the wallet by id instead`,
    );
  }
  return found[0] as Wallet;
}

/**
 * Moves the transfer out of `source.ledger` through its bridge account, the
 * first half of a move between two ledgers.
 */
export async function leaveLedger(
  ctx: StageContext,
  source: AccountEndpoint,
  transfer: Transfer,
  toLedger: string,
): Promise<void> {
  await activities.createTransaction(ctx, source.ledger, {
    source: source.id,
    destination: source.throughAccount,
    money: transfer.money,
    timestamp: transfer.timestamp,
    metadata: { ...transfer.metadata, [moveToLedgerKey]: toLedger },
    overdraft: source.allowOverdraft,
  });
}

/**
 * Moves the transfer into `destination.ledger` from its bridge account, the
 * second half of a move between two ledgers.
 */
export async function enterLedger(
  ctx: StageContext,
  destination: AccountEndpoint,
  transfer: Transfer,
  fromLedger: string,
): Promise<void> {
  await activities.createTransaction(ctx, destination.ledger, {
    source: destination.throughAccount,
    destination: destination.id,
    money: transfer.money,
    timestamp: transfer.timestamp,
    metadata: { ...transfer.metadata, [moveFromLedgerKey]: fromLedger },
    overdraft: destination.allowOverdraft && destination.throughAccount !== worldAccount,
  });
}
