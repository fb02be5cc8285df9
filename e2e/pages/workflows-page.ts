import type { Locator, Page } from '@playwright/test';

export class WorkflowsPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Workflows' });
    this.search = page.getByRole('textbox', { name: 'Search by name' });
    this.table = page.getByRole('table', { name: 'Workflows' });
  }

  async goto() {
    await this.page.goto('/workflows');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name }) });
  }

  async open(name: string) {
    await this.table.getByRole('link', { name, exact: true }).click();
  }
}
