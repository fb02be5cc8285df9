/**
 * Example ledger data for a new database: accounts funded from `world`,
 * wallets with balances, PSP accounts with metadata, and the transactions and
 * payments whose events fire the example triggers.
 */
import type { LedgerServices } from './ledger/services';

export type ExampleWallets = {
  /** Wallet `customer-c-88` (balances main and available). */
  customerC88: string;
  /** Wallet `customer-c-12` (balances main and available). */
  customerC12: string;
  /** Wallet `creator-payouts-gbp`, paid out weekly. */
  creatorPayouts: string;
};

function fund(
  services: LedgerServices,
  ledger: string,
  account: string,
  amount: number,
  asset: string,
  metadata: Record<string, string> = {},
): void {
  services.ledger.createTransaction(ledger, {
    postings: [{ source: 'world', destination: account, amount, asset }],
    metadata,
  });
}

/**
 * Funds the accounts that the example workflows draw from and creates the
 * wallets and PSP accounts. Run it before the triggers exist or with events
 * that match none: these amounts are below the large-eur-commit threshold.
 */
export function prepareExampleLedger(services: LedgerServices): ExampleWallets {
  const { ledger, wallets } = services;

  fund(services, 'creators-eu', 'fans:f-1002:wallet', 2_000, 'EUR/2', { purpose: 'top-up' });
  fund(services, 'marketplace', 'escrow:o-5521', 48_000, 'USD/2', { order: 'o-5521' });
  fund(services, 'shop', 'revenue:refund-pool', 100_000, 'CAD/2');
  fund(services, 'vault', 'locked:lk-19', 1, 'TOKEN/0');
  fund(services, 'vault', 'locked:lk-20', 1, 'TOKEN/0');
  fund(services, 'wallets-002', 'marketing:rewards', 100_000, 'EUR/2');
  ledger.addAccountMetadata('merchant-books', 'merchants:m-17', {
    stripeAccountID: 'acct_m17_payouts',
    name: 'Corner Bakery',
  });

  // Accounts at the payment providers, which payment events link to.
  ledger.addAccountMetadata('psp-accounts', 'acc-wise-gbp-01', { kind: 'operating' });
  ledger.addAccountMetadata('psp-accounts', 'wise-rcp-vip-01', {
    tier: 'vip',
    name: 'Studio Nine',
  });
  ledger.addAccountMetadata('psp-accounts', 'wise-rcp-c88', { tier: 'standard' });

  const customer = (id: string, recipient?: string) =>
    wallets.create({
      name: `customer-${id}`,
      balances: ['available'],
      metadata: { customer: id, ...(recipient ? { wiseRecipientID: recipient } : {}) },
    }).id;
  const created: ExampleWallets = {
    customerC88: customer('c-88', 'wise-rcp-c88'),
    customerC12: customer('c-12'),
    creatorPayouts: wallets.create({
      name: 'creator-payouts-gbp',
      metadata: { wiseRecipientID: 'wise-rcp-vip-01' },
    }).id,
  };
  const credit = (walletId: string, amount: number, asset: string) =>
    wallets.credit(walletId, { amount: { amount, asset }, metadata: { purpose: 'opening' } });
  credit(created.customerC88, 20_000, 'EUR/2');
  credit(created.customerC12, 50_000, 'EUR/2');
  credit(created.creatorPayouts, 200_000, 'GBP/2');

  return created;
}

/**
 * Commits a large EUR transaction and saves payments, after the triggers
 * exist. Their events fire: large-eur-commit once (a tip), captured-card-payins
 * twice (top-ups) and once with a failed variable (a payment without the
 * `customer` metadata), vip-payout-probe once. The other payments match no
 * trigger; pi-0004 is a bank transfer for the bank-transfer-deposit workflow.
 */
export function publishExampleEvents(services: LedgerServices): void {
  const { payments } = services;

  fund(services, 'creators-eu', 'fans:f-7731:wallet', 250_000, 'EUR/2', {
    fan: 'f-7731',
    creator: 'c-204',
    campaign: 'spring-drive',
  });

  const card = { provider: 'STRIPE', type: 'PAY-IN', asset: 'EUR/2' } as const;
  payments.save({
    ...card,
    id: 'pi-0001',
    scheme: 'visa',
    initialAmount: 12_000,
    metadata: { customer: 'C-88' },
  });
  payments.save({
    ...card,
    id: 'pi-0002',
    scheme: 'mastercard',
    status: 'PENDING',
    initialAmount: 4_500,
    metadata: { customer: 'c-12' },
  });
  payments.save({
    ...card,
    id: 'pi-0002',
    scheme: 'mastercard',
    initialAmount: 4_500,
    metadata: { customer: 'c-12' },
  });
  payments.save({ ...card, id: 'pi-0003', scheme: 'visa', initialAmount: 999 });
  payments.save({
    id: 'pi-0004',
    provider: 'BANKING-CIRCLE',
    type: 'PAY-IN',
    scheme: 'sepa credit',
    initialAmount: 25_000,
    asset: 'EUR/2',
    metadata: { customer: 'c-12' },
  });

  const payout = {
    provider: 'WISE',
    type: 'PAYOUT',
    asset: 'GBP/2',
    sourceAccountID: 'acc-wise-gbp-01',
  } as const;
  payments.save({
    ...payout,
    id: 'po-0001',
    initialAmount: 125_000,
    destinationAccountID: 'wise-rcp-vip-01',
  });
  payments.save({
    ...payout,
    id: 'po-0002',
    initialAmount: 40_000,
    destinationAccountID: 'wise-rcp-c88',
  });
}
