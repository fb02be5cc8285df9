import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { registerLedgerRoutes } from './routes';
import { openTestDatabase, type TestDatabase } from './test-support';

let t: TestDatabase;
let app: FastifyInstance;

beforeEach(async () => {
  t = openTestDatabase();
  app = Fastify();
  registerLedgerRoutes(app, t.services);
  await app.ready();
});

afterEach(async () => {
  await app.close();
  t.close();
});

async function post(url: string, payload: unknown) {
  const response = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

const fundBody = (destination: string, amount: number) => ({
  postings: [{ source: 'world', destination, amount, asset: 'EUR/2' }],
  metadata: { fan: 'f-12' },
});

describe('registerLedgerRoutes', () => {
  it('creates a transaction and emits COMMITTED_TRANSACTIONS', async () => {
    const created = await post(
      '/api/local/ledgers/creators-eu/transactions',
      fundBody('fans:f-12', 250000),
    );

    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ id: 0, metadata: { fan: 'f-12' } });
    expect(t.events).toHaveLength(1);
    expect(t.events[0]?.payload).toMatchObject({
      ledger: 'creators-eu',
      transactions: [{ postings: [{ amount: 250000, asset: 'EUR/2' }] }],
    });
  });

  it('lists ledgers, accounts with balances and transactions', async () => {
    await post('/api/local/ledgers/shop/transactions', fundBody('users:1', 10));
    await post('/api/local/ledgers/shop/transactions', fundBody('users:2', 20));
    await post('/api/local/ledgers/shop/transactions', fundBody('merchants:1', 30));

    expect((await get('/api/local/ledgers')).body.data).toEqual([
      { name: 'shop', createdAt: expect.any(String) },
    ]);
    const users = await get('/api/local/ledgers/shop/accounts?address=users:');
    expect(users.body.data).toEqual([
      expect.objectContaining({ address: 'users:1', balances: { 'EUR/2': 10 } }),
      expect.objectContaining({ address: 'users:2', balances: { 'EUR/2': 20 } }),
    ]);
    const account = await get('/api/local/ledgers/shop/accounts/merchants:1');
    expect(account.body.data).toMatchObject({
      volumes: { 'EUR/2': { input: 30, output: 0, balance: 30 } },
    });
    const page = await get('/api/local/ledgers/shop/transactions?limit=2&offset=0');
    expect((page.body.data as Array<{ id: number }>).map((tx) => tx.id)).toEqual([2, 1]);
  });

  it('answers errors as errorCode and errorMessage', async () => {
    await post('/api/local/ledgers/shop/transactions', { ...fundBody('a', 5), reference: 'r-1' });
    const cases = [
      [await get('/api/local/ledgers/none/accounts'), 404, 'NOT_FOUND'],
      [await get('/api/local/ledgers/shop/accounts/nobody'), 404, 'NOT_FOUND'],
      [await post('/api/local/ledgers/shop/transactions', { postings: [] }), 400, 'VALIDATION'],
      [
        await post('/api/local/ledgers/shop/transactions', {
          ...fundBody('a', 5),
          reference: 'r-1',
        }),
        409,
        'CONFLICT',
      ],
      [
        await post('/api/local/ledgers/shop/transactions', {
          postings: [{ source: 'a', destination: 'b', amount: 6, asset: 'EUR/2' }],
        }),
        400,
        'INSUFFICIENT_FUND',
      ],
      [await get('/api/local/ledgers/shop/transactions?limit=0'), 400, 'VALIDATION'],
      [await get('/api/local/wallets/missing'), 404, 'NOT_FOUND'],
      [await get('/api/local/payments/missing'), 404, 'NOT_FOUND'],
    ] as const;
    for (const [response, status, errorCode] of cases) {
      expect(response.status, errorCode).toBe(status);
      expect(response.body).toEqual({ errorCode, errorMessage: expect.any(String) });
    }
  });

  it('rejects invalid JSON bodies', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/local/ledgers/shop/transactions',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errorCode: 'VALIDATION' });
  });

  it('adds account metadata and emits SAVED_METADATA', async () => {
    const response = await post('/api/local/ledgers/shop/accounts/users:1/metadata', {
      tier: 'vip',
    });

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ address: 'users:1', metadata: { tier: 'vip' } });
    expect(t.events[0]).toMatchObject({ type: 'SAVED_METADATA' });
    expect((await post('/api/local/ledgers/shop/accounts/users:1/metadata', { n: 1 })).status).toBe(
      400,
    );
  });

  it('creates, lists and credits wallets', async () => {
    const created = await post('/api/local/wallets', {
      name: 'alice',
      metadata: { formanceAccountID: 'acc-1' },
      balances: ['available'],
    });
    const id = (created.body.data as { id: string }).id;
    const credited = await post(`/api/local/wallets/${id}/credit`, {
      amount: { amount: 900, asset: 'EUR/2' },
      balance: 'available',
    });

    expect(created.status).toBe(201);
    expect(credited.status).toBe(200);
    const wallet = await get(`/api/local/wallets/${id}`);
    expect(wallet.body.data).toMatchObject({
      name: 'alice',
      ledger: 'wallets-002',
      balances: { main: { assets: {} }, available: { assets: { 'EUR/2': 900 } } },
    });
    const listed = await get('/api/local/wallets?name=alice');
    expect(listed.body.data).toEqual([wallet.body.data]);
    expect((await post('/api/local/wallets', { metadata: {} })).status).toBe(400);
  });

  it('confirms a hold of a debit', async () => {
    const created = await post('/api/local/wallets', { name: 'bob', ledger: 'shop' });
    const id = (created.body.data as { id: string }).id;
    await post(`/api/local/wallets/${id}/credit`, { amount: { amount: 100, asset: 'USD' } });
    const debited = await post(`/api/local/wallets/${id}/debit`, {
      amount: { amount: 70, asset: 'USD' },
      pending: true,
    });
    const hold = (debited.body.data as { hold: { id: string } }).hold;
    const confirmed = await post(`/api/local/holds/${hold.id}/confirm`, {});

    expect(confirmed.body.data).toMatchObject({ status: 'CONFIRMED' });
    expect(t.services.ledger.balanceOf('shop', 'world', 'USD')).toBe(-30n);
  });

  it('seeds payments and lists transfers', async () => {
    const created = await post('/api/local/payments', {
      id: 'pay-9',
      initialAmount: 5000,
      asset: 'EUR/2',
      metadata: { customer: 'c-1' },
    });
    const replaced = await post('/api/local/payments', {
      id: 'pay-9',
      initialAmount: 5000,
      asset: 'EUR/2',
      status: 'FAILED',
    });

    expect(created.status).toBe(201);
    expect(replaced.status).toBe(200);
    expect((await get('/api/local/payments')).body.data).toEqual([
      expect.objectContaining({ id: 'pay-9', status: 'FAILED' }),
    ]);
    expect(t.events.map((e) => e.type)).toEqual(['SAVED_PAYMENT', 'SAVED_PAYMENT']);
    expect((await post('/api/local/payments', { asset: 'EUR/2' })).status).toBe(400);
    expect((await get('/api/local/transfer-initiations')).body).toEqual({ data: [] });
  });
});
