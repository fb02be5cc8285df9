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
