import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';

import { uniqueName } from './support/api';
import { attachScreenshot } from './support/screenshots';
import { expectBlocked, stackData } from './pages/connection-pages';
import { e2eStackSecret } from './pages/connection-stacks';
import { ConnectionSwitcher } from './pages/connection-switcher';

// The connections exist only on the server that playwright.config.ts starts.
test.skip(Boolean(process.env.E2E_BASE_URL), 'needs the stack-mode servers of the config');

const proxy = (connectionId: string, path: string) =>
  `/api/flowdeck/connections/${connectionId}/orchestration${path}`;

async function createStackWorkflow(
  request: APIRequestContext,
  connectionId: string,
  name: string,
): Promise<string> {
  const response = await request.post(proxy(connectionId, '/v2/workflows'), {
    data: { name, stages: [{ noop: {} }] },
  });
  expect(response.status(), await response.text()).toBe(201);

  return ((await response.json()) as { data: { id: string } }).data.id;
}

test('switches to a remote stack and keeps each tab on its own', async ({
  page,
  context,
  request,
}, testInfo) => {
  const remoteName = uniqueName('remote');
  await createStackWorkflow(request, 'stack', remoteName);
  const switcher = new ConnectionSwitcher(page);

  await page.goto('/workflows');
  await expect(switcher.button).toContainText('Local server');
  await switcher.switchTo('Staging stack');

  await expect(page).toHaveURL(/\/c\/stack\/workflows$/);
  await expect(switcher.button).toContainText('Staging stack');
  await page.getByRole('textbox', { name: 'Search by name' }).fill(remoteName);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${remoteName}`));
  await expect(page.getByRole('table', { name: 'Workflows' })).toContainText(remoteName);
  await attachScreenshot(page, testInfo, 'remote-stack-workflows');

  // A link inside the stack keeps the connection prefix.
  await page.getByRole('link', { name: 'Instances' }).click();
  await expect(page).toHaveURL(/\/c\/stack\/instances/);

  const localTab = await context.newPage();
  await localTab.goto(`/workflows?q=${remoteName}`);
  await expect(localTab.getByText('No matching workflow')).toBeVisible();
  await expect(new ConnectionSwitcher(localTab).button).toContainText('Local server');
  await localTab.close();
});

test('wrong secret shows the credentials error with retry', async ({ page }, testInfo) => {
  const switcher = new ConnectionSwitcher(page);
  await page.goto('/c/wrong/workflows');

  await expect(switcher.error).toContainText('Wrong secret rejected the client credentials');
  await expect(switcher.errorCode()).toHaveText('STACK_BAD_CREDENTIALS');
  await attachScreenshot(page, testInfo, 'connection-bad-credentials');

  await switcher.error.getByRole('button', { name: 'Retry' }).click();
  await expect(switcher.errorCode()).toHaveText('STACK_BAD_CREDENTIALS');
});

test('expired token shows the token error', async ({ page }) => {
  const switcher = new ConnectionSwitcher(page);
  await page.goto('/c/expiring/workflows');

  await expect(switcher.error).toContainText('rejected the access token');
  await expect(switcher.errorCode()).toHaveText('STACK_TOKEN_REJECTED');
  await expect(switcher.error.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('unreachable stack shows the network error with retry', async ({ page }, testInfo) => {
  const switcher = new ConnectionSwitcher(page);
  await page.goto('/c/down/workflows');

  await expect(switcher.error).toContainText('Cannot reach Stopped stack');
  await expect(switcher.errorCode()).toHaveText('STACK_UNREACHABLE');
  await attachScreenshot(page, testInfo, 'connection-unreachable');

  // The way back to the embedded server works from the error state.
  await switcher.error.getByRole('link', { name: 'Open the local server' }).click();
  await expect(page.getByRole('table', { name: 'Workflows' })).toBeVisible();
});

test('unknown connection id is reported', async ({ page }) => {
  const switcher = new ConnectionSwitcher(page);
  await page.goto('/c/nope/workflows');

  await expect(switcher.errorCode()).toHaveText('CONNECTION_NOT_FOUND');
});

test('read-only token disables mutations', async ({ page, request }, testInfo) => {
  const workflowId = await createStackWorkflow(request, 'stack', uniqueName('read-only'));
  const switcher = new ConnectionSwitcher(page);

  await page.goto(`/c/viewer/workflows/${workflowId}`);
  await expect(switcher.button).toContainText('read-only');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeDisabled();
  await run.hover();
  await expect(page.getByRole('tooltip')).toContainText('orchestration:write');
  await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await attachScreenshot(page, testInfo, 'connection-read-only');

  const refused = await request.post(proxy('viewer', `/v2/workflows/${workflowId}/instances`), {
    data: {},
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ errorCode: 'READ_ONLY' });

  const frozen = await request.delete(proxy('frozen', `/v2/workflows/${workflowId}`));
  expect(frozen.status()).toBe(403);
});

test('v1-only stack shows the v1 banner and pages in the console', async ({ page }, testInfo) => {
  await page.goto('/c/v1/workflows?pageSize=10');

  await expect(page.getByRole('alert').filter({ hasText: 'has only the v1 API' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Workflows' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('status', { name: /^Connection:/ })).toContainText('Legacy v1 stack');
  await attachScreenshot(page, testInfo, 'connection-v1');

  const firstRow = table.getByRole('row').nth(1);
  await firstRow.click();
  await expect(page).toHaveURL(/\/c\/v1\/workflows\/[0-9a-f-]{36}/);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('v1-only stack serves the triggers and instances pages', async ({
  page,
  request,
}, testInfo) => {
  const workflowName = uniqueName('v1-pages');
  const workflow = await stackData<{ id: string }>(request, 'v1', 'POST', '/workflows', {
    name: workflowName,
    stages: [{ wait_event: { event: 'v1-go' } }],
  });
  const triggerName = uniqueName('v1-trigger');
  const trigger = await stackData<{ id: string }>(request, 'v1', 'POST', '/triggers', {
    name: triggerName,
    event: 'SAVED_PAYMENT',
    workflowID: workflow.id,
  });
  const instance = await stackData<{ id: string }>(
    request,
    'v1',
    'POST',
    `/workflows/${workflow.id}/instances`,
    {},
  );

  // The v1 list returns at most 15 triggers, and the page warns when it may be cut there.
  const listed = await stackData<unknown[]>(request, 'v1', 'GET', '/triggers');
  await page.goto('/c/v1/triggers');
  await expect(page.getByRole('table', { name: 'Triggers' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'List may be incomplete' })).toHaveCount(
    listed.length >= 15 ? 1 : 0,
  );
  await page.getByRole('textbox', { name: 'Search by name' }).fill(triggerName);
  const triggerLink = page.getByRole('link', { name: triggerName });
  await expect(triggerLink).toBeVisible();
  await attachScreenshot(page, testInfo, 'connection-v1-triggers');

  await triggerLink.click();
  await expect(page).toHaveURL(new RegExp(`/c/v1/triggers/${trigger.id}$`));
  await expect(page.getByRole('heading', { name: triggerName })).toBeVisible();
  await expect(page.getByText('No occurrences')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeEnabled();

  await page.goto('/c/v1/instances');
  await page
    .getByRole('grid', { name: 'Instances' })
    .getByRole('link', { name: `Instance ${instance.id}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/c/v1/instances/${instance.id}`));
  await expect(page.getByRole('status', { name: 'State: Waiting' })).toBeVisible();
  await expect(page.getByTestId('timeline-scroller').locator('[data-stage="0"]')).toBeVisible();
  await attachScreenshot(page, testInfo, 'connection-v1-instance');

  // Sending the awaited event through the v1 API finishes the instance.
  await page.getByRole('button', { name: 'Send event' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('status', { name: 'State: Succeeded' })).toBeVisible();
});

test('read-only connection disables every mutating control', async ({
  page,
  request,
}, testInfo) => {
  const writeReason = 'orchestration:write';
  const workflow = await stackData<{ id: string }>(request, 'stack', 'POST', '/v2/workflows', {
    name: uniqueName('read-only-controls'),
    stages: [{ wait_event: { event: 'never-sent' } }],
  });
  const trigger = await stackData<{ id: string }>(request, 'stack', 'POST', '/v2/triggers', {
    name: uniqueName('read-only-trigger'),
    event: 'SAVED_PAYMENT',
    workflowID: workflow.id,
  });
  const instance = await stackData<{ id: string }>(
    request,
    'stack',
    'POST',
    `/v2/workflows/${workflow.id}/instances`,
    {},
  );

  await page.goto('/c/viewer/workflows');
  await expectBlocked(page, page.getByRole('button', { name: 'New workflow' }), writeReason);

  await page.goto('/c/viewer/workflows/new/edit');
  await expectBlocked(page, page.getByRole('button', { name: 'Save', exact: true }), writeReason);

  await page.goto(`/c/viewer/workflows/${workflow.id}/edit`);
  await expectBlocked(page, page.getByRole('button', { name: 'Save new version' }), writeReason);

  await page.goto(`/c/viewer/instances/${instance.id}`);
  await expect(page.getByRole('status', { name: 'State: Waiting' })).toBeVisible();
  await expectBlocked(page, page.getByRole('button', { name: 'Send event' }), writeReason);
  await expectBlocked(page, page.getByRole('button', { name: 'Cancel', exact: true }), writeReason);
  await attachScreenshot(page, testInfo, 'connection-read-only-instance');

  await page.goto('/c/viewer/triggers');
  await expectBlocked(page, page.getByRole('button', { name: 'New trigger' }), writeReason);

  await page.goto(`/c/viewer/triggers/${trigger.id}`);
  await expectBlocked(page, page.getByRole('button', { name: 'Delete' }), writeReason);

  // The configured read-only flag gives its own reason.
  await page.goto(`/c/frozen/triggers/${trigger.id}`);
  await expectBlocked(page, page.getByRole('button', { name: 'Delete' }), /read-only/);
});

test('secret stays out of the bundle and the browser', async ({ page, request }) => {
  const listing = await request.get('/api/flowdeck/connections');
  expect(await listing.text()).not.toContain(e2eStackSecret);

  const responses: string[] = [];
  page.on('response', (response) => {
    void response.text().then(
      (text) => responses.push(text),
      () => undefined,
    );
  });
  await page.goto('/c/stack/workflows');
  await expect(page.getByRole('table', { name: 'Workflows' })).toBeVisible();
  expect(responses.length).toBeGreaterThan(0);
  expect(responses.some((text) => text.includes(e2eStackSecret))).toBe(false);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).not.toContain(e2eStackSecret);

  const distDir = process.env.E2E_DIST ?? 'dist';
  const files = listFiles(distDir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(readFileSync(file, 'utf8').includes(e2eStackSecret), file).toBe(false);
  }
});

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);

    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
