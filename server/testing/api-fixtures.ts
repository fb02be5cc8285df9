import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

import {
  dataSchema,
  instanceSchema,
  workflowSchema,
  type Instance,
  type Workflow,
} from '@/lib/orchestration/schemas';

import { call, expectBody, waitFor } from './test-server';

export const v2 = '/api/orchestration/v2';
export const v1 = '/api/orchestration';

export async function createWorkflow(app: FastifyInstance, config: unknown): Promise<Workflow> {
  const response = await call(app, 'POST', `${v2}/workflows`, config);

  return expectBody(response, 201, dataSchema(workflowSchema)).data;
}

export async function runWorkflow(
  app: FastifyInstance,
  workflowID: string,
  variables: Record<string, string> = {},
  query = '',
): Promise<Instance> {
  const response = await call(
    app,
    'POST',
    `${v2}/workflows/${workflowID}/instances${query}`,
    variables,
  );

  return expectBody(response, 201, dataSchema(instanceSchema)).data;
}

export async function getInstance(app: FastifyInstance, id: string): Promise<Instance> {
  const response = await call(app, 'GET', `${v2}/instances/${id}`);

  return expectBody(response, 200, dataSchema(instanceSchema)).data;
}

/** Waits until the instance is terminated and returns it. */
export async function waitForEnd(
  app: FastifyInstance,
  id: string,
  timeoutMs = 5_000,
): Promise<Instance> {
  await waitFor(async () => (await getInstance(app, id)).terminated, timeoutMs, `end of ${id}`);

  return getInstance(app, id);
}

/** Waits until stage `stage` of the instance has started and is still running. */
export async function waitForRunningStage(
  app: FastifyInstance,
  id: string,
  stage: number,
): Promise<void> {
  await waitFor(
    async () => {
      const status = (await getInstance(app, id)).status ?? [];
      const last = status.at(-1);

      return last?.stage === stage && last.terminatedAt === undefined;
    },
    5_000,
    `stage ${stage} of ${id} to run`,
  );
}

export function expectSucceeded(instance: Instance): void {
  expect(instance.terminated).toBe(true);
  expect(instance.error).toBeUndefined();
  expect(instance.terminatedAt).toBeDefined();
}
