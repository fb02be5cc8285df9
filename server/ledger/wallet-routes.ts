import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { parseRequest } from './route-support';
import type { LedgerServices } from './services';
import { amountSchema, metadataSchema } from './values';

const idParams = z.object({ id: z.string() });
const listQuery = z.object({ name: z.string().optional() });

const subjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ACCOUNT'), identifier: z.string() }),
  z.object({ type: z.literal('WALLET'), identifier: z.string(), balance: z.string().optional() }),
]);
const monetarySchema = z.object({ amount: amountSchema, asset: z.string() });

const createWalletSchema = z.object({
  name: z.string().min(1),
  ledger: z.string().optional(),
  metadata: metadataSchema.default({}),
  /** Named balances to create besides `main`. */
  balances: z.array(z.string()).default([]),
  id: z.string().min(1).optional(),
});

const creditSchema = z.object({
  amount: monetarySchema,
  balance: z.string().optional(),
  sources: z.array(subjectSchema).default([]),
  metadata: metadataSchema.default({}),
  reference: z.string().optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
});

const debitSchema = z.object({
  amount: monetarySchema,
  balances: z.array(z.string()).optional(),
  destination: subjectSchema.optional(),
  metadata: metadataSchema.default({}),
  pending: z.boolean().optional(),
  description: z.string().optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
});

const confirmSchema = z.object({
  amount: amountSchema.optional(),
  final: z.boolean().optional(),
});

/** Registers the wallet and hold routes on a scope already prefixed with `/api/local`. */
export function registerWalletRoutes(scope: FastifyInstance, services: LedgerServices): void {
  const { wallets } = services;

  scope.get('/wallets', async (request) => {
    const query = parseRequest(listQuery, request.query, 'query');
    return { data: wallets.list(query).map((wallet) => wallets.get(wallet.id)) };
  });

  scope.post('/wallets', async (request, reply) => {
    const body = parseRequest(createWalletSchema, request.body, 'wallet');
    return reply.code(201).send({ data: wallets.create(body) });
  });

  scope.get('/wallets/:id', async (request) => {
    const params = parseRequest(idParams, request.params, 'path');
    return { data: wallets.get(params.id) };
  });

  scope.post('/wallets/:id/balances', async (request, reply) => {
    const params = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(z.object({ name: z.string() }), request.body, 'balance');
    wallets.createBalance(params.id, body.name);
    return reply.code(201).send({ data: wallets.get(params.id) });
  });

  scope.post('/wallets/:id/credit', async (request) => {
    const params = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(creditSchema, request.body, 'credit');
    return { data: wallets.credit(params.id, body) };
  });

  scope.post('/wallets/:id/debit', async (request) => {
    const params = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(debitSchema, request.body, 'debit');
    const hold = wallets.debit(params.id, body);
    return { data: { wallet: wallets.get(params.id), ...(hold ? { hold } : {}) } };
  });

  scope.get('/holds/:id', async (request) => {
    const params = parseRequest(idParams, request.params, 'path');
    return { data: wallets.getHold(params.id) };
  });

  scope.post('/holds/:id/confirm', async (request) => {
    const params = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(confirmSchema, request.body, 'confirmation');
    wallets.confirmHold(params.id, body);
    return { data: wallets.getHold(params.id) };
  });

  scope.post('/holds/:id/void', async (request) => {
    const params = parseRequest(idParams, request.params, 'path');
    wallets.voidHold(params.id);
    return { data: wallets.getHold(params.id) };
  });
}
