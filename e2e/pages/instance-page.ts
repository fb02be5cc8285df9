import type { Locator, Page } from '@playwright/test';

export type InstanceStateLabel = 'Running' | 'Waiting' | 'Succeeded' | 'Failed' | 'Canceled';

export class InstancePage {
  readonly stages: Locator;
  readonly sendEventButton: Locator;
  readonly cancelButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.stages = page.getByRole('table', { name: 'Stages' });
    this.sendEventButton = page.getByRole('button', { name: 'Send event' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.dialog = page.getByRole('dialog');
  }

  async goto(instanceId: string) {
    await this.page.goto(`/instances/${instanceId}`);
  }

  /** Badge next to the id in the header; it follows the polled instance. */
  state(label: InstanceStateLabel): Locator {
    return this.page.getByRole('status', { name: `State: ${label}` });
  }

  stageRow(index: number): Locator {
    return this.stages.locator(`tr[data-stage="${index}"]`);
  }

  instanceIdFromUrl(): string {
    const match = /\/instances\/([^/?#]+)/.exec(this.page.url());

    if (!match?.[1]) throw new Error(`Not on an instance page: ${this.page.url()}`);

    return decodeURIComponent(match[1]);
  }
}
