import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { notFoundError, validationError } from './errors';
import type { Ledger } from './ledger';
import { amountSchema, assertAsset, metadataSchema, toJsonNumber, type Metadata } from './values';

// Enums of the orchestration SDK 2.7.0 payment model (V2Payment, V2Connector):
// the SDK rejects a GetPayment activity output with any other value.
export const paymentProviders = [
  'STRIPE',
  'DUMMY-PAY',
  'WISE',
  'MODULR',
  'CURRENCY-CLOUD',
  'BANKING-CIRCLE',
  'MANGOPAY',
  'MONEYCORP',
] as const;
export const paymentStatuses = [
  'PENDING',
  'ACTIVE',
  'TERMINATED',
  'FAILED',
  'SUCCEEDED',
  'CANCELLED',
] as const;
export const paymentTypes = ['PAY-IN', 'PAYOUT', 'TRANSFER', 'OTHER'] as const;
export const paymentSchemes = [
  'visa',
  'mastercard',
  'amex',
  'diners',
  'discover',
  'jcb',
  'unionpay',
  'sepa debit',
  'sepa credit',
  'sepa',
  'apple pay',
  'google pay',
  'a2a',
  'ach debit',
  'ach',
  'rtp',
  'unknown',
  'other',
] as const;

/** Request body that creates or replaces a payment (`POST /api/local/payments`). */
export const paymentInputSchema = z.object({
  id: z.string().min(1).optional(),
  provider: z.enum(paymentProviders).default('DUMMY-PAY'),
  connectorID: z.string().min(1).optional(),
  type: z.enum(paymentTypes).default('PAY-IN'),
  status: z.enum(paymentStatuses).default('SUCCEEDED'),
  scheme: z.enum(paymentSchemes).default('other'),
  initialAmount: amountSchema,
  /** Current amount; defaults to `initialAmount`. */
  amount: amountSchema.optional(),
  asset: z.string(),
  reference: z.string().optional(),
  metadata: metadataSchema.default({}),
  sourceAccountID: z.string().default(''),
  destinationAccountID: z.string().default(''),
  createdAt: z.iso.datetime({ offset: true }).optional(),
});
export type PaymentInput = z.input<typeof paymentInputSchema>;

/** A payment as the Formance Payments v1 API returns it. */
export interface Payment {
  id: string;
  provider: (typeof paymentProviders)[number];
  connectorID: string;
  type: (typeof paymentTypes)[number];
  status: (typeof paymentStatuses)[number];
  scheme: (typeof paymentSchemes)[number];
  initialAmount: number;
  amount: number;
  asset: string;
  reference: string;
  metadata: Metadata;
  sourceAccountID: string;
  destinationAccountID: string;
  createdAt: string;
  adjustments: unknown[];
  raw: Record<string, unknown>;
}

export const transferTypes = ['TRANSFER', 'PAYOUT'] as const;

/**
 * Ledger whose accounts represent the PSP accounts that payments come from and
 * go to (the accounts of Formance Payments). `sourceAccountID` and
 * `destinationAccountID` are addresses in it. Set their metadata with
 * `POST /api/local/ledgers/psp-accounts/accounts/<id>/metadata`.
 */
export const pspAccountsLedger = 'psp-accounts';

/** A link of an event payload, which trigger expressions follow with link(event, name). */
export interface PayloadLink {
  name: string;
  uri: string;
}

/**
 * Links of a SAVED_PAYMENT payload, named as Formance Payments names them. The
 * uris are paths of this server's /api/local routes, not of Formance Payments.
 */
export function paymentLinks(payment: Payment): PayloadLink[] {
  const accountUri = (id: string) =>
    `/api/local/ledgers/${pspAccountsLedger}/accounts/${encodeURIComponent(id)}`;
  const links: PayloadLink[] = [];
  if (payment.sourceAccountID !== '') {
    links.push({ name: 'source_account', uri: accountUri(payment.sourceAccountID) });
  }
  if (payment.destinationAccountID !== '') {
    links.push({ name: 'destination_account', uri: accountUri(payment.destinationAccountID) });
  }
  return links;
}

export interface TransferInitiationRequest {
  amount: unknown;
  asset: string;
  /** Connector name in any case, such as `wise`; stored upper-cased. */
  provider?: string;
  type?: string;
  destination: string;
  source?: string;
  connectorID?: string;
  description?: string;
  metadata?: Metadata;
  waitingValidation?: boolean;
  reference?: string;
}

export interface TransferInitiation {
  id: string;
  reference: string;
  createdAt: string;
  amount: number;
  asset: string;
  provider?: string;
  type: (typeof transferTypes)[number];
  destination: string;
  source?: string;
  connectorID?: string;
  description: string;
  metadata: Metadata;
  waitingValidation: boolean;
  status: 'WAITING_FOR_VALIDATION' | 'PROCESSING';
}

export interface Payments {
  /** Creates or replaces a payment and publishes `SAVED_PAYMENT`. */
  save(input: PaymentInput): Payment;
  get(id: string): Payment;
  find(id: string): Payment | undefined;
  list(): Payment[];
  createTransferInitiation(request: TransferInitiationRequest): TransferInitiation;
  listTransferInitiations(): TransferInitiation[];
}

export function createPayments(ledger: Ledger): Payments {
  const { db, clock } = ledger;
  const statements = {
    upsert: db.prepare(
      `INSERT INTO ledger_payments (id, data, created_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
    ),
    get: db.prepare('SELECT data FROM ledger_payments WHERE id = ?'),
    list: db.prepare('SELECT data FROM ledger_payments ORDER BY created_at DESC, rowid DESC'),
    insertTransfer: db.prepare(
      'INSERT INTO ledger_transfer_initiations (id, data, created_at) VALUES (?, ?, ?)',
    ),
    listTransfers: db.prepare(
      'SELECT data FROM ledger_transfer_initiations ORDER BY created_at DESC, rowid DESC',
    ),
  };

  function find(id: string): Payment | undefined {
    const row = statements.get.get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Payment) : undefined;
  }

  function save(input: PaymentInput): Payment {
    const parsed = paymentInputSchema.safeParse(input);
    if (!parsed.success) {
      throw validationError(`invalid payment: ${z.prettifyError(parsed.error)}`);
    }
    const request = parsed.data;
    assertAsset(request.asset);
    const id = request.id ?? randomUUID();
    const previous = find(id);
    const payment: Payment = {
      id,
      provider: request.provider,
      connectorID: request.connectorID ?? `local-${request.provider.toLowerCase()}`,
      type: request.type,
      status: request.status,
      scheme: request.scheme,
      initialAmount: toJsonNumber(request.initialAmount),
      amount: toJsonNumber(request.amount ?? request.initialAmount),
      asset: request.asset,
      reference: request.reference ?? id,
      metadata: request.metadata,
      sourceAccountID: request.sourceAccountID,
      destinationAccountID: request.destinationAccountID,
      createdAt: request.createdAt ?? previous?.createdAt ?? clock().toISOString(),
      adjustments: [],
      raw: {},
    };
    ledger.write(() => {
      statements.upsert.run(id, JSON.stringify(payment), payment.createdAt);
      ledger.outbox.enqueue('payments', 'SAVED_PAYMENT', {
        ...payment,
        links: paymentLinks(payment),
      });
    });
    return payment;
  }

  function get(id: string): Payment {
    const payment = find(id);
    if (!payment) {
      throw notFoundError(`payment '${id}' not found`);
    }
    return payment;
  }

  function list(): Payment[] {
    const rows = statements.list.all() as Array<{ data: string }>;
    return rows.map((row) => JSON.parse(row.data) as Payment);
  }

  function createTransferInitiation(request: TransferInitiationRequest): TransferInitiation {
    const amount = amountSchema.safeParse(request.amount);
    if (!amount.success) {
      throw validationError(`invalid transfer amount '${String(request.amount)}'`);
    }
    assertAsset(request.asset);
    const type = (request.type || 'TRANSFER').toUpperCase();
    if (!(transferTypes as readonly string[]).includes(type)) {
      throw validationError(`invalid transfer type '${request.type}': use TRANSFER or PAYOUT`);
    }
    const provider = request.provider ? request.provider.toUpperCase() : undefined;
    if (provider !== undefined && !(paymentProviders as readonly string[]).includes(provider)) {
      throw validationError(
        `unsupported payment provider '${request.provider}': use one of ${paymentProviders.join(', ')}`,
      );
    }
    if (!request.destination) {
      throw validationError('a transfer initiation needs a destination account id');
    }

    const id = randomUUID();
    const waitingValidation = request.waitingValidation ?? false;
    const transfer: TransferInitiation = {
      id,
      reference: request.reference ?? id,
      createdAt: clock().toISOString(),
      amount: toJsonNumber(amount.data),
      asset: request.asset,
      provider,
      type: type as TransferInitiation['type'],
      destination: request.destination,
      source: request.source,
      connectorID: request.connectorID,
      description:
        request.description ||
        (request.provider ? `${request.provider} ${type}` : `Transfer Initiation (${type})`),
      metadata: request.metadata ?? {},
      waitingValidation,
      status: waitingValidation ? 'WAITING_FOR_VALIDATION' : 'PROCESSING',
    };
    statements.insertTransfer.run(id, JSON.stringify(transfer), transfer.createdAt);
    return transfer;
  }

  function listTransferInitiations(): TransferInitiation[] {
    const rows = statements.listTransfers.all() as Array<{ data: string }>;
    return rows.map((row) => JSON.parse(row.data) as TransferInitiation);
  }

  return { save, get, find, list, createTransferInitiation, listTransferInitiations };
}
