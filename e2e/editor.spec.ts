import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';

import { EditorPage } from './pages/editor-page';
import { InstancePage } from './pages/instance-page';
import { createWorkflow, uniqueName } from './support/api';

type TriggerBody = { id: string; name?: string; workflowID: string };

async function createTrigger(request: APIRequestContext, name: string, workflowID: string) {
  const response = await request.post('/api/orchestration/v2/triggers', {
    data: { name, event: 'SAVED_PAYMENT', workflowID, filter: 'event.type == "PAY-IN"' },
  });
  expect(response.status(), await response.text()).toBe(201);

  return ((await response.json()) as { data: TriggerBody }).data;
}

async function listTriggers(request: APIRequestContext): Promise<TriggerBody[]> {
  const response = await request.get('/api/orchestration/v2/triggers?pageSize=100');
  expect(response.ok()).toBe(true);

  return ((await response.json()) as { cursor: { data: TriggerBody[] } }).cursor.data;
}

test('builds a workflow from the palette, fixes a problem, saves and runs it', async ({
  page,
}, testInfo) => {
  const name = uniqueName('editor');
  const editor = new EditorPage(page);
  await editor.gotoNew();
  await editor.name.fill(name);

  await editor.paletteItem('Send').click();
  await editor.dragToCanvas('Delay');
  await editor.paletteItem('No-op').click();
  await expect(editor.outline.getByRole('option')).toHaveText([
    /^1\.Send/,
    /^2\.Delay/,
    /^3\.No-op/,
  ]);

  await editor.selectStage(0);
  await editor.field('Account', editor.endpoint('Source')).fill('world');
  await editor.field('Account', editor.endpoint('Destination')).fill('users:${userID}');
  await editor.field('Amount').fill('250');
  await editor.field('Asset').fill('usd/2');
  await expect(editor.field('Asset')).toHaveAccessibleDescription(/invalid asset "usd\/2"/);
  await expect(editor.node(0)).toHaveAttribute('aria-label', 'Stage 1: send, 1 problem');
  await expect(editor.problems).toHaveText('1 problem');
  await editor.field('Asset').fill('USD/2');
  await expect(editor.problems).toHaveCount(0);

  await editor.selectStage(1);
  await editor.field('Duration').fill('1s');

  await editor.tab('YAML').click();
  await expect(editor.codeEditor('yaml')).toContainText('asset: USD/2');
  await expect(editor.codeEditor('yaml')).toContainText('duration: 1s');
  await editor.replaceCode(
    'yaml',
    [
      `name: ${name}`,
      'stages:',
      '  - send:',
      '      source: { account: { id: world } }',
      '      destination: { account: { id: "users:${userID}" } }',
      '      amount: { amount: 250, asset: USD/2 }',
      '  - delay: { duration: 2s }',
      '  - noop: {}',
    ].join('\n'),
  );
  await editor.tab('Graph').click();
  await expect(editor.node(1)).toContainText('duration: 2s');
  await page.screenshot({ path: testInfo.outputPath('editor.png') });

  await editor.saveButton.click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+\/edit$/);
  await expect(page.getByText('Workflow saved')).toBeVisible();

  await editor.runButton.click();
  await editor.dialog.getByRole('textbox', { name: 'userID' }).fill('alice');
  await editor.dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page).toHaveURL(/\/instances\/[^/]+$/);
  await expect(new InstancePage(page).state('Succeeded')).toBeVisible({ timeout: 20_000 });
});

test('saves an edited workflow as a new version and moves its trigger', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('version');
  const workflowId = await createWorkflow(request, name, [
    { delay: { duration: '1m' } },
    { noop: {} },
  ]);
  const trigger = await createTrigger(request, `${name}-trigger`, workflowId);

  const editor = new EditorPage(page);
  await editor.gotoEdit(workflowId);
  await expect(editor.node(1)).toContainText('No-op');
  await editor.selectStage(0);
  await editor.field('Duration').fill('5m');
  await editor.paletteItem('Wait event').click();
  await editor.field('Event name').fill('approved');

  await editor.saveVersionButton.click();
  await expect(editor.dialog).toContainText('1m → 5m');
  await expect(editor.dialog).toContainText('Stage 3 · Wait event');
  await expect(editor.dialog).toContainText(`${name}-trigger`);
  await expect(
    editor.dialog.getByRole('checkbox', { name: 'Move it to the new version' }),
  ).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('editor-save-version.png') });
  await editor.dialog.getByRole('button', { name: 'Save new version' }).click();

  await expect(page).toHaveURL(
    (url) => /\/workflows\/[^/]+\/edit$/.test(url.pathname) && !url.pathname.includes(workflowId),
  );
  const newWorkflowId = editor.workflowIdFromUrl();
  const triggers = await listTriggers(request);
  const moved = triggers.filter((item) => item.name === `${name}-trigger`);
  expect(moved).toHaveLength(1);
  expect(moved[0]?.workflowID).toBe(newWorkflowId);
  expect(moved[0]?.id).not.toBe(trigger.id);
  expect((await request.get(`/api/orchestration/v2/triggers/${trigger.id}`)).status()).toBe(404);
});

test('opens a 300-stage workflow rendering only the visible stages', async ({ page, request }) => {
  const stages = Array.from({ length: 300 }, (_, index) =>
    index % 2 === 0 ? { delay: { duration: '1m' } } : { noop: {} },
  );
  const workflowId = await createWorkflow(request, uniqueName('large'), stages);
  // Records the largest number of stage nodes ever in the DOM, the first render included.
  await page.addInitScript(() => {
    const record = () => {
      const count = document.querySelectorAll('.react-flow__node').length;
      const previous = Number(document.documentElement.dataset.maxNodes ?? 0);
      document.documentElement.dataset.maxNodes = String(Math.max(previous, count));
    };
    new MutationObserver(record).observe(document, { childList: true, subtree: true });
  });

  const editor = new EditorPage(page);
  await editor.gotoEdit(workflowId);
  await expect(editor.node(0)).toBeVisible();
  await expect(editor.outline.getByRole('option').first()).toHaveText(/^1\.Delay/);
  const maxNodes = Number(await page.locator('html').getAttribute('data-max-nodes'));
  expect(maxNodes).toBeGreaterThan(0);
  expect(maxNodes).toBeLessThan(100);

  await editor.autoLayoutButton.click();
  await expect(editor.node(0)).toBeVisible();
  await expect(editor.renderedNodes()).toHaveCount(300);
  await expect(editor.node(299)).toHaveAttribute('aria-label', 'Stage 300: noop');
});

test('loads its menus and dialogs when first opened', async ({ page, request }) => {
  const workflowId = await createWorkflow(request, uniqueName('parts'), [
    { noop: {} },
    { noop: {} },
  ]);
  const editor = new EditorPage(page);
  await editor.gotoEdit(workflowId);
  await expect(editor.node(1)).toBeVisible();

  await page.getByRole('button', { name: 'Insert a stage between stages 1 and 2' }).click();
  await page.getByRole('menuitem', { name: 'Delay' }).click();
  await expect(editor.outline.getByRole('option')).toHaveCount(3);
  await expect(editor.node(1)).toHaveAttribute('aria-label', /^Stage 2: delay/);

  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  // YAML, which is not JSON, so the paste waits for the YAML parser to load.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '- wait_event:\n    event: approved\n');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
  });
  await expect(editor.outline.getByRole('option')).toHaveCount(4);
  await expect(editor.outline.getByRole('option').filter({ hasText: 'Wait event' })).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'YAML file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.yaml$/);

  await page.getByRole('link', { name: 'Workflows' }).first().click();
  const leave = page.getByRole('dialog', { name: 'Leave the editor?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/workflows/${workflowId}/edit$`));
});
