import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { seedExampleData } from './seed';
import { createTestServer, type TestServer } from './testing/test-server';

describe('seedExampleData', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await createTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('creates workflows, triggers and instances in every state', async () => {
    const summary = await seedExampleData(server.app.flowdeck);
    const { repositories } = server.app.flowdeck;
    const instances = repositories.instances.list({ runningOnly: false });
    const lastStage = (id: string) => repositories.stages.last(id);

    expect(summary).toEqual({ workflows: 8, instances: instances.length, triggers: 3 });
    expect(repositories.workflows.list().map((workflow) => workflow.config.name)).toContain(
      'approval-gated-refund',
    );

    const running = instances.filter((instance) => !instance.terminated);
    expect(running.some((instance) => lastStage(instance.id)?.kind === 'delay')).toBe(true);
    expect(running.some((instance) => lastStage(instance.id)?.kind === 'wait_event')).toBe(true);
    expect(instances.some((instance) => instance.terminated && instance.error === undefined)).toBe(
      true,
    );
    expect(instances.some((instance) => instance.error === 'canceled')).toBe(true);
    expect(instances.some((instance) => instance.error?.startsWith('invalid delay stage'))).toBe(
      true,
    );
  });

  it('marks the database as new only on the first start', async () => {
    expect(server.app.flowdeck.databaseCreated).toBe(true);

    server = await server.reopen();

    expect(server.app.flowdeck.databaseCreated).toBe(false);
  });
});
