import * as activities from './activities';
import {
  destinationAccountId,
  enterLedger,
  moveFromLedgerKey,
  moveToLedgerKey,
  resolveWallet,
  transferInitiation,
  type AccountEndpoint,
  type PaymentDestination,
  type Transfer,
  type WalletEndpoint,
} from './send-common';
import type { StageContext } from './services';

export async function runWalletToAccount(
  ctx: StageContext,
  source: WalletEndpoint,
  destination: AccountEndpoint,
  transfer: Transfer,
): Promise<void> {
  const wallet = await resolveWallet(ctx, source);
  if (wallet.ledger === destination.ledger) {
    await activities.debitWallet(ctx, wallet.id, {
      ...transfer,
      balances: [source.balance],
      destination: { type: 'ACCOUNT', identifier: destination.id },
    });
    return;
  }
  // Different ledgers: the debit sends the money to `world` in the wallets
  // ledger, then the destination ledger receives it from its bridge account.
  await activities.debitWallet(ctx, wallet.id, {
    ...transfer,
    balances: [source.balance],
    metadata: { ...transfer.metadata, [moveToLedgerKey]: destination.ledger },
  });
  await enterLedger(ctx, destination, transfer, wallet.ledger);
}

export async function runWalletToWallet(
  ctx: StageContext,
  source: WalletEndpoint,
  destination: WalletEndpoint,
  transfer: Transfer,
): Promise<void> {
  const sourceWallet = await resolveWallet(ctx, source);
  const destinationWallet = await resolveWallet(ctx, destination);
  if (sourceWallet.ledger === destinationWallet.ledger) {
    // NOTE: the Formance service always draws from the source wallet's `main`
    // balance here; this stage honours `source.balance` instead.
    await activities.creditWallet(ctx, destinationWallet.id, {
      ...transfer,
      balance: destination.balance,
      sources: [{ type: 'WALLET', identifier: sourceWallet.id, balance: source.balance }],
    });
    return;
  }
  await activities.debitWallet(ctx, sourceWallet.id, {
    ...transfer,
    balances: [source.balance],
    metadata: { ...transfer.metadata, [moveToLedgerKey]: destinationWallet.ledger },
  });
  await activities.creditWallet(ctx, destinationWallet.id, {
    ...transfer,
    balance: destination.balance,
    sources: [],
    metadata: { ...transfer.metadata, [moveFromLedgerKey]: sourceWallet.ledger },
  });
}

export async function runWalletToPayment(
  ctx: StageContext,
  source: WalletEndpoint,
  destination: PaymentDestination,
  transfer: Transfer,
): Promise<void> {
  const wallet = await resolveWallet(ctx, source);
  const accountId = destinationAccountId(
    destination.metadata,
    wallet.metadata,
    `wallet '${wallet.id}'`,
  );
  // Debit the wallet first, so that missing funds stop the stage before any payout starts.
  await activities.debitWallet(ctx, wallet.id, { ...transfer, balances: [source.balance] });
  await transferInitiation(ctx, destination, accountId, transfer);
}
