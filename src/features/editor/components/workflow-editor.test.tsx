import { EditorView } from '@codemirror/view';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Trigger } from '@/lib/orchestration/schemas';
import { renderWithProviders } from '@/testing/render-app';

import { draftKey, saveDraft } from '../model/drafts';
import { settleToMerchant } from '../model/example-workflows';

import { WorkflowEditor } from './workflow-editor';
import type { WorkflowEditorProps } from './workflow-editor';

function renderEditor(props: Partial<WorkflowEditorProps> = {}) {
  const onSave = vi.fn(async () => ({ workflowId: 'new-id' }));
  const onSaved = vi.fn();
  const view = renderWithProviders(<WorkflowEditor onSave={onSave} onSaved={onSaved} {...props} />);

  return { ...view, onSave, onSaved };
}

function outlineItems() {
  return within(screen.getByRole('listbox', { name: 'Stages outline' })).queryAllByRole('option');
}

/** Replaces the text of the CodeMirror editor as if the user typed it. */
function typeCode(text: string) {
  const content = document.querySelector<HTMLElement>('.cm-content');
  const view = content && EditorView.findFromDOM(content);
  if (!view) throw new Error('No CodeMirror editor on the page.');
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

// CodeMirror measures text ranges, which jsdom does not lay out.
Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

// The outline is virtualised and reads its height from clientHeight, which jsdom leaves at 0.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');

// Rendering the whole editor in jsdom takes seconds on a loaded machine.
describe('WorkflowEditor', { timeout: 30_000 }, () => {
  beforeAll(() => {
    Object.defineProperty(Element.prototype, 'clientHeight', {
      configurable: true,
      get(this: Element) {
        return this.getAttribute('role') === 'listbox' ? 600 : 0;
      },
    });
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
  });
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('appends stages from the palette in order', async () => {
    const { user } = renderEditor();

    await user.click(screen.getByRole('button', { name: 'Add Send stage' }));
    await user.click(screen.getByRole('button', { name: 'Add Delay stage' }));
    await user.click(screen.getByRole('button', { name: 'Add No-op stage' }));

    expect(outlineItems().map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^1\.Send/),
      expect.stringMatching(/^2\.Delay/),
      expect.stringMatching(/^3\.No-op/),
    ]);
    // The new send stage lacks its accounts and amount.
    expect(
      screen.getByText('4 problems', { selector: '.mantine-Badge-label' }),
    ).toBeInTheDocument();
  });

  it('shows a field error while typing and clears it when fixed', async () => {
    const { user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add Wait event stage' }));

    // The inspector's code loads when a stage is first selected.
    const field = await screen.findByRole('textbox', { name: /Event name/ });
    expect(field).toHaveAccessibleDescription(/missing required value/);

    await user.type(field, 'refund-${{ticket');
    expect(field).toHaveAccessibleDescription(/is not closed/);

    await user.type(field, '}');
    expect(field).not.toHaveAccessibleDescription(/not closed|missing/);
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/problems?$/, { selector: '.mantine-Badge-label' })).toBeNull();
  });

  it('undoes and redoes an insertion', async () => {
    const { user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add No-op stage' }));

    await user.click(screen.getByRole('button', { name: 'Undo (Ctrl+Z)' }));
    expect(outlineItems()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' }));
    expect(outlineItems()).toHaveLength(1);
  });

  it('saves a new workflow with its config', async () => {
    const { user, onSave, onSaved } = renderEditor();
    await user.type(screen.getByRole('textbox', { name: 'Workflow name' }), 'probe');
    await user.click(screen.getByRole('button', { name: 'Add No-op stage' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ workflowId: 'new-id' }));
    expect(onSave).toHaveBeenCalledWith({
      config: { name: 'probe', stages: [{ noop: {} }] },
      moveTriggers: false,
    });
  });

  it('refuses to save while there are problems', async () => {
    const { user, onSave } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add Wait event stage' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('saves an edit as a new version and moves its triggers', async () => {
    const trigger: Trigger = {
      id: 't1',
      name: 'orders',
      event: 'SAVED_PAYMENT',
      workflowID: 'wf-1',
      createdAt: '2025-01-01T00:00:00Z',
    };
    const { user, onSave } = renderEditor({
      workflow: { id: 'wf-1', config: settleToMerchant },
      triggers: { data: [trigger], isPending: false, error: undefined },
    });

    await user.click(outlineItems()[1] as HTMLElement);
    const duration = await screen.findByRole('textbox', { name: /Duration/ });
    await user.clear(duration);
    await user.type(duration, '24h');
    await user.click(screen.getByRole('button', { name: 'Save new version' }));

    const dialog = await screen.findByRole('dialog', { name: 'Save as a new version' });
    expect(within(dialog).getByText('Changed')).toBeInTheDocument();
    expect(within(dialog).getByText('72h → 24h')).toBeInTheDocument();
    expect(within(dialog).getByText('orders')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Save new version' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ moveTriggers: true }));
  });

  it('keeps the graph when the YAML is invalid and applies it once fixed', async () => {
    const { user } = renderEditor({ workflow: { id: 'wf-1', config: settleToMerchant } });
    await user.click(screen.getByRole('tab', { name: 'YAML' }));
    // The code view and CodeMirror load on demand, which takes seconds on a busy test machine.
    await screen.findByTestId('code-editor-yaml', {}, { timeout: 15_000 });

    typeCode('name: x\nstages:\n  - noop: {\n');
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Line \d+, column \d+/);
    expect(outlineItems()).toHaveLength(3);

    typeCode('name: x\nstages:\n  - noop: {}\n');
    await waitFor(() => expect(outlineItems()).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows JSON after switching from the YAML tab', async () => {
    const { user } = renderEditor({ workflow: { id: 'wf-1', config: settleToMerchant } });
    await user.click(screen.getByRole('tab', { name: 'YAML' }));
    const yaml = await screen.findByTestId('code-editor-yaml', {}, { timeout: 15_000 });
    expect(yaml).toHaveTextContent('stages:');

    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = await screen.findByTestId('code-editor-json');
    expect(json).toHaveTextContent('"stages": [');
  });

  it('offers to restore a draft', async () => {
    saveDraft(draftKey(undefined), { name: 'draft', stages: [{ noop: {} }, { noop: {} }] });
    const { user } = renderEditor();

    expect(outlineItems()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Restore' }));

    expect(outlineItems()).toHaveLength(2);
    expect(screen.getByRole('textbox', { name: 'Workflow name' })).toHaveValue('draft');
  });

  it('lists variables with the stage and path of each use', async () => {
    const { user } = renderEditor({ workflow: { id: 'wf-1', config: settleToMerchant } });
    await user.click(screen.getByRole('tab', { name: 'Variables' }));

    // The panel's code loads when its tab first opens.
    expect(await screen.findByText('merchantID')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stage 3 · update.account.id' })).toBeInTheDocument();
  });

  it('moves through the outline with the keyboard and reorders with Alt+arrows', async () => {
    const { user } = renderEditor({ workflow: { id: 'wf-1', config: settleToMerchant } });
    const outline = screen.getByRole('listbox', { name: 'Stages outline' });

    outline.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(outlineItems()[1]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(outlineItems()[0]?.textContent).toMatch(/^1\.Delay/);
  });
});
