import { expect } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';

/**
 * Runs a workflow through the v2 API and returns the instance id. With
 * `wait`, the local server answers once the instance has terminated.
 */
export async function runInstance(
  request: APIRequestContext,
  workflowId: string,
  wait: boolean,
  variables: Record<string, string> = {},
): Promise<string> {
  const response = await request.post(
    `/api/orchestration/v2/workflows/${workflowId}/instances${wait ? '?wait=true' : ''}`,
    { data: variables },
  );
  expect(response.status(), await response.text()).toBe(201);

  return ((await response.json()) as { data: { id: string } }).data.id;
}

/** Reads an instance through the v2 API. */
export async function readInstance(request: APIRequestContext, instanceId: string) {
  const response = await request.get(`/api/orchestration/v2/instances/${instanceId}`);
  expect(response.status(), await response.text()).toBe(200);

  return ((await response.json()) as { data: { terminated: boolean; error?: string } }).data;
}
