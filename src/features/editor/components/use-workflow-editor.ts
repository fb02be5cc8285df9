import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';

import type { StageKind } from '@/lib/orchestration/schemas';

import { canonicalJson } from '../model/canonical';
import { configToDocument, createStageElement, documentToConfig } from '../model/document';
import type { EditorConfig } from '../model/document';
import { clearDraft, loadDraft, saveDraft } from '../model/drafts';
import type { Draft } from '../model/drafts';
import { canRedo, canUndo, createEditorState, editorReducer } from '../model/history';
import { validateDocument } from '../model/validation';

/** Pause after the last change before the draft is written to localStorage. */
const draftDelayMs = 800;

/**
 * State of one editing session: the document with undo and redo, validation,
 * unsaved-changes tracking against the initial config, the localStorage
 * draft and sample variable values.
 */
export function useWorkflowEditor(initialConfig: EditorConfig, draftKey: string) {
  const [state, dispatch] = useReducer(editorReducer, initialConfig, (config) =>
    createEditorState(configToDocument(config)),
  );
  const [baseline] = useState(() => ({
    document: state.document,
    canonical: canonicalJson(initialConfig),
  }));
  const [pendingDraft, setPendingDraft] = useState<Draft | undefined>(() => {
    const draft = loadDraft(draftKey);
    return draft && canonicalJson(draft.config) !== baseline.canonical ? draft : undefined;
  });
  const [samples, setSamples] = useState<Record<string, string>>({});

  const config = useMemo(() => documentToConfig(state.document), [state.document]);
  const validation = useMemo(
    () => validateDocument(state.document.stages),
    [state.document.stages],
  );
  const dirty = useMemo(
    () => state.document !== baseline.document && canonicalJson(config) !== baseline.canonical,
    [state.document, config, baseline],
  );

  // Drafts: written after a pause, removed when the changes are undone; a
  // pending write is flushed when the editor closes.
  const draftRef = useRef<{ dirty: boolean; config: EditorConfig }>({ dirty, config });
  draftRef.current = { dirty, config };
  const skipDraftsRef = useRef(pendingDraft !== undefined);
  useEffect(() => {
    // Until the user answers the restore prompt, the stored draft is left alone.
    if (skipDraftsRef.current) return;

    const timer = setTimeout(() => {
      if (dirty) saveDraft(draftKey, config);
      else clearDraft(draftKey);
    }, draftDelayMs);

    return () => clearTimeout(timer);
  }, [config, dirty, draftKey]);
  useEffect(
    () => () => {
      if (!skipDraftsRef.current && draftRef.current.dirty)
        saveDraft(draftKey, draftRef.current.config);
    },
    [draftKey],
  );

  const restoreDraft = useCallback(() => {
    if (!pendingDraft) return;
    skipDraftsRef.current = false;
    dispatch({ type: 'replace', config: pendingDraft.config });
    setPendingDraft(undefined);
  }, [pendingDraft]);

  const discardDraft = useCallback(() => {
    skipDraftsRef.current = false;
    clearDraft(draftKey);
    setPendingDraft(undefined);
  }, [draftKey]);

  /** Forgets the draft once the work is saved; later changes are not drafted either. */
  const markSaved = useCallback(() => {
    skipDraftsRef.current = true;
    clearDraft(draftKey);
  }, [draftKey]);

  const autoLayout = useCallback(() => dispatch({ type: 'autoLayout' }), []);

  const appendStage = useCallback((kind: StageKind) => {
    dispatch({
      type: 'insert',
      index: Number.MAX_SAFE_INTEGER,
      elements: [createStageElement(kind)],
    });
  }, []);

  const insertStage = useCallback((index: number, kind: StageKind) => {
    dispatch({ type: 'insert', index, elements: [createStageElement(kind)] });
  }, []);

  const setSample = useCallback((name: string, value: string) => {
    setSamples((current) => ({ ...current, [name]: value }));
  }, []);

  return {
    state,
    dispatch,
    config,
    validation,
    dirty,
    canUndo: canUndo(state),
    canRedo: canRedo(state),
    pendingDraft,
    restoreDraft,
    discardDraft,
    markSaved,
    samples,
    setSample,
    autoLayout,
    appendStage,
    insertStage,
  };
}

export type WorkflowEditorModel = ReturnType<typeof useWorkflowEditor>;
