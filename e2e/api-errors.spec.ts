import { expect, test } from '@playwright/test';

import { attachScreenshot } from './support/screenshots';

test('unknown instance shows the API error code and message', async ({ page }, testInfo) => {
  await page.goto('/instances/does-not-exist');

  const alert = page.getByRole('alert').filter({ hasText: 'Instance not found' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/NOT_FOUND|INTERNAL/);
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await attachScreenshot(page, testInfo, 'instance-not-found');
});

test('unreachable server shows a network error with retry', async ({ page }, testInfo) => {
  // The local server cannot play a dead network, so the list request is aborted in the browser.
  const listWorkflows = (url: URL) => url.pathname === '/api/orchestration/v2/workflows';
  await page.route(listWorkflows, (route) => route.abort('failed'));
  await page.goto('/workflows');

  const alert = page.getByRole('alert').filter({ hasText: 'Could not load workflows' });
  await expect(alert).toContainText('NETWORK');
  await attachScreenshot(page, testInfo, 'workflows-network-error');

  await page.unroute(listWorkflows);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table', { name: 'Workflows' })).toBeVisible();
});

test('unknown URL shows the not-found page', async ({ page }) => {
  await page.goto('/no-such-page');

  await expect(page.getByText('Page not found')).toBeVisible();
  await page.getByRole('link', { name: 'Go to workflows' }).click();
  await expect(page).toHaveURL(/\/workflows$/);
});
