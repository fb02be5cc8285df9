import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';

import { stagesFromClipboardText, stagesToClipboardText } from '../model/clipboard';

import type { WorkflowEditorModel } from './use-workflow-editor';

type ShortcutActions = {
  editor: WorkflowEditorModel;
  onFitView: () => void;
  onSave: () => void;
  onHelp: () => void;
};

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;

  return target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

function insideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}

/** Index after the last selected stage, or the end of the workflow when nothing is selected. */
function pasteIndex(editor: WorkflowEditorModel): number {
  const selected = new Set(editor.state.selection);
  const stages = editor.state.document.stages;
  for (let index = stages.length - 1; index >= 0; index -= 1) {
    if (selected.has(stages[index]?.id ?? '')) return index + 1;
  }

  return stages.length;
}

function selectedElements(editor: WorkflowEditorModel) {
  const selected = new Set(editor.state.selection);

  return editor.state.document.stages
    .filter((stage) => selected.has(stage.id))
    .map((stage) => stage.element);
}

/**
 * Keyboard shortcuts of the editor (listed in shortcuts.ts) and stage copy,
 * cut and paste through the browser's clipboard events. Both are ignored
 * while typing in a field and inside dialogs.
 */
export function useEditorShortcuts(actions: ShortcutActions) {
  const ref = useRef(actions);
  ref.current = actions;

  const run = (handler: (current: ShortcutActions) => void) => (event: KeyboardEvent) => {
    if (insideDialog(event.target)) return;
    event.preventDefault();
    handler(ref.current);
  };
  const moveActive = (offset: number) => (current: ShortcutActions) => {
    const { state, dispatch } = current.editor;
    const active = state.selection.at(-1);
    const index = state.document.stages.findIndex((stage) => stage.id === active);
    if (active && index >= 0) dispatch({ type: 'move', id: active, toIndex: index + offset });
  };
  const removeSelection = (current: ShortcutActions) =>
    current.editor.dispatch({ type: 'remove', ids: current.editor.state.selection });

  useHotkeys([
    ['mod+Z', run(({ editor }) => editor.dispatch({ type: 'undo' }))],
    ['mod+shift+Z', run(({ editor }) => editor.dispatch({ type: 'redo' }))],
    ['mod+Y', run(({ editor }) => editor.dispatch({ type: 'redo' }))],
    [
      'mod+D',
      run(({ editor }) => editor.dispatch({ type: 'duplicate', ids: editor.state.selection })),
    ],
    ['Delete', run(removeSelection)],
    ['Backspace', run(removeSelection)],
    [
      'mod+A',
      run(({ editor }) =>
        editor.dispatch({
          type: 'select',
          ids: editor.state.document.stages.map((stage) => stage.id),
        }),
      ),
    ],
    ['Escape', run(({ editor }) => editor.dispatch({ type: 'select', ids: [] }))],
    ['alt+ArrowUp', run(moveActive(-1))],
    ['alt+ArrowDown', run(moveActive(1))],
    ['L', run(({ editor }) => editor.autoLayout())],
    ['F', run(({ onFitView }) => onFitView())],
    ['shift+?', run(({ onHelp }) => onHelp())],
  ]);
  // Save works from inside fields too, where the browser would otherwise save the page.
  useHotkeys([['mod+S', run(({ onSave }) => onSave())]], [], true);

  useEffect(() => {
    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      const { editor } = ref.current;
      if (isEditable(event.target) || insideDialog(event.target)) return;
      if (window.getSelection()?.toString()) return;

      const elements = selectedElements(editor);
      if (elements.length === 0 || !event.clipboardData) return;

      event.preventDefault();
      event.clipboardData.setData('text/plain', stagesToClipboardText(elements));
      if (cut) editor.dispatch({ type: 'remove', ids: editor.state.selection });
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || insideDialog(event.target)) return;

      // The clipboard data is readable only during the event, and parsing may wait for the
      // YAML parser to load, so the text is read now and the stages are inserted later.
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;

      event.preventDefault();
      void stagesFromClipboardText(text).then((stages) => {
        if (!stages) return;
        const { editor } = ref.current;
        editor.dispatch({ type: 'insert', index: pasteIndex(editor), elements: stages });
      });
    };
    const copy = (event: ClipboardEvent) => onCopy(event, false);
    const cut = (event: ClipboardEvent) => onCopy(event, true);

    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);

    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
