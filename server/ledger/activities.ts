/**
 * The activities of the send and update stages, with the names and input and
 * output shapes the Formance orchestration service records in stage history.
 * Outputs are plain JSON (amounts as numbers) because the engine stores them.
 */
import type { Transaction } from './ledger';
import type { Payment, TransferInitiationRequest } from './payments';
import type { StageContext } from './services';
import { toJsonNumber, worldAccount, type Metadata } from './values';
import type { Hold, Subject, Wallet, WalletWithBalances } from './wallets';

export interface Money {
  amount: bigint;
  asset: string;
}

export interface TransactionSpec {
  source: string;
  destination: string;
  money: Money;
  metadata: Metadata;
  reference?: string;
  timestamp?: string;
  /** Gives the source an unbounded overdraft, like Numscript's `allowing unbounded overdraft`. */
  overdraft?: boolean;
}

function jsonMoney(money: Money) {
  return { amount: toJsonNumber(money.amount), asset: money.asset };
}

/** Numscript of a single transfer whose source may overdraft, as the real service posts it. */
function overdraftScript(spec: TransactionSpec): string {
  return [
    `send [${spec.money.asset} ${spec.money.amount}] (`,
    `  source = @${spec.source} allowing unbounded overdraft`,
    `  destination = @${spec.destination}`,
    ')',
  ].join('\n');
}

export function createTransaction(
  ctx: StageContext,
  ledgerName: string,
  spec: TransactionSpec,
): Promise<{ data: Array<Transaction & { txid: number }> }> {
  const optional = {
    ...(spec.reference === undefined ? {} : { reference: spec.reference }),
    ...(spec.timestamp === undefined ? {} : { timestamp: spec.timestamp }),
  };
  const posting = {
    source: spec.source,
    destination: spec.destination,
    ...jsonMoney(spec.money),
  };
  const data = spec.overdraft
    ? { script: { plain: overdraftScript(spec), vars: {} }, metadata: spec.metadata, ...optional }
    : { postings: [posting], metadata: spec.metadata, ...optional };

  return ctx.activities.run('CreateTransaction', { Ledger: ledgerName, Data: data }, () => {
    const transaction = ctx.services.ledger.createTransaction(ledgerName, {
      postings: [{ ...posting, amount: spec.money.amount }],
      metadata: spec.metadata,
      reference: spec.reference,
      timestamp: spec.timestamp,
      overdraftAccounts: spec.overdraft ? [spec.source] : [],
    });
    return { data: [{ ...transaction, txid: transaction.id }] };
  });
}

export function getWallet(ctx: StageContext, id: string): Promise<{ data: WalletWithBalances }> {
  return ctx.activities.run('GetWallet', { id }, () => ({
    data: ctx.services.wallets.get(id),
  }));
}

export function listWallets(
  ctx: StageContext,
  name: string,
): Promise<{ cursor: { pageSize: number; hasMore: boolean; data: Wallet[] } }> {
  return ctx.activities.run('ListWallets', { name }, () => ({
    cursor: { pageSize: 15, hasMore: false, data: ctx.services.wallets.list({ name }) },
  }));
}

export interface CreditSpec {
  money: Money;
  balance: string;
  sources: Subject[];
  metadata: Metadata;
  timestamp?: string;
}

export function creditWallet(ctx: StageContext, id: string, spec: CreditSpec): Promise<void> {
  const data = {
    amount: jsonMoney(spec.money),
    balance: spec.balance,
    metadata: spec.metadata,
    sources: spec.sources,
    ...(spec.timestamp === undefined ? {} : { timestamp: spec.timestamp }),
  };
  return ctx.activities.run('CreditWallet', { id, data }, () => {
    ctx.services.wallets.credit(id, {
      amount: spec.money,
      balance: spec.balance,
      sources: spec.sources,
      metadata: spec.metadata,
      timestamp: spec.timestamp,
    });
    return undefined;
  });
}

export interface DebitSpec {
  money: Money;
  balances: string[];
  destination?: Subject;
  metadata: Metadata;
  pending?: boolean;
  timestamp?: string;
}

/** Resolves to the hold when `pending` is set; a direct debit has no output. */
export function debitWallet(
  ctx: StageContext,
  id: string,
  spec: DebitSpec,
): Promise<{ data: Hold } | undefined> {
  const data = {
    amount: jsonMoney(spec.money),
    balances: spec.balances,
    metadata: spec.metadata,
    ...(spec.destination === undefined ? {} : { destination: spec.destination }),
    ...(spec.pending === undefined ? {} : { pending: spec.pending }),
    ...(spec.timestamp === undefined ? {} : { timestamp: spec.timestamp }),
  };
  return ctx.activities.run('DebitWallet', { id, data }, () => {
    const hold = ctx.services.wallets.debit(id, {
      amount: spec.money,
      balances: spec.balances,
      destination: spec.destination ?? { type: 'ACCOUNT', identifier: worldAccount },
      metadata: spec.metadata,
      pending: spec.pending,
      timestamp: spec.timestamp,
    });
    return hold ? { data: hold } : undefined;
  });
}

export interface AccountOutput {
  address: string;
  metadata: Metadata;
  volumes: Record<string, { input: number; output: number; balance: number }>;
}

/** Like the ledger's v1 API, an account never used reads as empty rather than missing. */
export function getAccount(
  ctx: StageContext,
  ledgerName: string,
  id: string,
): Promise<{ data: AccountOutput }> {
  return ctx.activities.run('GetAccount', { ledger: ledgerName, id }, () => {
    const account = ctx.services.ledger.findAccount(ledgerName, id);
    return {
      data: {
        address: id,
        metadata: account?.metadata ?? {},
        volumes: account?.volumes ?? {},
      },
    };
  });
}

export function getPayment(ctx: StageContext, id: string): Promise<{ data: Payment }> {
  return ctx.activities.run('GetPayment', { id }, () => ({
    data: ctx.services.payments.get(id),
  }));
}

export function createTransferInitiation(
  ctx: StageContext,
  request: TransferInitiationRequest & { amount: number },
): Promise<void> {
  return ctx.activities.run('CreateTransferInitiation', { ...request }, () => {
    ctx.services.payments.createTransferInitiation(request);
    return undefined;
  });
}

export function addAccountMetadata(
  ctx: StageContext,
  ledgerName: string,
  account: string,
  metadata: Metadata,
): Promise<void> {
  // `id` repeats `account` because SDK 2.7.0 requires it in this activity's input.
  const input = { ledger: ledgerName, account, id: account, metadata };
  return ctx.activities.run('AddAccountMetadata', input, () => {
    ctx.services.ledger.addAccountMetadata(ledgerName, account, metadata);
    return undefined;
  });
}
