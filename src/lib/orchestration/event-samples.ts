/**
 * Known Formance event types, each with a sample payload: what `event` is bound
 * to in a trigger's filter and variables. The ledger and payments samples have
 * the shapes the local server emits (server/ledger/ledger.ts, payments.ts), the
 * orchestration samples those of server/events/orchestration-events.ts.
 *
 * Also the test suites of triggers: named sample payloads with the outcome
 * expected from the trigger, stored by the Flowdeck server per connection.
 */
import { z } from 'zod';

export type EventEmitter = 'ledger' | 'payments' | 'orchestration';

export type EventSample = {
  type: string;
  emitter: EventEmitter;
  /** Envelope `version` the emitter sets. */
  version: string;
  description: string;
  /** Whether the local server emits this type; the others are only offered for remote stacks. */
  emittedLocally: boolean;
  payload: Record<string, unknown>;
};

const sampleDate = '2026-03-02T09:15:04.120Z';

const sampleTransaction = {
  id: 42,
  postings: [
    {
      source: 'fans:f-12:wallet',
      destination: 'creators:c-9:earnings',
      amount: 250000,
      asset: 'EUR/2',
    },
  ],
  metadata: { fan: 'f-12', creator: 'c-9' },
  timestamp: sampleDate,
  reverted: false,
  insertedAt: sampleDate,
};

export const eventSamples: readonly EventSample[] = [
  {
    type: 'COMMITTED_TRANSACTIONS',
    emitter: 'ledger',
    version: 'v2',
    description: 'A ledger transaction was committed.',
    emittedLocally: true,
    payload: { ledger: 'creators-eu', transactions: [sampleTransaction], accountMetadata: {} },
  },
  {
    type: 'SAVED_METADATA',
    emitter: 'ledger',
    version: 'v2',
    description: 'Metadata was added to a ledger account.',
    emittedLocally: true,
    payload: {
      ledger: 'merchant-books',
      targetType: 'ACCOUNT',
      targetId: 'merchants:m-7',
      metadata: { tier: 'gold' },
    },
  },
  {
    // NOTE: not emitted by the local server; the shape is an assumption.
    type: 'REVERTED_TRANSACTION',
    emitter: 'ledger',
    version: 'v2',
    description: 'A ledger transaction was reverted.',
    emittedLocally: false,
    payload: {
      ledger: 'creators-eu',
      revertedTransaction: { ...sampleTransaction, reverted: true },
      revertTransaction: {
        ...sampleTransaction,
        id: 43,
        postings: [
          {
            source: 'creators:c-9:earnings',
            destination: 'fans:f-12:wallet',
            amount: 250000,
            asset: 'EUR/2',
          },
        ],
      },
    },
  },
  {
    // NOTE: not emitted by the local server; the shape is an assumption.
    type: 'DELETED_METADATA',
    emitter: 'ledger',
    version: 'v2',
    description: 'A metadata key was removed from a ledger account or transaction.',
    emittedLocally: false,
    payload: {
      ledger: 'merchant-books',
      targetType: 'ACCOUNT',
      targetId: 'merchants:m-7',
      key: 'tier',
    },
  },
  {
    type: 'SAVED_PAYMENT',
    emitter: 'payments',
    version: 'v2',
    description: 'A payment was created or updated by a payment provider connector.',
    emittedLocally: true,
    payload: {
      id: 'pay-card-0001',
      provider: 'STRIPE',
      connectorID: 'local-stripe',
      type: 'PAY-IN',
      status: 'SUCCEEDED',
      scheme: 'visa',
      initialAmount: 4999,
      amount: 4999,
      asset: 'USD/2',
      reference: 'pay-card-0001',
      metadata: { customer: 'CUS-81' },
      sourceAccountID: 'stripe-card-81',
      destinationAccountID: 'stripe-balance',
      createdAt: sampleDate,
      adjustments: [],
      raw: {},
      links: [
        {
          name: 'source_account',
          uri: '/api/local/ledgers/psp-accounts/accounts/stripe-card-81',
        },
        {
          name: 'destination_account',
          uri: '/api/local/ledgers/psp-accounts/accounts/stripe-balance',
        },
      ],
    },
  },
  {
    // NOTE: not emitted by the local server; the shape is an assumption.
    type: 'SAVED_ACCOUNT',
    emitter: 'payments',
    version: 'v2',
    description: 'A payment provider account was created or updated.',
    emittedLocally: false,
    payload: {
      id: 'stripe-card-81',
      reference: 'stripe-card-81',
      createdAt: sampleDate,
      connectorID: 'local-stripe',
      provider: 'STRIPE',
      defaultAsset: 'USD/2',
      accountName: 'Card 81',
      type: 'EXTERNAL',
      metadata: {},
    },
  },
  ...orchestrationSamples(),
];

function orchestrationSamples(): EventSample[] {
  const workflowID = 'a3e9c0d2-6b1f-4e85-8f7a-0c9d2e1b4a66';
  const instanceID = '5f0c2a9e-1d7b-4c1e-9a63-2b8d0e4f7a10';
  const triggerID = '0b6f9a1e-3c2d-4e5f-8a7b-9c0d1e2f3a4b';
  const occurrenceID = '7d1e2f3a-4b5c-4d6e-8f7a-1b2c3d4e5f60';
  const sample = (type: string, description: string, payload: Record<string, unknown>) => ({
    type,
    emitter: 'orchestration' as const,
    version: 'v2',
    description,
    emittedLocally: true,
    payload,
  });

  return [
    sample('STARTED_WORKFLOW', 'A workflow instance started.', { id: workflowID, instanceID }),
    sample('SUCCEEDED_WORKFLOW', 'A workflow instance succeeded.', { id: workflowID, instanceID }),
    sample('FAILED_WORKFLOW', 'A workflow instance failed.', {
      id: workflowID,
      instanceID,
      error: 'insufficient funds',
    }),
    sample('STARTED_WORKFLOW_STAGE', 'A stage of an instance started.', {
      id: workflowID,
      instanceID,
      number: 0,
    }),
    sample('SUCCEEDED_WORKFLOW_STAGE', 'A stage of an instance succeeded.', {
      id: workflowID,
      instanceID,
      number: 0,
    }),
    sample('FAILED_WORKFLOW_STAGE', 'A stage of an instance failed.', {
      id: workflowID,
      instanceID,
      number: 0,
      error: 'insufficient funds',
    }),
    sample('SUCCEEDED_TRIGGER', 'A trigger started its workflow.', {
      id: occurrenceID,
      triggerID,
      workflowInstanceID: instanceID,
    }),
    sample('FAILED_TRIGGER', 'A trigger failed to evaluate its variables.', {
      id: occurrenceID,
      triggerID,
      error: 'invalid operation: <nil> + <nil> (1:3)',
    }),
  ];
}

/** Returns the sample of a known event type, or undefined for a free-text type. */
export function findEventSample(type: string): EventSample | undefined {
  return eventSamples.find((sample) => sample.type === type);
}

/** Limits of a trigger test suite, enforced by the Flowdeck server. */
export const triggerSuiteLimits = { maxCases: 100, maxNameLength: 120 } as const;

export const triggerSuiteCaseSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(triggerSuiteLimits.maxNameLength),
  /** What `event` is bound to, as in testTrigger. */
  payload: z.record(z.string(), z.unknown()),
  expect: z.object({
    match: z.boolean(),
    /** Expected values of some variables (formatted like testTrigger); others are not checked. */
    variables: z.record(z.string(), z.string()).optional(),
  }),
});
export type TriggerSuiteCase = z.infer<typeof triggerSuiteCaseSchema>;

/** Request body of `PUT …/trigger-suites/:triggerId`. */
export const triggerSuiteInputSchema = z.object({
  cases: z
    .array(triggerSuiteCaseSchema)
    .max(triggerSuiteLimits.maxCases)
    .refine((cases) => new Set(cases.map((item) => item.name)).size === cases.length, {
      message: 'case names must be unique',
    }),
});
export type TriggerSuiteInput = z.infer<typeof triggerSuiteInputSchema>;

export const triggerSuiteSchema = triggerSuiteInputSchema.extend({
  connectionID: z.string(),
  triggerID: z.string(),
  /** RFC 3339; absent when no suite was saved yet. */
  updatedAt: z.string().optional(),
});
export type TriggerSuite = z.infer<typeof triggerSuiteSchema>;
