import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';

export type StageConfig = Record<string, unknown>;

/** Returns a workflow name that no earlier run used, e.g. `e2e-run-lx2k9a`. */
export function uniqueName(prefix: string): string {
  return `e2e-${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Creates a workflow through the v2 API and returns its id. */
export async function createWorkflow(
  request: APIRequestContext,
  name: string,
  stages: StageConfig[],
): Promise<string> {
  const response = await request.post('/api/orchestration/v2/workflows', {
    data: { name, stages },
  });

  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { data: { id: string } };

  return body.data.id;
}

type InstanceSummary = {
  id: string;
  workflowID: string;
  error?: string;
  workflow?: { config: { name?: string } };
};

/** Lists the first 100 instances through the v2 API (the seeded ones fit in one page). */
export async function listInstances(request: APIRequestContext): Promise<InstanceSummary[]> {
  const response = await request.get('/api/orchestration/v2/instances?pageSize=100');

  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { cursor: { data: InstanceSummary[] } };

  return body.cursor.data;
}

/** Starts a workflow through the v2 API and returns the instance id. */
export async function runWorkflow(
  request: APIRequestContext,
  workflowId: string,
  variables: Record<string, string> = {},
): Promise<string> {
  const response = await request.post(`/api/orchestration/v2/workflows/${workflowId}/instances`, {
    data: variables,
  });

  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { data: { id: string } };

  return body.data.id;
}
