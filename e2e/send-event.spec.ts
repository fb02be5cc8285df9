import { expect, test } from '@playwright/test';

import { InstancePage } from './pages/instance-page';
import { WorkflowPage } from './pages/workflow-page';
import { createWorkflow, runWorkflow, uniqueName } from './support/api';
import { attachScreenshot } from './support/screenshots';

test('waiting instance succeeds after the event is sent from the UI', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('approve');
  const workflowId = await createWorkflow(request, name, [
    { wait_event: { event: 'approve' } },
    { noop: {} },
  ]);

  const workflow = new WorkflowPage(page);
  await workflow.goto(workflowId);
  await expect(workflow.heading(name)).toBeVisible();
  await workflow.run();

  const instance = new InstancePage(page);
  await expect(instance.state('Waiting')).toBeVisible();
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'waiting');
  await expect(instance.stageRow(1)).toHaveAttribute('data-state', 'pending');
  await attachScreenshot(page, testInfo, 'instance-waiting');

  await instance.sendEventButton.click();
  const eventName = instance.dialog.getByRole('textbox', { name: /event name/i });
  await expect(eventName).toHaveValue('approve');
  await expect(instance.dialog.getByText('Not waiting')).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'send-event-dialog');
  await instance.dialog.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(page.getByText('Event sent')).toBeVisible();
  await expect(instance.state('Succeeded')).toBeVisible();
  await expect(instance.stageRow(1)).toHaveAttribute('data-state', 'succeeded');
  await expect(instance.sendEventButton).toHaveAttribute('aria-disabled', 'true');
  await attachScreenshot(page, testInfo, 'instance-succeeded');
});

test('event sent to an instance that is not waiting is reported as dropped', async ({
  page,
  request,
}) => {
  const workflowId = await createWorkflow(request, uniqueName('not-waiting'), [
    { delay: { duration: '1h' } },
    { wait_event: { event: 'approve' } },
  ]);
  const instanceId = await runWorkflow(request, workflowId);

  const instance = new InstancePage(page);
  await instance.goto(instanceId);
  await expect(instance.state('Running')).toBeVisible();

  await instance.sendEventButton.click();
  await expect(instance.dialog.getByText('Not waiting', { exact: true })).toBeVisible();
  await instance.dialog.getByRole('textbox', { name: /event name/i }).fill('approve');
  await instance.dialog.getByRole('button', { name: 'Send', exact: true }).click();

  await expect(page.getByText(/not waiting, so the server dropped the event/)).toBeVisible();
  await expect(instance.state('Running')).toBeVisible();
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'running');
});
