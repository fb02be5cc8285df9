import type { Locator, Page } from '@playwright/test';

export type InstanceStateLabel = 'Running' | 'Waiting' | 'Succeeded' | 'Failed' | 'Canceled';

export class InstancePage {
  readonly timeline: Locator;
  readonly sendEventButton: Locator;
  readonly cancelButton: Locator;
  readonly runAgainButton: Locator;
  readonly exportButton: Locator;
  readonly lastUpdated: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.timeline = page.getByTestId('timeline-scroller');
    this.sendEventButton = page.getByRole('button', { name: 'Send event' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.runAgainButton = page.getByRole('button', { name: 'Run again' });
    this.exportButton = page.getByRole('button', { name: 'Export case file' });
    this.lastUpdated = page.getByTestId('last-updated');
    this.dialog = page.getByRole('dialog');
  }

  async goto(instanceId: string, search = '') {
    await this.page.goto(`/instances/${instanceId}${search}`);
  }

  /** Badge next to the id in the header; it follows the polled instance. */
  state(label: InstanceStateLabel): Locator {
    return this.page.getByRole('status', { name: `State: ${label}` });
  }

  /** Row of a stage in the timeline, with `data-state` set to its state. */
  stageRow(index: number): Locator {
    return this.timeline.locator(`[data-stage="${index}"]`);
  }

  /** Card of one activity inside an expanded stage row. */
  activity(stage: number, index: number): Locator {
    return this.stageRow(stage).locator(`[data-activity="${index}"]`);
  }

  async expandStage(index: number) {
    await this.page.getByRole('button', { name: `Show activities of stage ${index}` }).click();
  }

  /** React Flow node of a stage in the side graph. */
  graphNode(index: number): Locator {
    return this.page.locator(`.react-flow__node[data-id="stage-${index}"]`);
  }

  instanceIdFromUrl(): string {
    const match = /\/instances\/([^/?#]+)/.exec(this.page.url());

    if (!match?.[1]) throw new Error(`Not on an instance page: ${this.page.url()}`);

    return decodeURIComponent(match[1]);
  }
}
