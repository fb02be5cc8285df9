import { expect, test } from '@playwright/test';

import { InstancePage } from './pages/instance-page';
import { WorkflowPage } from './pages/workflow-page';
import { createWorkflow, uniqueName } from './support/api';
import { attachScreenshot } from './support/screenshots';

test('running instance is canceled from the UI after confirmation', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('cancel');
  const workflowId = await createWorkflow(request, name, [
    { delay: { duration: '1h' } },
    { noop: {} },
  ]);

  const workflow = new WorkflowPage(page);
  await workflow.goto(workflowId);
  await workflow.run();

  const instance = new InstancePage(page);
  await expect(instance.state('Running')).toBeVisible();
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'running');
  const instanceId = instance.instanceIdFromUrl();

  await instance.cancelButton.click();
  await expect(instance.dialog).toContainText(instanceId.slice(0, 8));
  await expect(instance.dialog).toContainText(name);
  await expect(instance.dialog).toContainText('stage 0 (Delay)');
  await attachScreenshot(page, testInfo, 'cancel-dialog');
  await instance.dialog.getByRole('button', { name: 'Cancel instance' }).click();

  await expect(page.getByText('Instance canceled')).toBeVisible();
  // The mutation refetches the instance, so the result shows within one poll period.
  await expect(instance.state('Canceled')).toBeVisible({ timeout: 2_500 });
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'canceled');
  await expect(instance.stageRow(1)).toHaveAttribute('data-state', 'skipped');
  await expect(instance.cancelButton).toHaveAttribute('aria-disabled', 'true');
  await attachScreenshot(page, testInfo, 'instance-canceled');
});
