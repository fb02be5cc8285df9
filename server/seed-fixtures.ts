/** Example triggers created in a new database, on the example workflows. */
import type { ExampleWorkflowKey } from '@/lib/orchestration/example-workflows';

/**
 * Trigger bodies; `workflowID` is filled in with the ids of the workflows
 * example workflows. The filters are narrower than the API reference's examples
 * so that the seeded events fire each trigger where intended and the tip's
 * own transaction does not fire the tip again.
 */
export function exampleTriggers(ids: Record<ExampleWorkflowKey, string>) {
  return [
    {
      name: 'large-eur-commit',
      event: 'COMMITTED_TRANSACTIONS',
      workflowID: ids.tipCreator,
      filter:
        'event.ledger == "creators-eu" && event.transactions[0].metadata.fan != nil && any(event.transactions[0].postings, {#.asset == "EUR/2" && #.amount >= 100000})',
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
      filter:
        'event.type == "PAY-IN" && event.status == "SUCCEEDED" && event.scheme in ["visa", "mastercard", "amex"]',
      // lower() fails on a payment without the `customer` metadata: a failed occurrence.
      vars: { paymentID: 'event.id', customerID: 'lower(event.metadata.customer)' },
    },
    {
      name: 'vip-payout-probe',
      event: 'SAVED_PAYMENT',
      workflowID: ids.noopProbe,
      filter: 'event.type == "PAYOUT" && link(event, "destination_account").metadata.tier == "vip"',
    },
  ];
}
