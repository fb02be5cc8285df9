/**
 * Example workflows and triggers created in a new database: a tip between
 * creators, a card top-up, a payout, a settlement with a delay, an approval
 * gate, a scheduled release, a trigger probe and a delay-then-wait demo.
 */
export const exampleWorkflows = {
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
};

/** Trigger bodies; `workflowID` is filled in with the ids of the workflows created above. */
export function exampleTriggers(ids: { tipCreator: string; cardTopup: string; noopProbe: string }) {
  return [
    {
      name: 'large-eur-commit',
      event: 'COMMITTED_TRANSACTIONS',
      workflowID: ids.tipCreator,
      filter:
        'event.ledger == "creators-eu" && any(event.transactions[0].postings, {#.asset == "EUR/2" && #.amount >= 100000})',
      vars: {
        fanID: 'event.transactions[0].metadata.fan',
        creatorID: 'event.transactions[0].metadata.creator',
        cents: 'event.transactions[0].postings[0].amount',
        campaign: 'event.transactions[0].metadata.campaign ?? "none"',
      },
    },
    {
      name: 'captured-card-payins',
      event: 'SAVED_PAYMENT',
      version: 'v2',
      workflowID: ids.cardTopup,
      filter: 'event.type == "PAY-IN" && event.status == "SUCCEEDED"',
      vars: { paymentID: 'event.id', customerID: 'event.metadata.customer' },
    },
    {
      name: 'vip-payout-probe',
      event: 'SAVED_PAYMENT',
      workflowID: ids.noopProbe,
      filter: 'event.type == "PAYOUT" && link(event, "destination_account").metadata.tier == "vip"',
    },
  ];
}
