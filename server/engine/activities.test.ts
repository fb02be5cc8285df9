import { afterEach, describe, expect, it } from 'vitest';

import { dataSchema, stageHistorySchema, type StageHistory } from '@/lib/orchestration/schemas';

import type { StageExecutorDependencies } from '../app';
import { offsetClock } from '../clock';
import { createWorkflow, getInstance, runWorkflow, v2, waitForEnd } from '../testing/api-fixtures';
import {
  call,
  createTestServer,
  expectBody,
  waitFor,
  type TestServer,
} from '../testing/test-server';
import { ActivityError, retryDelayMs, StageError, type ActivityRunner } from './activities';
import type { StageExecutorRegistry } from './stage-executors';

const sendStage = {
  send: {
    source: { account: { id: 'world' } },
    destination: { account: { id: 'users:1' } },
    amount: { amount: 100, asset: 'USD/2' },
  },
};

type Script = (activities: ActivityRunner, db: StageExecutorDependencies['db']) => Promise<void>;

/** Executors whose send stage runs `script`; update stages do nothing. */
function scripted(script: Script) {
  return ({ db }: StageExecutorDependencies): StageExecutorRegistry => {
    db.exec('CREATE TABLE IF NOT EXISTS probe_writes (value TEXT NOT NULL)');

    return {
      send: (_input, context) => script(context.activities, db),
      update: async () => undefined,
    };
  };
}

async function stageHistory(server: TestServer, id: string): Promise<StageHistory[]> {
  const response = await call(server.app, 'GET', `${v2}/instances/${id}/stages/0/history`);

  return expectBody(response, 200, dataSchema(stageHistorySchema.array())).data;
}

describe('activity runner', () => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('computes the backoff: doubling from the initial interval, capped', () => {
    const policy = { initialIntervalMs: 1_000, maximumIntervalMs: 100_000 };

    expect([1, 2, 3, 7, 8, 20].map((attempt) => retryDelayMs(policy, attempt))).toEqual([
      1_000, 2_000, 4_000, 64_000, 100_000, 100_000,
    ]);
  });

  it('records input and output keyed by activity name', async () => {
    server = await createTestServer({
      stageExecutors: scripted(async (activities) => {
        const result = await activities.run(
          'GetAccount',
          { ledger: 'main', id: 'users:1' },
          () => ({
            data: { address: 'users:1', metadata: {} },
          }),
        );
        await activities.run('CreditWallet', { id: 'w-1' }, () => undefined);
        expect(result.data.address).toBe('users:1');
      }),
    });
    const workflow = await createWorkflow(server.app, { stages: [sendStage] });
    const instance = await runWorkflow(server.app, workflow.id, {}, '?wait=true');

    expect(instance.error).toBeUndefined();
    const [account, credit] = await stageHistory(server, instance.id);
    expect(account).toMatchObject({
      name: 'GetAccount',
      input: { GetAccount: { ledger: 'main', id: 'users:1' } },
      output: { GetAccount: { data: { address: 'users:1', metadata: {} } } },
      terminated: true,
      attempt: 1,
    });
    expect(credit?.output).toBeUndefined();
    expect(credit?.terminated).toBe(true);
  });

  it('retries retryable errors and rolls back the failed attempts’ writes', async () => {
    let calls = 0;
    server = await createTestServer({
      retry: { initialIntervalMs: 150, maximumIntervalMs: 150 },
      stageExecutors: scripted(async (activities, db) => {
        await activities.run('CreateTransaction', { Ledger: 'main' }, () => {
          calls += 1;
          db.prepare('INSERT INTO probe_writes (value) VALUES (?)').run(`attempt ${calls}`);
          if (calls < 3) throw new ActivityError('ledger unavailable', { retryable: true });

          return { data: [{ txid: 0 }] };
        });
      }),
    });
    const workflow = await createWorkflow(server.app, { stages: [sendStage] });
    const { id } = await runWorkflow(server.app, workflow.id);

    await waitFor(
      async () => (await stageHistory(server!, id))[0]?.attempt === 2,
      5_000,
      'attempt 2',
    );
    const [retrying] = await stageHistory(server, id);
    expect(retrying?.terminated).toBe(false);
    expect(retrying?.lastFailure).toBe('ledger unavailable');
    expect(retrying?.nextExecution).toBeDefined();

    const ended = await waitForEnd(server.app, id);
    expect(ended.error).toBeUndefined();
    const [done] = await stageHistory(server, id);
    expect(done).toMatchObject({
      attempt: 3,
      terminated: true,
      output: { CreateTransaction: { data: [{ txid: 0 }] } },
    });
    expect(done?.nextExecution).toBeUndefined();

    const rows = server.app.flowdeck.db.prepare('SELECT value FROM probe_writes').all();
    expect(rows).toEqual([{ value: 'attempt 3' }]);
  });

  it('fails the stage at once on a non-retryable error', async () => {
    server = await createTestServer({
      stageExecutors: scripted(async (activities) => {
        await activities.run('CreateTransaction', {}, () => {
          throw new ActivityError('insufficient funds', { retryable: false });
        });
      }),
    });
    const workflow = await createWorkflow(server.app, { stages: [sendStage, { noop: {} }] });
    const instance = await runWorkflow(server.app, workflow.id, {}, '?wait=true');

    expect(instance.error).toBe('insufficient funds');
    expect(instance.status?.[0]?.error).toBe('insufficient funds');
    const [activity] = await stageHistory(server, instance.id);
    expect(activity).toMatchObject({ error: 'insufficient funds', terminated: true, attempt: 1 });
  });

  it('fails the stage with a StageError thrown by the executor', async () => {
    server = await createTestServer({
      stageExecutors: scripted(async () => {
        throw new StageError('wallet not found');
      }),
    });
    const workflow = await createWorkflow(server.app, { stages: [sendStage] });

    expect((await runWorkflow(server.app, workflow.id, {}, '?wait=true')).error).toBe(
      'wallet not found',
    );
  });

  it('cancels a retrying activity on abort', async () => {
    server = await createTestServer({
      retry: { initialIntervalMs: 60_000, maximumIntervalMs: 60_000 },
      stageExecutors: scripted(async (activities) => {
        await activities.run('CreateTransaction', {}, () => {
          throw new ActivityError('ledger unavailable', { retryable: true });
        });
      }),
    });
    const workflow = await createWorkflow(server.app, { stages: [sendStage] });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitFor(
      async () => (await stageHistory(server!, id))[0]?.attempt === 2,
      5_000,
      'a retry',
    );

    expect((await call(server.app, 'PUT', `${v2}/instances/${id}/abort`)).status).toBe(204);

    const instance = await getInstance(server.app, id);
    expect(instance.error).toBe('canceled');
    const [activity] = await stageHistory(server, id);
    expect(activity).toMatchObject({ error: 'cancelled', terminated: true });
  });

  it('never runs a completed activity again after a restart', async () => {
    const executions = { first: 0, second: 0 };
    const script: Script = async (activities) => {
      await activities.run('GetWallet', { id: 'w-1' }, () => {
        executions.first += 1;

        return { data: { id: 'w-1' } };
      });
      await activities.run('DebitWallet', { id: 'w-1' }, () => {
        executions.second += 1;
        if (executions.second === 1)
          throw new ActivityError('ledger unavailable', { retryable: true });

        return { data: { id: 'hold-1' } };
      });
    };
    server = await createTestServer({
      retry: { initialIntervalMs: 3_600_000, maximumIntervalMs: 3_600_000 },
      stageExecutors: scripted(script),
    });
    const workflow = await createWorkflow(server.app, { stages: [sendStage] });
    const { id } = await runWorkflow(server.app, workflow.id);
    await waitFor(
      async () => (await stageHistory(server!, id))[1]?.attempt === 2,
      5_000,
      'a retry',
    );

    server = await server.reopen({ clock: offsetClock(2 * 3_600_000) });
    const ended = await waitForEnd(server.app, id);

    expect(ended.error).toBeUndefined();
    expect(executions).toEqual({ first: 1, second: 2 });
    const history = await stageHistory(server, id);
    expect(history.map((activity) => activity.name)).toEqual(['GetWallet', 'DebitWallet']);
  });
});
