import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';

import { TriggerEditorPage, TriggerPage } from './pages/trigger-pages';
import { createWorkflow, uniqueName } from './support/api';
import { expectNoSeriousA11yViolations } from './support/axe';
import { attachScreenshot } from './support/screenshots';

// Left out of the accessibility checks: the shared JSON viewer, whose string colour is under
// 4.5:1 on its background, and the shared toasts, whose message text is too.
const sharedWidgets = [
  '[role="group"][aria-label$="interpolated stages"]',
  '.mantine-Notifications-root',
];

/** Commits a ledger transaction through the embedded ledger; it emits COMMITTED_TRANSACTIONS. */
async function commitTransaction(request: APIRequestContext, ledger: string, amount: number) {
  const response = await request.post(`/api/local/ledgers/${ledger}/transactions`, {
    data: {
      postings: [{ source: 'world', destination: 'e2e:sink', amount, asset: 'EUR/2' }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

function transactionPayload(ledger: string, amount: number): string {
  const payload = {
    ledger,
    transactions: [
      {
        id: 7,
        postings: [{ source: 'world', destination: 'e2e:sink', amount, asset: 'EUR/2' }],
        metadata: {},
      },
    ],
    accountMetadata: {},
  };

  return JSON.stringify(payload, null, 2);
}

test('trigger is created, tested, compared on real traffic, edited and deleted', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const workflowName = uniqueName('trigger-wf');
  const triggerName = uniqueName('trigger');
  const ledger = uniqueName('ledger');
  await createWorkflow(request, workflowName, [
    {
      update: {
        account: {
          id: 'audit:${txid}',
          ledger: `${ledger}-audit`,
          metadata: { amount: '${amount}' },
        },
      },
    },
  ]);

  // Create: event type, workflow, a filter with a compile error that gets fixed, and vars.
  await page.goto('/triggers');
  await page.getByRole('button', { name: 'New trigger' }).click();
  const editor = new TriggerEditorPage(page);
  await editor.name.fill(triggerName);
  await editor.eventType.fill('COMMITTED_TRANS');
  await page.getByRole('option', { name: 'COMMITTED_TRANSACTIONS' }).click();
  await editor.chooseWorkflow(workflowName);

  await editor.setCode(editor.filter, 'event.ledger ==');
  await expect(page.getByText(/unexpected token EOF \(1:\d+\)/).first()).toBeVisible();
  await expect(editor.saveButton).toBeDisabled();
  await attachScreenshot(page, testInfo, 'editor-compile-error');
  await editor.setCode(editor.filter, `event.ledger == "${ledger}"`);
  await expect(page.getByText(/unexpected token EOF/)).toHaveCount(0);

  await editor.addVariable.click();
  await expect(editor.variableName(1)).toHaveValue('txid');
  await editor.setCode(editor.variableExpression(1), 'event.transactions[0].id');
  await editor.addVariable.click();
  await editor.variableName(2).fill('amont');
  await editor.setCode(editor.variableExpression(2), 'event.transactions[0].postings[0].amount');
  await expect(editor.lineage).toContainText('amont looks like a misspelling of amount');
  await attachScreenshot(page, testInfo, 'editor-lineage');
  await editor.variableName(2).fill('amount');
  await expect(page.getByText('Variables match:')).toBeVisible();
  await expectNoSeriousA11yViolations(page, sharedWidgets);

  await editor.saveButton.click();
  await expect(editor.dialog).toContainText(workflowName);
  await editor.dialog.getByRole('button', { name: 'Create trigger' }).click();

  // Test on the server: a non-matching then a matching payload, each saved as a test case.
  const trigger = new TriggerPage(page);
  await expect(trigger.heading(triggerName)).toBeVisible();
  await trigger.runTest.click();
  await expect(trigger.result).toContainText('Filter does not match');
  await trigger.saveCase.click();
  await trigger.dialog.getByRole('textbox', { name: 'Case name' }).fill('other ledger');
  await trigger.dialog.getByRole('button', { name: 'Save case' }).click();
  await expect(trigger.suiteSummary).toContainText('All 1 pass');

  await editor.setCode(trigger.payload, transactionPayload(ledger, 120000));
  await trigger.runTest.click();
  await expect(trigger.result).toContainText('Filter matches');
  await expect(trigger.result.getByRole('table')).toContainText('120000');
  await expect(trigger.result).toContainText(`audit:7`);
  await attachScreenshot(page, testInfo, 'trigger-test-match');
  await trigger.saveCase.click();
  await trigger.dialog.getByRole('textbox', { name: 'Case name' }).fill('large tx');
  await expect(trigger.dialog.getByRole('textbox', { name: 'Expected amount' })).toHaveValue(
    '120000',
  );
  await trigger.dialog.getByRole('button', { name: 'Save case' }).click();
  await expect(trigger.suiteSummary).toContainText('All 2 pass');
  await expectNoSeriousA11yViolations(page, sharedWidgets);

  // Real traffic: two ledger transactions fire the trigger.
  await commitTransaction(request, ledger, 50000);
  await commitTransaction(request, ledger, 900);
  await page.reload();
  await expect(trigger.occurrences.getByRole('row')).toHaveCount(3);
  await attachScreenshot(page, testInfo, 'trigger-page');

  // What-if: a stricter filter stops matching the small transaction.
  await trigger.editButton.click();
  await expect(editor.whatIfTable.getByRole('row')).toHaveCount(3);
  await editor.setCode(
    editor.filter,
    `event.ledger == "${ledger}" && event.transactions[0].postings[0].amount >= 1000`,
  );
  await expect(editor.whatIfSummary).toHaveText('1 of 2 past events change: 1 stop matching.');
  await expect(page.getByRole('status', { name: 'Test suite summary' })).toContainText(
    'All 2 pass',
  );
  await attachScreenshot(page, testInfo, 'editor-what-if');

  // Saving an edit creates a new trigger, moves the suite and deletes the old trigger.
  const oldUrl = page.url().replace(/\/edit$/, '');
  await editor.saveButton.click();
  await expect(editor.dialog).toContainText('deletes');
  await editor.dialog.getByRole('button', { name: 'Save as new trigger' }).click();
  await expect(page.getByText('Trigger replaced')).toBeVisible();
  await expect(page).not.toHaveURL(oldUrl);
  await expect(trigger.suiteSummary).toContainText('All 2 pass');
  const oldTrigger = await request.get(
    `/api/orchestration/v2/triggers/${oldUrl.split('/').pop() ?? ''}`,
  );
  expect(oldTrigger.status()).toBe(404);

  // The list shows the suite's badge; then the trigger is deleted.
  await page.goto(`/triggers?q=${triggerName}`);
  const row = page.getByRole('row').filter({ hasText: triggerName });
  await expect(row).toContainText('2 pass');
  await attachScreenshot(page, testInfo, 'triggers-list');
  await row.getByRole('link', { name: triggerName }).click();
  await trigger.deleteButton.click();
  await trigger.dialog.getByRole('button', { name: 'Delete trigger' }).click();
  await expect(page).toHaveURL(/\/triggers$/);
  await page.goto(`/triggers?q=${triggerName}`);
  await expect(page.getByText('No matching trigger')).toBeVisible();
});
