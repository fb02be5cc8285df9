/**
 * Durability: the real server (a child process) is killed with SIGKILL while
 * hundreds of instances are in send, delay and wait_event stages, then
 * restarted on the same database file. Every acknowledged instance must
 * survive and finish, and every ledger posting must exist exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { startChildServer, type ChildServer, requestJson } from './child-server';

const firstPort = 18151;
const secondPort = 18152;

const counts = { chain: 120, wallets: 60, delayed: 60, waiting: 40 };
const poolFunding = 10_000_000;
// Time between the wake-up of the chain and wallet instances and the SIGKILL.
const killDelayMs = 1_200;
const sourceWalletFunding = 1_000_000;

type Kind = keyof typeof counts;
type Run = { id: string; kind: Kind; key: string };

const usd = (amount: number | string) => ({ amount, asset: 'USD/2' });
const tag = (step: number) => ({ run: '${key}', step: String(step) });

const chainSends = [
  ['pool:main', 'chain:${key}:1', 'kr', 'kr'],
  ['chain:${key}:1', 'chain:${key}:2', 'kr', 'kr'],
  ['chain:${key}:2', 'chain:${key}:3', 'kr', 'kr2'],
  ['chain:${key}:3', 'chain:${key}:4', 'kr2', 'kr2'],
  ['chain:${key}:4', 'chain:${key}:5', 'kr2', 'kr2'],
  ['chain:${key}:5', 'chain:${key}:done', 'kr2', 'kr2'],
].map(([source, destination, sourceLedger, destinationLedger], index) => ({
  send: {
    source: { account: { id: source, ledger: sourceLedger, throughAccount: 'bridge:out' } },
    destination: {
      account: {
        id: destination,
        ledger: destinationLedger,
        throughAccount: 'bridge:in',
        allowOverdraft: true,
      },
    },
    amount: usd(100),
    metadata: tag(index + 1),
  },
}));

// Chain and wallet instances all wake up at `${at}`. The server runs one
// instance's stage at a time, so short pauses between the sends are what
// leaves many chains half done at the kill.
const wakeUp = { delay: { until: '${at}' } };
const pause = { delay: { duration: '1s' } };

/** Six sends (the third across ledgers) with pauses, then a metadata update. */
const chainWorkflow = {
  name: 'kr-chain',
  stages: [
    wakeUp,
    ...chainSends.flatMap((send, index) => (index < 3 ? [send, pause] : [send])),
    { update: { account: { id: 'chain:${key}:done', ledger: 'kr2', metadata: { done: 'true' } } } },
  ],
};

/** wallet → wallet in one ledger, then wallet → account in another. */
const walletsWorkflow = (sourceWallet: string, hubWallet: string) => ({
  name: 'kr-wallets',
  stages: [
    wakeUp,
    {
      send: {
        source: { wallet: { id: sourceWallet } },
        destination: { wallet: { id: hubWallet } },
        amount: { amount: 10, asset: 'EUR/2' },
        metadata: tag(1),
      },
    },
    pause,
    {
      send: {
        source: { wallet: { id: hubWallet } },
        destination: { account: { id: 'wal:${key}:out', ledger: 'kr' } },
        amount: { amount: 10, asset: 'EUR/2' },
        metadata: tag(2),
      },
    },
  ],
});

const delayedWorkflow = {
  name: 'kr-delayed',
  stages: [
    { delay: { duration: '${pause}' } },
    {
      send: {
        source: { account: { id: 'pool:main', ledger: 'kr' } },
        destination: { account: { id: 'delayed:${key}', ledger: 'kr' } },
        amount: usd(7),
        metadata: tag(1),
      },
    },
  ],
};

/** Its source account is funded only after the restart, before the event is sent. */
const waitingWorkflow = {
  name: 'kr-waiting',
  stages: [
    { wait_event: { event: 'go' } },
    {
      send: {
        source: { account: { id: 'late:${key}:src', ledger: 'kr' } },
        destination: { account: { id: 'late:${key}:dst', ledger: 'kr' } },
        amount: usd(50),
        metadata: tag(1),
      },
    },
  ],
};

describe('kill and restart', () => {
  let folder: string | undefined;
  let server: ChildServer | undefined;

  afterEach(async () => {
    await server?.stop('SIGKILL');
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const request = (method: string, path: string, body?: unknown) =>
    requestJson(server?.url ?? '', method, path, body);
  const dataOf = async <T>(method: string, path: string, body?: unknown) =>
    ((await request(method, path, body)) as { data: T }).data;
  const fund = (ledger: string, account: string, amount: number, asset = 'USD/2') =>
    request('POST', `/api/local/ledgers/${ledger}/transactions`, {
      postings: [{ source: 'world', destination: account, amount, asset }],
    });

  it('loses and repeats nothing across a SIGKILL', async () => {
    folder = mkdtempSync(join(tmpdir(), 'flowdeck-kill-'));
    const databaseFile = join(folder, 'flowdeck.db');
    server = await startChildServer({ port: firstPort, databaseFile });

    await fund('kr', 'pool:main', poolFunding);
    const sourceWallet = await dataOf<{ id: string }>('POST', '/api/local/wallets', {
      name: 'kr-source',
    });
    const hubWallet = await dataOf<{ id: string }>('POST', '/api/local/wallets', {
      name: 'kr-hub',
    });
    await request('POST', `/api/local/wallets/${sourceWallet.id}/credit`, {
      amount: { amount: sourceWalletFunding, asset: 'EUR/2' },
    });
    const workflowIDs: Record<Kind, string> = {
      chain: (
        await dataOf<{ id: string }>('POST', '/api/orchestration/v2/workflows', chainWorkflow)
      ).id,
      wallets: (
        await dataOf<{ id: string }>(
          'POST',
          '/api/orchestration/v2/workflows',
          walletsWorkflow(sourceWallet.id, hubWallet.id),
        )
      ).id,
      delayed: (
        await dataOf<{ id: string }>('POST', '/api/orchestration/v2/workflows', delayedWorkflow)
      ).id,
      waiting: (
        await dataOf<{ id: string }>('POST', '/api/orchestration/v2/workflows', waitingWorkflow)
      ).id,
    };

    // Interleave the kinds; the time is far enough ahead for all runs to be created before it.
    const wakeAt = Date.now() + 10_000;
    const at = new Date(wakeAt).toISOString();
    const planned: Array<{ kind: Kind; key: string; variables: Record<string, string> }> = [];
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    for (let index = 0; planned.length < total; index += 1) {
      for (const kind of Object.keys(counts) as Kind[]) {
        if (index >= counts[kind]) continue;
        const key = `${kind}-${index}`;
        const pause = ['300ms', '1500ms', '4s'][index % 3] ?? '1s';
        const variables: Record<string, string> = { key, at };
        if (kind === 'delayed') variables.pause = pause;
        planned.push({ kind, key, variables });
      }
    }
    const runs: Run[] = [];
    const concurrency = 8;
    for (let start = 0; start < planned.length; start += concurrency) {
      const batch = planned.slice(start, start + concurrency);
      const started = await Promise.all(
        batch.map(({ kind, variables }) =>
          dataOf<{ id: string }>(
            'POST',
            `/api/orchestration/v2/workflows/${workflowIDs[kind]}/instances`,
            variables,
          ),
        ),
      );
      started.forEach((instance, index) => {
        const plan = batch[index];
        if (plan) runs.push({ id: instance.id, kind: plan.kind, key: plan.key });
      });
    }

    // Kill shortly after the wake-up, while the chain and wallet sends are running.
    expect(Date.now()).toBeLessThan(wakeAt);
    await new Promise((resolve) => setTimeout(resolve, wakeAt - Date.now() + killDelayMs));
    expect(await server.stop('SIGKILL')).toBe('SIGKILL');
    const atKill = new Database(databaseFile);
    const countAtKill = (sql: string) => (atKill.prepare(sql).get() as { n: number }).n;
    const running = countAtKill('SELECT count(*) AS n FROM instances WHERE terminated = 0');
    const sending = countAtKill(
      "SELECT count(*) AS n FROM stages WHERE kind = 'send' AND terminated_at IS NULL",
    );
    // Running instances with some sends done and some still to do.
    const halfDone = countAtKill(
      `SELECT count(DISTINCT i.id) AS n FROM instances i JOIN stages s ON s.instance_id = i.id
       WHERE i.terminated = 0 AND s.kind = 'send' AND s.terminated_at IS NOT NULL`,
    );
    atKill.close();
    console.log(
      `at the kill: ${running} of ${runs.length} instances running, ${halfDone} with sends ` +
        `half done, ${sending} inside a send stage`,
    );
    expect(halfDone).toBeGreaterThan(0);

    server = await startChildServer({ port: secondPort, databaseFile });
    const waiting = runs.filter((run) => run.kind === 'waiting');
    for (const run of waiting) await fund('kr', `late:${run.key}:src`, 50);
    for (const run of waiting) {
      await request('POST', `/api/orchestration/v2/instances/${run.id}/events`, { name: 'go' });
    }

    const deadline = Date.now() + 25_000;
    for (;;) {
      const page = (await request('GET', '/api/orchestration/v2/instances?running=true')) as {
        cursor: { data: unknown[] };
      };
      if (page.cursor.data.length === 0) break;
      if (Date.now() > deadline) throw new Error(`instances still running:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Nothing lost, nothing added, everything succeeded.
    const instances = await dataOf<Array<{ id: string; terminated: boolean; error?: string }>>(
      'GET',
      '/api/orchestration/instances',
    );
    expect(instances.map((instance) => instance.id).sort()).toEqual(
      runs.map((run) => run.id).sort(),
    );
    expect(instances.filter((instance) => instance.error !== undefined)).toEqual([]);

    // Balances, exact.
    type Account = { address: string; balances: Record<string, number>; metadata: object };
    const accounts = async (ledger: string) =>
      new Map(
        (await dataOf<Account[]>('GET', `/api/local/ledgers/${ledger}/accounts`)).map((account) => [
          account.address,
          account,
        ]),
      );
    const kr = await accounts('kr');
    const kr2 = await accounts('kr2');
    const usdOf = (map: Map<string, Account>, address: string) =>
      map.get(address)?.balances['USD/2'];
    const keys = (kind: Kind) => runs.filter((run) => run.kind === kind).map((run) => run.key);

    expect(usdOf(kr, 'pool:main')).toBe(poolFunding - 100 * counts.chain - 7 * counts.delayed);
    expect(usdOf(kr, 'bridge:out')).toBe(100 * counts.chain);
    expect(usdOf(kr2, 'bridge:in')).toBe(-100 * counts.chain);
    for (const key of keys('chain')) {
      expect(usdOf(kr2, `chain:${key}:done`), key).toBe(100);
      expect(kr2.get(`chain:${key}:done`)?.metadata, key).toEqual({ done: 'true' });
      for (const step of [1, 2]) expect(usdOf(kr, `chain:${key}:${step}`), key).toBe(0);
      for (const step of [3, 4, 5]) expect(usdOf(kr2, `chain:${key}:${step}`), key).toBe(0);
    }
    for (const key of keys('delayed')) expect(usdOf(kr, `delayed:${key}`), key).toBe(7);
    for (const key of keys('waiting')) {
      expect(usdOf(kr, `late:${key}:src`), key).toBe(0);
      expect(usdOf(kr, `late:${key}:dst`), key).toBe(50);
    }
    for (const key of keys('wallets')) {
      expect(kr.get(`wal:${key}:out`)?.balances['EUR/2'], key).toBe(10);
    }
    const walletMain = async (id: string) =>
      (
        await dataOf<{ balances: { main: { assets: Record<string, number> } } }>(
          'GET',
          `/api/local/wallets/${id}`,
        )
      ).balances.main.assets['EUR/2'];
    expect(await walletMain(sourceWallet.id)).toBe(sourceWalletFunding - 10 * counts.wallets);
    expect(await walletMain(hubWallet.id)).toBe(0);

    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;

    // Transaction counts exact, no posting twice, no pending work left.
    const db = new Database(databaseFile, { readonly: true });
    const transactionCount = (ledger: string) =>
      (
        db
          .prepare('SELECT count(*) AS n FROM ledger_transactions WHERE ledger = ?')
          .get(ledger) as {
          n: number;
        }
      ).n;
    expect(transactionCount('kr')).toBe(
      1 + 3 * counts.chain + counts.delayed + 2 * counts.waiting + counts.wallets,
    );
    expect(transactionCount('kr2')).toBe(4 * counts.chain);
    expect(transactionCount('wallets-002')).toBe(1 + 2 * counts.wallets);
    const duplicates = db
      .prepare(
        `SELECT ledger, json_extract(metadata, '$.run') AS run, json_extract(metadata, '$.step') AS step,
                count(*) AS n
         FROM ledger_transactions WHERE json_extract(metadata, '$.run') IS NOT NULL
         GROUP BY ledger, run, step HAVING n > 1`,
      )
      .all();
    expect(duplicates).toEqual([]);
    const activities = db
      .prepare(
        `SELECT count(*) AS total, sum(terminated = 0) AS open, sum(error IS NOT NULL) AS failed
         FROM activities`,
      )
      .get();
    expect(activities).toEqual({
      total: 8 * counts.chain + 6 * counts.wallets + counts.delayed + counts.waiting,
      open: 0,
      failed: 0,
    });
    expect(db.prepare('SELECT count(*) AS n FROM ledger_outbox').get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});
