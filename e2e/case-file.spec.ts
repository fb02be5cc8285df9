import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';
import type { Request } from '@playwright/test';

import { InstancePage } from './pages/instance-page';
import { expectNoSeriousA11yViolations } from './support/axe';
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
  await page.emulateMedia({ colorScheme: 'dark' });
  await attachScreenshot(page, testInfo, 'case-file-dark');
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
