import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';

/** Path of an orchestration request through the Flowdeck proxy of a remote connection. */
export function stackProxyPath(connectionId: string, path: string): string {
  return `/api/flowdeck/connections/${connectionId}/orchestration${path}`;
}

/** Sends a request through the proxy and returns the `data` of its JSON body. */
export async function stackData<T>(
  request: APIRequestContext,
  connectionId: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await request.fetch(stackProxyPath(connectionId, path), {
    method,
    ...(body === undefined ? {} : { data: body }),
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);

  return ((await response.json()) as { data: T }).data;
}

/**
 * Checks that a mutating control is disabled and that hovering it shows
 * `reason` in a tooltip, then moves the pointer away so the tooltip closes.
 */
export async function expectBlocked(page: Page, control: Locator, reason: string | RegExp) {
  await expect(control).toBeDisabled();
  await control.hover();
  await expect(page.getByRole('tooltip').filter({ hasText: reason })).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip').filter({ hasText: reason })).toHaveCount(0);
}
