import type { Locator, Page } from '@playwright/test';

export class WorkflowPage {
  readonly runButton: Locator;
  readonly runDialog: Locator;

  constructor(readonly page: Page) {
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.runDialog = page.getByRole('dialog');
  }

  async goto(workflowId: string) {
    await this.page.goto(`/workflows/${workflowId}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** React Flow node of a stage, by its 0-based number. */
  stageNode(index: number): Locator {
    return this.page.locator(`.react-flow__node[data-id="stage-${index}"]`);
  }

  async run(variables: Record<string, string> = {}) {
    await this.runButton.click();

    for (const [name, value] of Object.entries(variables)) {
      await this.runDialog.getByRole('textbox', { name }).fill(value);
    }

    await this.runDialog.getByRole('button', { name: 'Run', exact: true }).click();
  }
}
