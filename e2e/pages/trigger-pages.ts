import type { Locator, Page } from '@playwright/test';

/** Trigger editor (new and edit pages). */
export class TriggerEditorPage {
  readonly name: Locator;
  readonly eventType: Locator;
  readonly workflow: Locator;
  readonly filter: Locator;
  readonly addVariable: Locator;
  readonly saveButton: Locator;
  readonly dialog: Locator;
  readonly lineage: Locator;
  readonly whatIfSummary: Locator;
  readonly whatIfTable: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Name', exact: true });
    this.eventType = page.getByRole('combobox', { name: 'Event type' });
    this.workflow = page.getByRole('combobox', { name: 'Workflow' });
    this.filter = page.getByRole('textbox', { name: 'Filter expression' });
    this.addVariable = page.getByRole('button', { name: /^Add variable/ });
    this.saveButton = page.getByRole('button', { name: /^(Create trigger|Save as new trigger)$/ });
    this.dialog = page.getByRole('dialog');
    this.lineage = page.getByRole('status', { name: 'Variables and workflow placeholders differ' });
    this.whatIfSummary = page.getByRole('status', { name: 'What-if summary' });
    this.whatIfTable = page.getByRole('table', { name: 'What-if on past events' });
  }

  /** Replaces the text of a CodeMirror editor. */
  async setCode(editor: Locator, text: string) {
    await editor.click();
    await editor.press('ControlOrMeta+a');
    await editor.press('Delete');
    await editor.fill(text);
  }

  variableName(index: number): Locator {
    return this.page.getByRole('textbox', { name: `Variable ${index} name` });
  }

  variableExpression(index: number): Locator {
    return this.page.getByRole('textbox', { name: `Variable ${index} expression` });
  }

  async chooseWorkflow(name: string) {
    await this.workflow.click();
    await this.workflow.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${name} · `) }).click();
  }
}

/** Trigger page: definition, test panel, test suite and occurrences. */
export class TriggerPage {
  readonly editButton: Locator;
  readonly deleteButton: Locator;
  readonly payload: Locator;
  readonly runTest: Locator;
  readonly saveCase: Locator;
  readonly result: Locator;
  readonly dialog: Locator;
  readonly suiteSummary: Locator;
  readonly occurrences: Locator;

  constructor(readonly page: Page) {
    this.editButton = page.getByRole('button', { name: 'Edit', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.payload = page.getByRole('textbox', { name: 'Sample event payload' });
    this.runTest = page.getByRole('button', { name: 'Run test' });
    this.saveCase = page.getByRole('button', { name: 'Save as test case' });
    this.result = page.getByRole('region', { name: 'Test result' });
    this.dialog = page.getByRole('dialog');
    this.suiteSummary = page.getByRole('status', { name: 'Test suite summary' });
    this.occurrences = page.getByRole('table', { name: 'Occurrences' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }
}
