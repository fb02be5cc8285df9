import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The instances list (`/instances`) and the waiting inbox (`/waiting`). */
export class InstancesPage {
  readonly grid: Locator;
  readonly scroller: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Instances' });
    this.scroller = page.getByTestId('instances-scroller');
    this.rows = this.grid.locator('[role="row"][data-instance-id]');
    this.dialog = page.getByRole('dialog');
  }

  async goto(search = '') {
    await this.page.goto(`/instances${search}`);
  }

  async gotoWaiting() {
    await this.page.goto('/waiting');
  }

  row(instanceId: string): Locator {
    return this.grid.locator(`[role="row"][data-instance-id="${instanceId}"]`);
  }

  stateFilter(label: 'All' | 'Running' | 'Terminated'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Filter by state' }).getByText(label);
  }

  async chooseOutcome(label: string) {
    await this.page.getByRole('combobox', { name: 'Outcome' }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  /** Reads the search params of the current URL. */
  searchParams(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  waitingGroup(eventName: string): Locator {
    return this.page.getByRole('region').filter({ hasText: eventName });
  }

  async expectRowCount(count: number) {
    await expect(this.rows).toHaveCount(count);
  }
}
