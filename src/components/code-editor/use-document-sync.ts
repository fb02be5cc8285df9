import type { EditorView } from '@codemirror/view';
import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Replaces the view's text with `value` when they differ. `applyingRef` is
 * true during the replacement, so the view's change listener can skip it
 * instead of reporting it as a user edit.
 */
export function useDocumentSync(
  viewRef: RefObject<EditorView | undefined>,
  applyingRef: RefObject<boolean>,
  value: string,
): void {
  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;

    applyingRef.current = true;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    applyingRef.current = false;
  }, [viewRef, applyingRef, value]);
}
