/**
 * Fuzzing over HTTP: thousands of malformed or hostile requests, drawn from a
 * seeded PRNG, against the real server in a child process on a loopback port.
 * Every response must have a documented status with the JSON error body of the
 * API, the server must stay up, and afterwards the database must pass
 * `PRAGMA integrity_check` and a normal workflow must still run.
 */
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { call, createTestServer, expectError } from '../testing/test-server';
import { startChildServer, type ChildServer } from './child-server';

const port = 18153;
const seed = 20_260_611;
const maxRequests = 4_000;
const timeBudgetMs = 35_000;
const concurrency = 8;
const requestTimeoutMs = 10_000;

const orchestrationCodes = new Set(['VALIDATION', 'NOT_FOUND', 'INTERNAL']);
const localCodes = new Set([...orchestrationCodes, 'INSUFFICIENT_FUND', 'CONFLICT']);
const successStatuses = new Set([200, 201, 204]);
const errorStatuses = new Set([400, 404, 409, 413, 415]);

/** mulberry32: a small seeded PRNG, so that a failing run can be replayed. */
function createRandom(initial: number) {
  let state = initial >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const integer = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[integer(items.length)] as T;

  return { next, integer, pick, chance: (probability: number) => next() < probability };
}
type Random = ReturnType<typeof createRandom>;

const hostileStrings = [
  '',
  ' ',
  'null',
  '0',
  '-1',
  '1e309',
  '💥',
  'é',
  'ß\u0301',
  '\u0000',
  '\ud800',
  '../../etc/passwd',
  '..\\..\\windows',
  "' OR '1'='1",
  '"; DROP TABLE instances; --',
  'a'.repeat(5_000),
  '${x}',
  '${',
  '%s%n%x',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'world',
  'users:1',
  'USD/2',
  '2025-01-01T00:00:00Z',
  'true',
];

const hostileValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  1e308,
  -1e308,
  [],
  {},
  [[[]]],
  { a: { b: { c: {} } } },
  ...hostileStrings,
];

/** Raw path segments: some percent-encoded, some raw on purpose (`..`, `%`). */
const hostileSegments = [
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  '%zz',
  '%F0%9F%92%A5',
  encodeURIComponent('💥ünïcode'),
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('"; DROP TABLE workflows; --'),
  'x'.repeat(3_000),
  '00000000-0000-4000-8000-000000000000',
  'not-a-uuid',
  '-1',
  '99999999999999999999999',
  '1.5',
  '__proto__',
  'constructor',
  '%20',
  '%2F',
  ';',
  '~',
];

const hostileQueries = [
  'pageSize=-1',
  'pageSize=abc',
  'pageSize=1e400',
  'pageSize=99999999999999999999',
  'pageSize=',
  'pageSize=0',
  'pageSize=100&pageSize=abc',
  'cursor=',
  'cursor=%%%',
  'cursor=abc',
  `cursor=${Buffer.from('{"offset":-5,"pageSize":1000}').toString('base64url')}`,
  `cursor=${Buffer.from('{"offset":1e300,"pageSize":10}').toString('base64url')}`,
  `cursor=${Buffer.from('[]').toString('base64url')}`,
  `cursor=${Buffer.from('"x"').toString('base64url')}`,
  'running=maybe',
  'running=1',
  'running[]=true',
  'workflowID=%00',
  `workflowID=${'w'.repeat(4_000)}`,
  'name=%25',
  "name='--",
  'wait=TRUE',
  'wait=yes',
  'limit=-5',
  'limit=abc',
  'limit=100000',
  'offset=-1',
  'offset=abc',
  'address=%00',
  'address=__proto__',
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  '&&&==&',
];

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/vnd.yaml',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json, text/plain',
  '',
];

type Pools = {
  workflows: string[];
  instances: string[];
  triggers: string[];
  wallets: string[];
  holds: string[];
  payments: string[];
  ledgers: string[];
  addresses: string[];
};

type Route = {
  method: string;
  /** Path template; `:name` takes an id from the pool of that name. */
  path: string;
  /** Valid body the mutations start from. */
  body?: (pools: Pools, random: Random) => unknown;
  queries?: string[];
};

const poolOf: Record<string, keyof Pools> = {
  flowId: 'workflows',
  instanceID: 'instances',
  triggerID: 'triggers',
  walletId: 'wallets',
  holdId: 'holds',
  paymentId: 'payments',
  ledger: 'ledgers',
  address: 'addresses',
};

const workflowBodies = [
  { name: 'fuzz', stages: [{ noop: {} }] },
  { stages: [{ delay: { duration: '${d}' } }, { wait_event: { event: 'go' } }] },
  {
    stages: [
      {
        send: {
          source: { account: { id: 'world' } },
          destination: { account: { id: 'fuzz:${x}' } },
          amount: { amount: '${n}', asset: 'USD' },
        },
      },
    ],
  },
  { stages: [{ update: { account: { id: 'fuzz:a', metadata: { k: '${v}' } } } }] },
  { name: 'long', stages: Array.from({ length: 200 }, () => ({ noop: {} })) },
];

const expressions = [
  'event.a == 1',
  'link(event, "x").y',
  'any(event.items, {#.amount > 0})',
  '1..1000000000',
  '"a" matches "(a+)+$"',
  '('.repeat(500) + '1' + ')'.repeat(500),
  'event' + '.a'.repeat(2_000),
  'len(repeat("x", 100000000))',
  'fromJSON(event.s)',
  'event.a +',
];

function orchestrationRoutes(prefix: string, v2: boolean): Route[] {
  const pageQueries = v2 ? ['pageSize=5', 'pageSize=200'] : [];
  const routes: Route[] = [
    { method: 'GET', path: `${prefix}/_info` },
    { method: 'GET', path: `${prefix}/workflows`, queries: pageQueries },
    { method: 'POST', path: `${prefix}/workflows`, body: (_p, r) => r.pick(workflowBodies) },
    { method: 'GET', path: `${prefix}/workflows/:flowId` },
    { method: 'DELETE', path: `${prefix}/workflows/:flowId` },
    {
      method: 'POST',
      path: `${prefix}/workflows/:flowId/instances`,
      body: () => ({ d: '10ms', x: 'a', n: '1', v: 'b' }),
      queries: ['wait=false', 'wait=0'],
    },
    {
      method: 'GET',
      path: `${prefix}/instances`,
      queries: [...pageQueries, 'running=true', 'workflowID=x'],
    },
    { method: 'GET', path: `${prefix}/instances/:instanceID` },
    {
      method: 'POST',
      path: `${prefix}/instances/:instanceID/events`,
      body: () => ({ name: 'go' }),
    },
    { method: 'PUT', path: `${prefix}/instances/:instanceID/abort` },
    { method: 'GET', path: `${prefix}/instances/:instanceID/history` },
    { method: 'GET', path: `${prefix}/instances/:instanceID/stages/0/history` },
    { method: 'GET', path: `${prefix}/instances/:instanceID/stages/:instanceID/history` },
    { method: 'GET', path: `${prefix}/triggers`, queries: [...pageQueries, 'name=fuzz'] },
    {
      method: 'POST',
      path: `${prefix}/triggers`,
      body: (pools, r) => ({
        event: r.pick(['COMMITTED_TRANSACTIONS', 'SAVED_PAYMENT', 'FUZZ']),
        workflowID: r.pick(pools.workflows),
        name: 'fuzz',
        filter: r.pick(expressions),
        vars: { v: r.pick(expressions) },
      }),
    },
    { method: 'GET', path: `${prefix}/triggers/:triggerID` },
    { method: 'DELETE', path: `${prefix}/triggers/:triggerID` },
    { method: 'GET', path: `${prefix}/triggers/:triggerID/occurrences`, queries: pageQueries },
  ];
  if (v2) {
    routes.push({
      method: 'POST',
      path: `${prefix}/triggers/:triggerID/test`,
      body: (_p, r) => ({
        a: 1,
        items: [{ amount: 2 }],
        s: '{"x":',
        links: [
          { name: 'x', uri: r.pick(['/api/local/ledgers', 'http://127.0.0.1:1/x', 'file:///']) },
        ],
      }),
    });
  }

  return routes;
}

const localRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/local/events',
    body: (_p, r) => ({
      type: r.pick(['COMMITTED_TRANSACTIONS', 'SAVED_PAYMENT', 'FUZZ']),
      payload: { id: 'p-1', type: 'PAYOUT', links: [{ name: 'x', uri: '/api/local/ledgers' }] },
    }),
  },
  { method: 'GET', path: '/api/local/ledgers' },
  { method: 'GET', path: '/api/local/ledgers/:ledger/accounts', queries: ['address=fuzz'] },
  { method: 'GET', path: '/api/local/ledgers/:ledger/accounts/:address' },
  {
    method: 'POST',
    path: '/api/local/ledgers/:ledger/accounts/:address/metadata',
    body: () => ({ k: 'v' }),
  },
  {
    method: 'GET',
    path: '/api/local/ledgers/:ledger/transactions',
    queries: ['limit=5&offset=1'],
  },
  {
    method: 'POST',
    path: '/api/local/ledgers/:ledger/transactions',
    body: (_p, r) => ({
      postings: [
        {
          source: r.pick(['world', 'fuzz:a', 'fuzz:b']),
          destination: r.pick(['fuzz:a', 'fuzz:b']),
          amount: r.integer(1_000),
          asset: 'USD',
        },
      ],
      metadata: { k: 'v' },
      reference: r.chance(0.3) ? 'ref-1' : undefined,
    }),
  },
  { method: 'GET', path: '/api/local/wallets', queries: ['name=fuzz'] },
  {
    method: 'POST',
    path: '/api/local/wallets',
    body: (_p, r) => ({ name: 'fuzz', balances: r.chance(0.5) ? ['extra'] : [] }),
  },
  { method: 'GET', path: '/api/local/wallets/:walletId' },
  { method: 'POST', path: '/api/local/wallets/:walletId/balances', body: () => ({ name: 'b2' }) },
  {
    method: 'POST',
    path: '/api/local/wallets/:walletId/credit',
    body: () => ({
      amount: { amount: 100, asset: 'USD' },
      sources: [{ type: 'ACCOUNT', identifier: 'world' }],
    }),
  },
  {
    method: 'POST',
    path: '/api/local/wallets/:walletId/debit',
    body: (_p, r) => ({ amount: { amount: 1, asset: 'USD' }, pending: r.chance(0.5) }),
  },
  { method: 'GET', path: '/api/local/holds/:holdId' },
  { method: 'POST', path: '/api/local/holds/:holdId/confirm', body: () => ({ amount: 1 }) },
  { method: 'POST', path: '/api/local/holds/:holdId/void' },
  { method: 'GET', path: '/api/local/payments' },
  { method: 'GET', path: '/api/local/payments/:paymentId' },
  {
    method: 'POST',
    path: '/api/local/payments',
    body: (_p, r) => ({
      id: r.chance(0.5) ? 'pay-fuzz' : undefined,
      initialAmount: 10,
      asset: 'USD/2',
      type: r.pick(['PAY-IN', 'PAYOUT']),
      destinationAccountID: 'acc-1',
    }),
  },
  { method: 'GET', path: '/api/local/transfer-initiations' },
];

const routes: Route[] = [
  ...orchestrationRoutes('/api/orchestration', false),
  ...orchestrationRoutes('/api/orchestration/v2', true),
  ...localRoutes,
  { method: 'GET', path: '/_healthcheck' },
];

/** Replaces a random part of `value` with a hostile value, to some depth. */
function mutate(value: unknown, random: Random, depth = 0): unknown {
  if (depth > 4 || random.chance(0.25)) return random.pick(hostileValues);
  if (Array.isArray(value)) {
    if (value.length === 0 || random.chance(0.2)) return [...value, random.pick(hostileValues)];
    const copy = [...value];
    const index = random.integer(copy.length);
    copy[index] = mutate(copy[index], random, depth + 1);

    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...value };
    const keys = Object.keys(copy);
    const action = random.integer(4);
    if (action === 0 && keys.length > 0) delete copy[random.pick(keys)];
    else if (action === 1)
      copy[random.pick(['unknown', 'extra', '__proto__', 'id'])] = random.pick(hostileValues);
    else if (keys.length > 0) {
      const key = random.pick(keys);
      copy[key] = mutate(copy[key], random, depth + 1);
    }

    return copy;
  }

  return random.pick(hostileValues);
}

function deepNesting(random: Random): string {
  const depth = random.pick([100, 1_000, 10_000, 100_000]);
  if (random.chance(0.5)) return '['.repeat(depth) + ']'.repeat(depth);

  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Raw body text: valid JSON of the template, a mutation of it, or something broken. */
function bodyText(route: Route, pools: Pools, random: Random): string | undefined {
  const template = route.body?.(pools, random);
  const roll = random.integer(14);
  if (roll === 0) return undefined;
  if (roll === 1) return '{"name": ';
  if (roll === 2) return deepNesting(random);
  if (roll === 3) return JSON.stringify({ blob: 'x'.repeat(random.pick([900_000, 1_200_000])) });
  if (roll === 4) return '\u0000\u0001\ufffe';
  if (roll === 5)
    return '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}';
  if (roll === 6) {
    // A YAML alias bomb (each level doubles the references).
    const levels = Array.from(
      { length: 30 },
      (_, index) => `l${index + 1}: &l${index + 1} [*l${index}, *l${index}]`,
    );
    return ['l0: &l0 ["x"]', ...levels].join('\n');
  }
  if (roll === 7) return JSON.stringify(Array.from({ length: 20_000 }, () => ({ noop: {} })));
  if (roll <= 10 || template === undefined) return JSON.stringify(mutate(template ?? {}, random));

  return JSON.stringify(template);
}

function fillPath(route: Route, pools: Pools, random: Random): string {
  return route.path.replace(/:(\w+)/g, (_match, name: string) => {
    const pool = pools[poolOf[name] ?? 'workflows'];
    if (pool.length > 0 && random.chance(0.55)) return encodeURIComponent(random.pick(pool));

    return random.pick(hostileSegments);
  });
}

type Attempt = { method: string; path: string; contentType?: string; body?: string };
type Answer = { status: number; contentType: string; text: string };

function send(agent: Agent, attempt: Attempt): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (attempt.contentType) headers['content-type'] = attempt.contentType;
    if (attempt.body !== undefined) headers['content-length'] = Buffer.byteLength(attempt.body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: attempt.method,
        path: attempt.path,
        headers,
        agent,
        timeout: requestTimeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${requestTimeoutMs} ms`)));
    req.on('error', reject);
    req.end(attempt.body);
  });
}

/** Returns what is wrong with a response, or undefined when it is acceptable. */
function problemOf(attempt: Attempt, answer: Answer): string | undefined {
  const { status, contentType, text } = answer;
  if (!successStatuses.has(status) && !errorStatuses.has(status)) {
    return `undocumented status ${status}`;
  }
  if (attempt.method === 'HEAD' || status === 204) return undefined;
  if (!contentType.startsWith('application/json')) return `content type '${contentType}'`;

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (successStatuses.has(status)) return undefined;

  const keys = typeof body === 'object' && body !== null ? Object.keys(body).sort() : [];
  if (keys.join(',') !== 'errorCode,errorMessage') return `error body keys [${keys.join(', ')}]`;
  const { errorCode, errorMessage } = body as { errorCode: unknown; errorMessage: unknown };
  const codes = attempt.path.startsWith('/api/local/') ? localCodes : orchestrationCodes;
  if (typeof errorCode !== 'string' || !codes.has(errorCode))
    return `errorCode ${String(errorCode)}`;
  if (typeof errorMessage !== 'string') return 'errorMessage is not a string';
  if (/\n\s+at .+:\d+:\d+/.test(errorMessage)) return 'stack trace in errorMessage';

  return undefined;
}

describe('HTTP fuzzing', () => {
  let folder: string | undefined;
  let server: ChildServer | undefined;

  afterEach(async () => {
    await server?.stop('SIGKILL');
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('survives hostile requests with API errors', async () => {
    folder = mkdtempSync(join(tmpdir(), 'flowdeck-fuzz-'));
    const databaseFile = join(folder, 'flowdeck.db');
    server = await startChildServer({ port, databaseFile, seed: true });
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const json = async (method: string, path: string, body?: unknown) => {
      const answer = await send(agent, {
        method,
        path,
        contentType: body === undefined ? undefined : 'application/json',
        body: body === undefined ? undefined : JSON.stringify(body),
      });

      return JSON.parse(answer.text) as { data: unknown; cursor?: { data: unknown[] } };
    };
    const ids = (items: unknown) => (items as Array<{ id: string }>).map((item) => item.id);

    // Real ids to aim at, from the example data.
    const pools: Pools = {
      workflows: ids((await json('GET', '/api/orchestration/workflows')).data),
      instances: ids((await json('GET', '/api/orchestration/instances')).data),
      triggers: ids((await json('GET', '/api/orchestration/triggers')).data),
      wallets: ids((await json('GET', '/api/local/wallets')).data),
      holds: [],
      payments: ids((await json('GET', '/api/local/payments')).data),
      ledgers: ((await json('GET', '/api/local/ledgers')).data as Array<{ name: string }>).map(
        (ledger) => ledger.name,
      ),
      addresses: ['world', 'fuzz:a', 'psp:adyen:clearing'],
    };
    const hold = (await json('POST', `/api/local/wallets/${pools.wallets[0]}/debit`, {
      amount: { amount: 1, asset: 'EUR/2' },
      pending: true,
    })) as { data: { hold?: { id: string } } };
    if (hold.data.hold) pools.holds.push(hold.data.hold.id);

    const random = createRandom(seed);
    const problems: string[] = [];
    const statusCounts = new Map<number, number>();
    const started = Date.now();
    let sent = 0;

    const next = (): Attempt => {
      const route = random.pick(routes);
      const method = random.chance(0.1)
        ? random.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'])
        : route.method;
      let path = fillPath(route, pools, random);
      const queries = route.queries ?? [];
      if (random.chance(0.5)) {
        const chosen =
          random.chance(0.3) && queries.length > 0
            ? random.pick(queries)
            : random.pick(hostileQueries);
        path += `?${chosen}`;
      }
      const body =
        method === 'GET' && random.chance(0.8) ? undefined : bodyText(route, pools, random);
      const contentType =
        body === undefined && random.chance(0.7)
          ? undefined
          : random.chance(0.7)
            ? 'application/json'
            : random.pick(contentTypes);

      return { method, path, contentType, body };
    };

    const worker = async () => {
      while (sent < maxRequests && Date.now() - started < timeBudgetMs) {
        sent += 1;
        const attempt = next();
        const label = `${attempt.method} ${attempt.path.slice(0, 160)} [${attempt.contentType ?? 'no type'}, ${attempt.body?.length ?? 0} bytes]`;
        let answer: Answer;
        try {
          answer = await send(agent, attempt);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const exited = server?.process.exitCode !== null || server.process.signalCode !== null;
          if (exited || message.includes('ECONNREFUSED')) {
            throw new Error(`server down after ${label}: ${message}\n${server?.output()}`, {
              cause: error,
            });
          }
          // The server may close the connection of a body it rejects unread (413).
          if (!/ECONNRESET|EPIPE|socket hang up/.test(message)) {
            problems.push(`${label}: ${message}`);
          }
          continue;
        }
        statusCounts.set(answer.status, (statusCounts.get(answer.status) ?? 0) + 1);
        const problem = problemOf(attempt, answer);
        if (problem !== undefined)
          problems.push(`${label}: ${problem}: ${answer.text.slice(0, 300)}`);
        if (answer.status === 201) {
          // Aim later requests at what the fuzz itself created too.
          try {
            const created = (JSON.parse(answer.text) as { data?: { id?: unknown } }).data?.id;
            const pool = attempt.path.includes('/triggers')
              ? pools.triggers
              : attempt.path.includes('/instances')
                ? pools.instances
                : attempt.path.includes('/workflows')
                  ? pools.workflows
                  : undefined;
            if (typeof created === 'string' && pool && pool.length < 200) pool.push(created);
          } catch {
            // Problems with the body were recorded above.
          }
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    console.log(
      `fuzz seed ${seed}: ${sent} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(
        Object.fromEntries([...statusCounts].sort((a, b) => a[0] - b[0])),
      )}`,
    );
    expect(problems.slice(0, 20), `${problems.length} bad answers`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1_000);
    expect(server.process.exitCode).toBeNull();

    // Still healthy: the health check, a normal run and an intact database.
    const health = await send(agent, { method: 'GET', path: '/_healthcheck' });
    expect(health.status).toBe(200);
    const workflow = (await json('POST', '/api/orchestration/v2/workflows', {
      name: 'after-fuzz',
      stages: [{ delay: { duration: '10ms' } }, { noop: {} }],
    })) as { data: { id: string } };
    const run = (await json(
      'POST',
      `/api/orchestration/v2/workflows/${workflow.data.id}/instances?wait=true`,
      {},
    )) as { data: { terminated: boolean; error?: string } };
    expect(run.data).toMatchObject({ terminated: true });
    expect(run.data.error).toBeUndefined();
    agent.destroy();

    const db = new Database(databaseFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});

describe('fuzz findings', () => {
  it('rejects deeply nested YAML before parsing it', async () => {
    const server = await createTestServer();
    try {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const response = await call(server.app, 'POST', '/api/orchestration/v2/workflows', deep, {
        'content-type': 'text/vnd.yaml',
      });

      expect(expectError(response, 400, 'VALIDATION')).toContain('nested more than 100 levels');
      const shallow = await call(
        server.app,
        'POST',
        '/api/orchestration/v2/workflows',
        'name: ok\nstages:\n  - noop: {}\n',
        { 'content-type': 'text/vnd.yaml' },
      );
      expect(shallow.status).toBe(201);
    } finally {
      await server.dispose();
    }
  });

  it('returns router errors in API format', async () => {
    const server = await createTestServer();
    try {
      const badEncoding = await call(server.app, 'GET', '/api/orchestration/v2/workflows/%zz');
      expect(expectError(badEncoding, 400, 'VALIDATION')).toContain('invalid URL');

      const tooLong = await call(server.app, 'GET', `/api/local/wallets/${'x'.repeat(1_001)}`);
      expect(expectError(tooLong, 400, 'VALIDATION')).toContain('too long');

      const longAddress = `users:${'a'.repeat(300)}`;
      const account = await call(
        server.app,
        'GET',
        `/api/local/ledgers/main/accounts/${longAddress}`,
      );
      expectError(account, 404, 'NOT_FOUND');
    } finally {
      await server.dispose();
    }
  });
});
