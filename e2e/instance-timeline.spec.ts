import { expect, test } from '@playwright/test';

import { AppShell } from './pages/app-shell';
import { InstancePage } from './pages/instance-page';
import { createWorkflow, listInstances, runWorkflow, uniqueName } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { attachScreenshot } from './support/screenshots';

test('timeline shows the failed send of a multi-stage instance', async ({
  page,
  request,
}, testInfo) => {
  // The seed runs approval-gated-refund with an amount larger than the refund pool.
  const failed = (await listInstances(request)).find(
    (item) =>
      item.workflow?.config.name === 'approval-gated-refund' &&
      item.error?.includes('insufficient funds'),
  );
  expect(failed, 'seeded failed refund').toBeDefined();
  const instanceId = failed?.id ?? '';

  const instance = new InstancePage(page);
  await instance.goto(instanceId);

  await expect(instance.state('Failed')).toBeVisible();
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'failed');
  await expect(instance.stageRow(0)).toContainText('insufficient funds');
  await expect(instance.stageRow(0)).toContainText('escrow:refund:T-1003');
  for (const stage of [1, 2, 3]) {
    await expect(instance.stageRow(stage)).toHaveAttribute('data-state', 'skipped');
  }
  await expect(instance.graphNode(0).getByLabel('Stage 0: Send, Failed')).toBeVisible();

  await instance.expandStage(0);
  const activity = instance.activity(0, 0);
  await expect(activity).toContainText('CreateTransaction');
  await expect(activity).toContainText('attempt 1');
  await expect(activity).toContainText('insufficient funds');

  const copyStage = page.getByRole('button', { name: 'Copy link to stage 0' });
  await expect(copyStage).toHaveAttribute(
    'data-url',
    new RegExp(`/instances/${instanceId}\\?stage=0$`),
  );
  const copyActivity = page.getByRole('button', { name: 'Copy link to activity 0 of stage 0' });
  await expect(copyActivity).toHaveAttribute('data-url', /\?stage=0&activity=0$/);

  await expectNoSeriousA11yViolations(page, ['.react-flow__attribution']);
  await attachScreenshot(page, testInfo, 'timeline-failed-light');
  await new AppShell(page).selectColorScheme('Dark');
  await expect(activity).toBeVisible();
  await attachScreenshot(page, testInfo, 'timeline-failed-dark');
  await expectNoSeriousA11yViolations(page, ['.react-flow__attribution']);
});

test('deep link opens a stage and highlights its activity', async ({ page, request }) => {
  const failed = (await listInstances(request)).find(
    (item) => item.workflow?.config.name === 'tip-creator' && item.error?.includes('insufficient'),
  );
  expect(failed, 'seeded failed tip').toBeDefined();

  const instance = new InstancePage(page);
  await instance.goto(failed?.id ?? '', '?stage=0&activity=0');

  await expect(instance.stageRow(0)).toHaveAttribute('data-selected', 'true');
  await expect(instance.activity(0, 0)).toHaveAttribute('data-selected', 'true');
  await expect(instance.activity(0, 0)).toBeInViewport();

  // Selecting a node in the graph moves the selection in the URL and in the timeline.
  await instance.graphNode(0).click();
  await expect(page).toHaveURL(/\?stage=0$/);
  await expect(instance.activity(0, 0)).not.toHaveAttribute('data-selected', 'true');
});

test('running delay is polled until it ends, and polling can pause', async ({
  page,
  request,
}, testInfo) => {
  const workflowId = await createWorkflow(request, uniqueName('poll'), [
    // Long enough for the page to load and the pause check to run while the delay runs.
    { delay: { duration: '15s' } },
    { noop: {} },
  ]);
  const instanceId = await runWorkflow(request, workflowId);

  const instance = new InstancePage(page);
  await instance.goto(instanceId);

  await expect(instance.state('Running')).toBeVisible();
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'running');
  await expect(instance.lastUpdated).toContainText('Refreshing every 2 s');
  await attachScreenshot(page, testInfo, 'timeline-running');

  await page.getByRole('button', { name: 'Pause refresh' }).click();
  await expect(instance.lastUpdated).toContainText('Refresh paused');
  const pausedText = await instance.lastUpdated.textContent();
  await page.waitForTimeout(2_500);
  await expect(instance.lastUpdated).toHaveText(pausedText ?? '');

  await page.getByRole('button', { name: 'Resume refresh' }).click();
  await expect(instance.state('Succeeded')).toBeVisible({ timeout: 20_000 });
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'succeeded');
  await expect(instance.stageRow(1)).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByRole('button', { name: /refresh/ })).toHaveCount(0);
  await expect(instance.lastUpdated).not.toContainText('Refreshing');
});
