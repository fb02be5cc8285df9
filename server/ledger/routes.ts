import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { notFoundError } from './errors';
import { paymentInputSchema } from './payments';
import { pageQuerySchema, parseRequest, setLocalErrorHandler } from './route-support';
import type { LedgerServices } from './services';
import { amountSchema, metadataSchema } from './values';
import { registerWalletRoutes } from './wallet-routes';

const ledgerParams = z.object({ ledger: z.string() });
const accountParams = z.object({ ledger: z.string(), address: z.string() });
const accountsQuery = z.object({ address: z.string().optional() });
const paymentParams = z.object({ id: z.string() });

const newTransactionSchema = z.object({
  postings: z
    .array(
      z.object({
        source: z.string(),
        destination: z.string(),
        amount: amountSchema,
        asset: z.string(),
      }),
    )
    .min(1),
  metadata: metadataSchema.default({}),
  reference: z.string().optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Registers the local ledger, wallets and payments API under `/api/local`.
 * These routes are Flowdeck's own (not Formance's): they let users and tests
 * inspect balances, fund accounts, create wallets and seed payments, which in
 * turn publish the events that fire triggers. Success bodies are `{data}`.
 */
export function registerLedgerRoutes(app: FastifyInstance, services: LedgerServices): void {
  const { ledger, payments } = services;

  void app.register(
    async (scope) => {
      setLocalErrorHandler(scope);

      scope.get('/ledgers', async () => ({ data: ledger.listLedgers() }));

      scope.get('/ledgers/:ledger/accounts', async (request) => {
        const params = parseRequest(ledgerParams, request.params, 'path');
        const query = parseRequest(accountsQuery, request.query, 'query');
        return { data: ledger.listAccounts(params.ledger, { addressPrefix: query.address }) };
      });

      scope.get('/ledgers/:ledger/accounts/:address', async (request) => {
        const params = parseRequest(accountParams, request.params, 'path');
        const account = ledger.findAccount(params.ledger, params.address);
        if (!account) {
          throw notFoundError(`account '${params.address}' not found in ledger '${params.ledger}'`);
        }
        return { data: account };
      });

      scope.post('/ledgers/:ledger/accounts/:address/metadata', async (request) => {
        const params = parseRequest(accountParams, request.params, 'path');
        const metadata = parseRequest(metadataSchema, request.body, 'metadata');
        ledger.addAccountMetadata(params.ledger, params.address, metadata);
        return { data: ledger.findAccount(params.ledger, params.address) };
      });

      scope.get('/ledgers/:ledger/transactions', async (request) => {
        const params = parseRequest(ledgerParams, request.params, 'path');
        const page = parseRequest(pageQuerySchema, request.query, 'query');
        return { data: ledger.listTransactions(params.ledger, page) };
      });

      scope.post('/ledgers/:ledger/transactions', async (request, reply) => {
        const params = parseRequest(ledgerParams, request.params, 'path');
        const body = parseRequest(newTransactionSchema, request.body, 'transaction');
        const transaction = ledger.createTransaction(params.ledger, body);
        return reply.code(201).send({ data: transaction });
      });

      registerWalletRoutes(scope, services);

      scope.get('/payments', async () => ({ data: payments.list() }));

      scope.get('/payments/:id', async (request) => {
        const params = parseRequest(paymentParams, request.params, 'path');
        return { data: payments.get(params.id) };
      });

      scope.post('/payments', async (request, reply) => {
        const body = parseRequest(paymentInputSchema, request.body, 'payment');
        const existed = body.id !== undefined && payments.find(body.id) !== undefined;
        const payment = payments.save(body);
        return reply.code(existed ? 200 : 201).send({ data: payment });
      });

      scope.get('/transfer-initiations', async () => ({
        data: payments.listTransferInitiations(),
      }));
    },
    { prefix: '/api/local' },
  );
}
