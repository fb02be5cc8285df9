import type { SendStageInput } from '@/lib/orchestration/stage-config';

import * as activities from './activities';
import type { Money } from './activities';
import { isReferenceConflict, validationError } from './errors';
import {
  destinationAccountId,
  enterLedger,
  internalLedger,
  leaveLedger,
  moveFromLedgerKey,
  paymentHoldingAccount,
  resolveWallet,
  transferInitiation,
  type AccountEndpoint,
  type PaymentDestination,
  type PaymentSource,
  type Transfer,
  type WalletEndpoint,
} from './send-common';
import { runWalletToAccount, runWalletToPayment, runWalletToWallet } from './send-wallet-paths';
import type { StageContext } from './services';
import { parseAmount, worldAccount } from './values';

export async function runAccountToAccount(
  ctx: StageContext,
  source: AccountEndpoint,
  destination: AccountEndpoint,
  transfer: Transfer,
): Promise<void> {
  if (source.ledger === destination.ledger) {
    await activities.createTransaction(ctx, destination.ledger, {
      source: source.id,
      destination: destination.id,
      ...transfer,
    });
    return;
  }
  // Different ledgers: leave the source ledger through its bridge account,
  // then enter the destination ledger from its own bridge account.
  await leaveLedger(ctx, source, transfer, destination.ledger);
  await enterLedger(ctx, destination, transfer, source.ledger);
}

export async function runAccountToWallet(
  ctx: StageContext,
  source: AccountEndpoint,
  destination: WalletEndpoint,
  transfer: Transfer,
): Promise<void> {
  const wallet = await resolveWallet(ctx, destination);
  if (wallet.ledger === source.ledger) {
    await activities.creditWallet(ctx, wallet.id, {
      ...transfer,
      balance: destination.balance,
      sources: [{ type: 'ACCOUNT', identifier: source.id }],
    });
    return;
  }
  await leaveLedger(ctx, source, transfer, wallet.ledger);
  await activities.creditWallet(ctx, wallet.id, {
    ...transfer,
    balance: destination.balance,
    sources: [{ type: 'ACCOUNT', identifier: source.throughAccount }],
    metadata: { ...transfer.metadata, [moveFromLedgerKey]: source.ledger },
  });
}

async function runAccountToPayment(
  ctx: StageContext,
  source: AccountEndpoint,
  destination: PaymentDestination,
  transfer: Transfer,
): Promise<void> {
  const account = await activities.getAccount(ctx, source.ledger, source.id);
  const accountId = destinationAccountId(
    destination.metadata,
    account.data.metadata,
    `account '${source.id}' in ledger '${source.ledger}'`,
  );
  // Debit the ledger first, so that missing funds stop the stage before any payout starts.
  await activities.createTransaction(ctx, source.ledger, {
    source: source.id,
    destination: source.throughAccount,
    ...transfer,
    overdraft: source.allowOverdraft,
  });
  await transferInitiation(ctx, destination, accountId, transfer);
}

/**
 * Records a payment in the ledger (world or the bridge account → holding
 * account) and returns the holding account with the amount to move on. A
 * CONFLICT means the payment was ingested before, which is fine.
 */
async function ingestPayment(
  ctx: StageContext,
  source: PaymentSource,
  amount: SendStageInput['amount'],
  transfer: Omit<Transfer, 'money'>,
): Promise<{ holding: AccountEndpoint; money: Money }> {
  const payment = (await activities.getPayment(ctx, source.id)).data;
  const ledger = source.ledger || internalLedger;
  const holdingAccount = source.holdingAccount || paymentHoldingAccount(source.id);
  const initial: Money = {
    amount: parseAmount(payment.initialAmount, 'payment initial amount'),
    asset: payment.asset,
  };
  try {
    await activities.createTransaction(ctx, ledger, {
      source: source.throughAccount,
      destination: holdingAccount,
      money: initial,
      metadata: transfer.metadata,
      timestamp: transfer.timestamp,
      reference: holdingAccount,
      overdraft: source.allowOverdraft && source.throughAccount !== worldAccount,
    });
  } catch (error) {
    if (!isReferenceConflict(error)) {
      throw error;
    }
    ctx.logger?.info(
      { paymentID: source.id, ledger, reference: holdingAccount },
      'payment already ingested, moving on from its holding account',
    );
  }
  const money = amount ? { amount: parseAmount(amount.amount), asset: amount.asset } : initial;
  // The payment is in the ledger now, so the next move needs no bridge account.
  const holding = {
    id: holdingAccount,
    ledger,
    throughAccount: worldAccount,
    allowOverdraft: false,
  };
  return { holding, money };
}

/**
 * Runs a `send` stage: moves `amount` from the source (ledger account, wallet
 * or payment) to the destination through the activities of the Formance
 * orchestration service. Failures that a retry cannot fix throw an error with
 * `retryable: false`.
 */
export async function runSend(input: SendStageInput, ctx: StageContext): Promise<void> {
  const { source, destination } = input;
  const metadata = input.metadata ?? {};
  const timestamp = input.timestamp;

  if (source.payment) {
    if (destination.payment) {
      throw validationError('sending from a payment to a payment is not supported');
    }
    const ingested = await ingestPayment(ctx, source.payment, input.amount, {
      metadata,
      timestamp,
    });
    const transfer = { money: ingested.money, metadata, timestamp };
    if (destination.account) {
      return runAccountToAccount(ctx, ingested.holding, destination.account, transfer);
    }
    if (destination.wallet) {
      return runAccountToWallet(ctx, ingested.holding, destination.wallet, transfer);
    }
    throw validationError('the send destination needs an account, a wallet or a payment');
  }

  if (!input.amount) {
    throw validationError('amount is required unless the source is a payment');
  }
  const transfer: Transfer = {
    money: { amount: parseAmount(input.amount.amount), asset: input.amount.asset },
    metadata,
    timestamp,
  };

  if (source.account) {
    if (destination.account) {
      return runAccountToAccount(ctx, source.account, destination.account, transfer);
    }
    if (destination.wallet) {
      return runAccountToWallet(ctx, source.account, destination.wallet, transfer);
    }
    if (destination.payment) {
      return runAccountToPayment(ctx, source.account, destination.payment, transfer);
    }
  } else if (source.wallet) {
    if (destination.account) {
      return runWalletToAccount(ctx, source.wallet, destination.account, transfer);
    }
    if (destination.wallet) {
      return runWalletToWallet(ctx, source.wallet, destination.wallet, transfer);
    }
    if (destination.payment) {
      return runWalletToPayment(ctx, source.wallet, destination.payment, transfer);
    }
  } else {
    throw validationError('the send source needs an account, a wallet or a payment');
  }
  throw validationError('the send destination needs an account, a wallet or a payment');
}
