import type { WorkflowConfig } from './schemas';

/**
 * Example workflow configs. Together they use every stage kind and every
 * supported send combination: account→account in one ledger and across
 * ledgers, account→wallet, wallet→account, wallet→wallet, account→payment and
 * wallet→payment payouts, payment→account and payment→wallet pay-ins. The
 * local server creates them in a new database, and the editor's tests
 * round-trip them.
 */
export const exampleWorkflows = {
  /** account → account, same ledger. */
  tipCreator: {
    name: 'tip-creator',
    stages: [
      {
        send: {
          source: { account: { id: 'fans:${fanID}:wallet', ledger: 'creators-eu' } },
          destination: { account: { id: 'creators:${creatorID}:earnings', ledger: 'creators-eu' } },
          amount: { amount: '${cents}', asset: 'EUR/2' },
          metadata: { reason: 'tip', campaign: '${campaign}' },
        },
      },
    ],
  },
  /** payment → wallet, with custom ingestion accounts. */
  cardTopup: {
    name: 'card-topup-to-wallet',
    stages: [
      {
        send: {
          source: {
            payment: {
              id: '${paymentID}',
              ledger: 'treasury',
              holdingAccount: 'psp:adyen:held:${paymentID}',
              throughAccount: 'psp:adyen:clearing',
              allowOverdraft: true,
            },
          },
          destination: { wallet: { name: 'customer-${customerID}', balance: 'available' } },
        },
      },
    ],
  },
  /** wallet → payment (payout). */
  weeklyPayout: {
    name: 'weekly-payout',
    stages: [
      {
        send: {
          source: { wallet: { id: '${walletID}', balance: 'main' } },
          destination: {
            payment: {
              psp: 'wise',
              type: 'PAYOUT',
              sourceAccount: 'acc-wise-gbp-01',
              metadata: 'wiseRecipientID',
            },
          },
          amount: { amount: 125000, asset: 'GBP/2' },
        },
      },
    ],
  },
  /** account → account across ledgers through bridge accounts, then delay and update. */
  settleToMerchant: {
    name: 'settle-to-merchant',
    stages: [
      {
        send: {
          source: {
            account: {
              id: 'escrow:${orderID}',
              ledger: 'marketplace',
              throughAccount: 'bridge:to-merchants',
            },
          },
          destination: {
            account: {
              id: 'merchants:${merchantID}',
              ledger: 'merchant-books',
              throughAccount: 'bridge:from-marketplace',
              allowOverdraft: true,
            },
          },
          amount: { amount: '${total}', asset: 'USD/2' },
        },
      },
      { delay: { duration: '72h' } },
      {
        update: {
          account: {
            id: 'merchants:${merchantID}',
            ledger: 'merchant-books',
            metadata: { lastSettledOrder: '${orderID}', settlement: 'done' },
          },
        },
      },
    ],
  },
  /** send, wait_event, send, noop. */
  approvalGatedRefund: {
    name: 'approval-gated-refund',
    stages: [
      {
        send: {
          source: { account: { id: 'revenue:refund-pool', ledger: 'shop' } },
          destination: { account: { id: 'escrow:refund:${ticket}', ledger: 'shop' } },
          amount: { amount: '${amount}', asset: 'CAD/2' },
        },
      },
      { wait_event: { event: 'refund-approved' } },
      {
        send: {
          source: { account: { id: 'escrow:refund:${ticket}', ledger: 'shop' } },
          destination: { account: { id: 'customers:${customer}', ledger: 'shop' } },
          amount: { amount: '${amount}', asset: 'CAD/2' },
        },
      },
      { noop: {} },
    ],
  },
  /** delay until a date, then send. */
  releaseAtDate: {
    name: 'release-at-date',
    stages: [
      { delay: { until: '${releaseAt}' } },
      {
        send: {
          source: { account: { id: 'locked:${lockID}', ledger: 'vault' } },
          destination: { account: { id: 'unlocked:${lockID}', ledger: 'vault' } },
          amount: { amount: 1, asset: 'TOKEN/0' },
        },
      },
    ],
  },
  noopProbe: { name: 'noop-probe', stages: [{ noop: {} }] },
  delayThenWait: {
    name: 'delay-then-wait',
    stages: [{ delay: { duration: '${pause}' } }, { wait_event: { event: 'go' } }, { noop: {} }],
  },
  /** account → wallet, same ledger (a credit drawn from the account). */
  rewardToWallet: {
    name: 'reward-to-wallet',
    stages: [
      {
        send: {
          source: { account: { id: 'marketing:rewards', ledger: 'wallets-002' } },
          destination: { wallet: { name: 'customer-${customerID}', balance: 'main' } },
          amount: { amount: '${cents}', asset: 'EUR/2' },
          metadata: { reason: 'loyalty-reward' },
        },
      },
    ],
  },
  /** wallet → account in another ledger. */
  walletCashout: {
    name: 'wallet-cashout',
    stages: [
      {
        send: {
          source: { wallet: { id: '${walletID}', balance: 'main' } },
          destination: { account: { id: 'bank:customers:${customerID}', ledger: 'bank' } },
          amount: { amount: '${cents}', asset: 'EUR/2' },
        },
      },
    ],
  },
  /** wallet → wallet, both found by name. */
  walletToWallet: {
    name: 'wallet-to-wallet',
    stages: [
      {
        send: {
          source: { wallet: { name: 'customer-${from}', balance: 'main' } },
          destination: { wallet: { name: 'customer-${to}', balance: 'main' } },
          amount: { amount: '${cents}', asset: 'EUR/2' },
          metadata: { reason: 'split-bill' },
        },
      },
    ],
  },
  /** account → payment (payout to the PSP account named in the account's metadata). */
  merchantPayout: {
    name: 'merchant-payout',
    stages: [
      {
        send: {
          source: { account: { id: 'merchants:${merchantID}', ledger: 'merchant-books' } },
          destination: {
            payment: { psp: 'stripe', type: 'PAYOUT', metadata: 'stripeAccountID' },
          },
          amount: { amount: '${cents}', asset: 'USD/2' },
        },
      },
    ],
  },
  /** payment → account in another ledger, then a metadata update on that account. */
  bankTransferDeposit: {
    name: 'bank-transfer-deposit',
    stages: [
      {
        send: {
          source: { payment: { id: '${paymentID}' } },
          destination: { account: { id: 'deposits:${customerID}', ledger: 'bank' } },
        },
      },
      {
        update: {
          account: {
            id: 'deposits:${customerID}',
            ledger: 'bank',
            metadata: { lastPayment: '${paymentID}' },
          },
        },
      },
    ],
  },
} satisfies Record<string, WorkflowConfig>;

export type ExampleWorkflowKey = keyof typeof exampleWorkflows;
