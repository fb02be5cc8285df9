import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export type PaletteStage = 'Send' | 'Delay' | 'Wait event' | 'Update' | 'No-op';

/** The workflow editor at `/workflows/new/edit` and `/workflows/:id/edit`. */
export class EditorPage {
  readonly name: Locator;
  readonly canvas: Locator;
  readonly outline: Locator;
  readonly inspector: Locator;
  readonly problems: Locator;
  readonly saveButton: Locator;
  readonly saveVersionButton: Locator;
  readonly runButton: Locator;
  readonly autoLayoutButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Workflow name' });
    this.canvas = page.locator('.react-flow__pane');
    this.outline = page.getByRole('listbox', { name: 'Stages outline' });
    this.inspector = page.getByRole('region', { name: /^Stage \d+ settings$/ });
    this.problems = page
      .getByRole('toolbar', { name: 'Editor tools' })
      .getByText(/^\d+ problems?$/);
    this.saveButton = page.getByRole('button', { name: 'Save', exact: true });
    this.saveVersionButton = page
      .getByRole('toolbar', { name: 'Editor tools' })
      .getByRole('button', { name: 'Save new version' });
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.autoLayoutButton = page.getByRole('button', { name: 'Auto-layout (L)' });
    this.dialog = page.getByRole('dialog');
  }

  async gotoNew() {
    await this.page.goto('/workflows/new/edit');
    await expect(this.outline).toBeVisible();
  }

  async gotoEdit(workflowId: string) {
    await this.page.goto(`/workflows/${workflowId}/edit`);
    await expect(this.outline).toBeVisible();
  }

  paletteItem(kind: PaletteStage): Locator {
    return this.page.getByRole('button', { name: `Add ${kind} stage` });
  }

  /**
   * Canvas node of the stage at a 0-based index, found by its accessible name
   * ("Stage 2: delay"): the DOM order of nodes is their creation order.
   */
  node(index: number): Locator {
    return this.page.locator(`.react-flow__node[aria-label^="Stage ${index + 1}:"]`);
  }

  /**
   * Drags a palette item onto the canvas, low on its left side: below the
   * nodes, clear of the zoom controls and the minimap.
   */
  /** Locates the stage nodes in the DOM. React Flow renders only those in or near the view. */
  renderedNodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  async dragToCanvas(kind: PaletteStage) {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('The canvas is not visible.');
    await this.paletteItem(kind).dragTo(this.canvas, {
      targetPosition: { x: box.width * 0.3, y: box.height * 0.85 },
    });
  }

  async selectStage(index: number) {
    await this.node(index).click();
    await expect(this.inspector).toHaveAccessibleName(`Stage ${index + 1} settings`);
  }

  /** Locates a text field of the selected stage by its exact label. */
  field(label: string, within: Locator = this.inspector): Locator {
    return within.getByRole('textbox', { name: label, exact: true });
  }

  /** Locates the source or destination box of a send stage. */
  endpoint(side: 'Source' | 'Destination'): Locator {
    return this.inspector.getByRole('group', { name: side });
  }

  tab(name: 'Graph' | 'JSON' | 'YAML' | 'Inspector' | 'Variables' | 'Postings'): Locator {
    return this.page.getByRole('tab', { name });
  }

  codeEditor(language: 'json' | 'yaml'): Locator {
    return this.page.getByTestId(`code-editor-${language}`).locator('.cm-content');
  }

  /** Replaces the whole text of the code editor, as a user who selects all and types. */
  async replaceCode(language: 'json' | 'yaml', text: string) {
    const editor = this.codeEditor(language);
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }

  workflowIdFromUrl(): string {
    const match = /\/workflows\/([^/?#]+)\/edit/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`Not an editor URL: ${this.page.url()}`);

    return decodeURIComponent(match[1]);
  }
}
