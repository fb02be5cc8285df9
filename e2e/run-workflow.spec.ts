import { expect, test } from '@playwright/test';

import { InstancePage } from './pages/instance-page';
import { WorkflowPage } from './pages/workflow-page';
import { WorkflowsPage } from './pages/workflows-page';
import { createWorkflow, uniqueName } from './support/api';
import { attachScreenshot } from './support/screenshots';

test('created workflow is found, shown as a graph and run with a variable', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('run');
  await createWorkflow(request, name, [
    { delay: { duration: '${pause}' } },
    { wait_event: { event: 'never-sent' } },
  ]);

  const workflows = new WorkflowsPage(page);
  await workflows.goto();
  await expect(workflows.heading).toBeVisible();
  await workflows.search.fill(name);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${name}`));
  await expect(workflows.row(name)).toHaveCount(1);
  await attachScreenshot(page, testInfo, 'workflows-search');

  await workflows.open(name);
  const workflow = new WorkflowPage(page);
  await expect(workflow.heading(name)).toBeVisible();
  await expect(workflow.stageNode(0)).toContainText('Delay');
  await expect(workflow.stageNode(0)).toContainText('${pause}');
  await expect(workflow.stageNode(1)).toContainText('Wait event');
  await expect(workflow.stageNode(1)).toContainText('never-sent');
  await attachScreenshot(page, testInfo, 'workflow-graph');

  await workflow.runButton.click();
  await expect(workflow.runDialog.getByRole('textbox')).toHaveCount(1);
  await attachScreenshot(page, testInfo, 'run-dialog');
  await workflow.runDialog.getByRole('textbox', { name: 'pause' }).fill('1s');
  await workflow.runDialog.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page).toHaveURL(/\/instances\/[^/]+$/);
  const instance = new InstancePage(page);
  await expect(instance.stageRow(0)).toContainText('duration: 1s');
  // The 1 s delay ends, then the instance waits for an event that never comes.
  await expect(instance.state('Waiting')).toBeVisible();
  await expect(instance.stageRow(0)).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await attachScreenshot(page, testInfo, 'instance');
});
