import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';
import type { Request, Route } from '@playwright/test';

import { AppShell } from './pages/app-shell';
import { InstancePage } from './pages/instance-page';
import { createWorkflow, uniqueName } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { runInstance } from './support/instances';
import { attachScreenshot } from './support/screenshots';

type Occurrence = { workflowInstanceID?: string };

test('case file exported from an instance opens read-only without the server', async ({
  page,
  request,
}, testInfo) => {
  // The seeded large-eur-commit trigger started a tip-creator instance.
  const triggers = await (await request.get('/api/orchestration/v2/triggers?pageSize=100')).json();
  const trigger = (
    triggers as { cursor: { data: Array<{ id: string; name: string }> } }
  ).cursor.data.find((item) => item.name === 'large-eur-commit');
  expect(trigger, 'seeded trigger').toBeDefined();
  const occurrences = await (
    await request.get(`/api/orchestration/v2/triggers/${trigger?.id}/occurrences?pageSize=100`)
  ).json();
  const started = (occurrences as { cursor: { data: Occurrence[] } }).cursor.data.find(
    (item) => item.workflowInstanceID,
  );
  const instanceId = started?.workflowInstanceID ?? '';
  expect(instanceId).not.toBe('');

  const instance = new InstancePage(page);
  await instance.goto(instanceId);
  await expect(instance.state('Succeeded')).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await instance.exportButton.click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`instance-${instanceId}.case.json`);
  const path = testInfo.outputPath('instance.case.json');
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8')) as {
    instance: { id: string };
    trigger: { status: string };
    stageHistories: unknown[];
  };
  expect(file.instance.id).toBe(instanceId);
  expect(file.trigger.status).toBe('found');
  expect(file.stageHistories.length).toBeGreaterThan(0);

  await page.goto('/case-file');
  const apiCalls: string[] = [];
  const record = (request: Request) => {
    const url = new URL(request.url());
    // The app shell reads the server info and the connection list; the viewer calls nothing.
    if (url.pathname.startsWith('/api/orchestration/') && !url.pathname.endsWith('/_info')) {
      apiCalls.push(url.pathname);
    }
  };
  page.on('request', record);

  await page.locator('input[type="file"]').setInputFiles(path);

  await expect(page.getByText('Read-only case file')).toBeVisible();
  await expect(instance.state('Succeeded')).toBeVisible();
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByText(/Started by trigger large-eur-commit/)).toBeVisible();
  await instance.expandStage(0);
  await expect(instance.activity(0, 0)).toContainText('CreateTransaction');
  for (const name of ['Send event', 'Cancel', 'Run again', 'Export case file']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  expect(apiCalls).toEqual([]);

  await expectNoSeriousA11yViolations(page, ['.react-flow__attribution']);
  await attachScreenshot(page, testInfo, 'case-file-light');
  await new AppShell(page).selectColorScheme('Dark');
  await expect(instance.activity(0, 0)).toBeVisible();
  await attachScreenshot(page, testInfo, 'case-file-dark');
  await expectNoSeriousA11yViolations(page, ['.react-flow__attribution']);
  page.off('request', record);
});

test('invalid case file shows why it cannot be opened', async ({ page }, testInfo) => {
  await page.goto('/case-file');

  await page.locator('input[type="file"]').setInputFiles({
    name: 'broken.case.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ format: 'flowdeck-instance-case-file', version: 1, instance: {} }),
    ),
  });

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not open broken.case.json');
  await expect(alert).toContainText('The case file is invalid');
  await expect(alert).toContainText('instance.id');

  await page.locator('input[type="file"]').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not json'),
  });
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await attachScreenshot(page, testInfo, 'case-file-error');
});

test('case file export shows progress and can stop', async ({ page, request }, testInfo) => {
  const stageCount = 300;
  const workflowId = await createWorkflow(
    request,
    uniqueName('case-file-many'),
    Array.from({ length: stageCount }, () => ({ noop: {} })),
  );
  const instanceId = await runInstance(request, workflowId, true);

  const instance = new InstancePage(page);
  await instance.goto(instanceId);
  await expect(instance.state('Succeeded')).toBeVisible();

  // Slows stage histories down so that the export is still running when Stop is clicked.
  const slowHistories = async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await route.continue();
  };
  await page.route('**/stages/*/history', slowHistories);
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));

  await instance.exportButton.click();
  const exporting = page.getByRole('group', { name: 'Case file export' });
  await expect(exporting).toContainText(`of ${stageCount} stage histories`);
  await attachScreenshot(page, testInfo, 'case-file-export-progress');
  await exporting.getByRole('button', { name: 'Stop export' }).click();
  await expect(instance.exportButton).toBeVisible();
  await expect(exporting).toHaveCount(0);
  await page.unroute('**/stages/*/history', slowHistories);

  const downloadPromise = page.waitForEvent('download');
  await instance.exportButton.click();
  const download = await downloadPromise;
  expect(downloads).toEqual([`instance-${instanceId}.case.json`]);
  const path = testInfo.outputPath('many.case.json');
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8')) as { stageHistories: unknown[] };
  expect(file.stageHistories).toHaveLength(stageCount);
});
