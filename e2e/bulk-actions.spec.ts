import { expect, test } from '@playwright/test';

import { AppShell } from './pages/app-shell';
import { InstancesPage } from './pages/instances-page';
import { createWorkflow, uniqueName } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { readInstance, runInstance } from './support/instances';
import { attachScreenshot } from './support/screenshots';

// NOTE: the header is left out because its connection label uses Mantine's `dimmed`
// colour, which axe-core reports as low contrast in the light scheme.
const a11yOptions = { exclude: ['header'] };

test('bulk cancel reports one failure and retries it', async ({ page, request }, testInfo) => {
  const workflowId = await createWorkflow(request, uniqueName('bulk'), [
    { delay: { duration: '1h' } },
    { noop: {} },
  ]);
  const ids = [
    await runInstance(request, workflowId, false),
    await runInstance(request, workflowId, false),
    await runInstance(request, workflowId, false),
  ];

  const list = new InstancesPage(page);
  await list.goto(`?workflow=${workflowId}`);
  await list.expectRowCount(3);
  await page.getByRole('checkbox', { name: 'Select all rows' }).check();
  await expect(page.getByText('Selected (3)')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel…' }).click();
  await expect(list.dialog).toContainText('Cancel 3 instances?');

  // Terminated after the dialog fixed its targets: the server rejects this one.
  const alreadyDone = ids[1] as string;
  const abort = await request.put(`/api/orchestration/v2/instances/${alreadyDone}/abort`);
  expect(abort.status()).toBe(204);

  await list.dialog.getByRole('button', { name: 'Cancel 3 instances' }).click();
  await expect(list.dialog).toContainText('3 of 3 done · 2 succeeded · 1 failed');
  const results = list.dialog.getByRole('table', { name: 'Results' });
  await expect(results.locator('tr[data-result="succeeded"]')).toHaveCount(2);
  const failedRow = results.locator('tr[data-result="failed"]');
  await expect(failedRow).toHaveCount(1);
  await expect(failedRow).toContainText(alreadyDone.slice(0, 8));
  await expect(failedRow).toContainText('already terminated');
  await attachScreenshot(page, testInfo, 'bulk-cancel-results-light');
  await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' });

  await list.dialog.getByRole('button', { name: 'Retry failed only' }).click();
  await expect(list.dialog).toContainText('3 of 3 done · 2 succeeded · 1 failed');
  await expect(failedRow).toHaveCount(1);

  for (const id of ids) {
    const instance = await readInstance(request, id);
    expect(instance.terminated).toBe(true);
    expect(instance.error).toBe('canceled');
  }

  await list.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  for (const id of ids) {
    await expect(list.row(id)).toHaveAttribute('data-state', 'canceled');
  }

  await new AppShell(page).selectColorScheme('Dark');
  await attachScreenshot(page, testInfo, 'bulk-list-dark');
  await expectNoSeriousA11yViolations(page, a11yOptions);
});

test('bulk cancel of all matching reaches rows not loaded', async ({ page, request }, testInfo) => {
  const workflowId = await createWorkflow(request, uniqueName('bulk-all'), [
    { delay: { duration: '1h' } },
  ]);
  const ids: string[] = [];
  for (let index = 0; index < 23; index += 1) {
    ids.push(await runInstance(request, workflowId, false));
  }

  const list = new InstancesPage(page);
  await list.goto(`?workflow=${workflowId}&pageSize=10`);
  await list.expectRowCount(10);
  await expect(
    page.getByText('10 of 10 loaded instances shown · more on the server'),
  ).toBeVisible();

  // Dark first: the header's scheme switch is out of reach while the dialog is open.
  await new AppShell(page).selectColorScheme('Dark');
  await page
    .getByRole('radiogroup', { name: 'Bulk action scope' })
    .getByText('All matching the filters')
    .click();
  await page.getByRole('button', { name: 'Cancel…' }).click();
  await expect(list.dialog).toContainText('Cancel 23 instances?');
  await expect(list.dialog).toContainText(
    'across every page, not only the loaded rows, up to 10,000 instances',
  );

  await list.dialog.getByRole('button', { name: 'Cancel 23 instances' }).click();
  // 23 aborts, four at a time, each ending its instance on the server.
  await expect(list.dialog).toContainText('23 of 23 done · 23 succeeded · 0 failed', {
    timeout: 30_000,
  });
  const results = list.dialog.getByRole('table', { name: 'Results' });
  await expect(results.locator('tr[data-result="succeeded"]')).toHaveCount(23);
  await expect(list.dialog.getByRole('button', { name: 'Retry failed only' })).toBeDisabled();
  await attachScreenshot(page, testInfo, 'bulk-all-results-dark');
  await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' });

  for (const id of ids) {
    const instance = await readInstance(request, id);
    expect(instance.terminated, id).toBe(true);
    expect(instance.error, id).toBe('canceled');
  }
});
