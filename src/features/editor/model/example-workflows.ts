/**
 * The example workflow configs of the Flows API notes (same-ledger transfer,
 * pay-in to wallet, wallet payout, cross-ledger settlement, approval gate,
 * scheduled release, no-op probe), used by the editor's tests.
 */
import type { EditorConfig } from './document';

export const tipCreator: EditorConfig = {
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
};

export const cardTopupToWallet: EditorConfig = {
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
};

export const weeklyPayout: EditorConfig = {
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
};

export const settleToMerchant: EditorConfig = {
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
};

export const approvalGatedRefund: EditorConfig = {
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
};

export const releaseAtDate: EditorConfig = {
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
};

export const noopProbe: EditorConfig = { name: 'noop-probe', stages: [{ noop: {} }] };

export const exampleWorkflows: readonly EditorConfig[] = [
  tipCreator,
  cardTopupToWallet,
  weeklyPayout,
  settleToMerchant,
  approvalGatedRefund,
  releaseAtDate,
  noopProbe,
];
