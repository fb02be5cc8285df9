import { Stack } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';

import { useWriteAccess } from '@/lib/connection/connection-context';

import { draftKey } from '../model/drafts';
import type { EditorConfig } from '../model/document';
import { listVariableUsages } from '../model/variables';

import { DraftPrompt } from './draft-prompt';
import type { FocusRequest } from './editor-canvas';
import { EditorWorkspace } from './editor-workspace';
import { EditorCommandsContext } from './editor-commands';
import { EditorToolbar } from './editor-toolbar';
import type { InsertMenuTarget } from './insert-stage-menu';
import {
  InsertStageMenu,
  LeaveDialog,
  MountOnceActive,
  RunDialog,
  SaveVersionDialog,
  ShortcutsHelp,
  usePreloadEditorParts,
} from './lazy-parts';
import type { TriggersState } from './save-version-dialog';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';
import { useEditorActions } from './use-editor-actions';
import type { SaveOutcome, SaveRequest } from './use-editor-actions';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useWorkflowEditor } from './use-workflow-editor';

export type { SaveOutcome, SaveRequest, TriggersState };

export type WorkflowEditorProps = {
  /** The saved workflow being edited; absent for a new workflow. Saving an edit creates a new workflow. */
  workflow?: { id: string; config: EditorConfig };
  /** Triggers that start `workflow`, offered for moving to the new version. */
  triggers?: TriggersState;
  onSave: (request: SaveRequest) => Promise<SaveOutcome>;
  /** Called after a successful save, e.g. to open the new workflow. */
  onSaved: (outcome: SaveOutcome) => void;
  /** Runs the saved `workflow` with variables; without it the Run button stays unavailable. */
  onRun?: (variables: Record<string, string>) => Promise<void>;
};

const newWorkflowConfig: EditorConfig = { stages: [] };
const noTriggers: TriggersState = { data: [], isPending: false, error: undefined };

function EditorLayout({
  workflow,
  triggers = noTriggers,
  onSave,
  onSaved,
  onRun,
}: WorkflowEditorProps) {
  const editor = useWorkflowEditor(workflow?.config ?? newWorkflowConfig, draftKey(workflow?.id));
  const { state, dispatch, validation } = editor;
  const guard = useUnsavedChangesGuard(editor.dirty);
  const actions = useEditorActions({
    editor,
    editingWorkflowId: workflow?.id,
    onSave,
    onSaved,
    onRun,
    allowNextNavigation: guard.allowNextNavigation,
  });
  const writeAccess = useWriteAccess();
  const [helpOpen, setHelpOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | undefined>(undefined);

  const stages = state.document.stages;
  const readOnlyReason = writeAccess.allowed ? undefined : writeAccess.reason;
  const saveBlockedReason =
    readOnlyReason ??
    (validation.total > 0
      ? `Fix the ${validation.total} ${validation.total === 1 ? 'problem' : 'problems'} first`
      : stages.length === 0
        ? 'Add at least one stage first'
        : workflow && !editor.dirty
          ? 'No changes to save'
          : undefined);
  const runBlockedReason =
    readOnlyReason ??
    (!workflow || !onRun
      ? 'Save the workflow first'
      : editor.dirty
        ? 'Save your changes first: a run uses the saved workflow'
        : undefined);

  const focusStage = useCallback((stageId: string) => {
    setFocusRequest((current) => ({ stageId, nonce: (current?.nonce ?? 0) + 1 }));
  }, []);
  const showStage = useCallback(
    (index: number) => {
      const stage = stages[index];
      if (!stage) return;
      dispatch({ type: 'select', ids: [stage.id] });
      focusStage(stage.id);
    },
    [stages, dispatch, focusStage],
  );
  const [insertTarget, setInsertTarget] = useState<InsertMenuTarget | undefined>(undefined);
  const commands = useMemo(
    () => ({
      openInsertMenu: (index: number, anchor: HTMLElement) =>
        setInsertTarget({ index, anchor, rect: anchor.getBoundingClientRect() }),
    }),
    [],
  );
  // Only the run dialog lists the variables, so they are not computed while it is closed.
  const runDialogOpen = actions.run.dialogOpen;
  const variableNames = useMemo(
    () => (runDialogOpen ? listVariableUsages(editor.config.stages).map((item) => item.name) : []),
    [runDialogOpen, editor.config.stages],
  );

  useEditorShortcuts({
    editor,
    onFitView: actions.fit,
    onSave: () => (saveBlockedReason ? undefined : actions.save.requestSave()),
    onHelp: () => setHelpOpen(true),
  });
  usePreloadEditorParts();

  return (
    <EditorCommandsContext.Provider value={commands}>
      <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
        <EditorToolbar
          name={state.document.name}
          onNameChange={(name) => dispatch({ type: 'setName', name })}
          canUndo={editor.canUndo}
          canRedo={editor.canRedo}
          onUndo={() => dispatch({ type: 'undo' })}
          onRedo={() => dispatch({ type: 'redo' })}
          onAutoLayout={actions.autoLayout}
          onFitView={actions.fit}
          onImport={(file) => void actions.importFile(file)}
          onExport={(language) => void actions.exportFile(language)}
          onHelp={() => setHelpOpen(true)}
          errorCount={validation.total}
          dirty={editor.dirty}
          saveLabel={workflow ? 'Save new version' : 'Save'}
          saving={actions.save.saving}
          saveBlockedReason={saveBlockedReason}
          onSave={actions.save.requestSave}
          runBlockedReason={runBlockedReason}
          onRun={actions.run.open}
        />
        {editor.pendingDraft && (
          <DraftPrompt
            savedAt={editor.pendingDraft.savedAt}
            onRestore={editor.restoreDraft}
            onDiscard={editor.discardDraft}
          />
        )}
        <EditorWorkspace
          stages={stages}
          positions={state.positions}
          selection={state.selection}
          validation={validation}
          config={editor.config}
          dispatch={dispatch}
          focusRequest={focusRequest}
          onFocusStage={focusStage}
          onShowStage={showStage}
          onAppend={editor.appendStage}
          samples={editor.samples}
          onSampleChange={editor.setSample}
        />
      </Stack>
      <MountOnceActive active={insertTarget !== undefined}>
        <InsertStageMenu
          target={insertTarget}
          onClose={() => setInsertTarget(undefined)}
          onInsert={(index, kind) => {
            setInsertTarget(undefined);
            editor.insertStage(index, kind);
          }}
        />
      </MountOnceActive>
      <MountOnceActive active={helpOpen}>
        <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      </MountOnceActive>
      <MountOnceActive active={guard.blocker.state === 'blocked'}>
        <LeaveDialog blocker={guard.blocker} />
      </MountOnceActive>
      {workflow && (
        <MountOnceActive active={actions.save.dialogOpen}>
          <SaveVersionDialog
            opened={actions.save.dialogOpen}
            onClose={actions.save.closeDialog}
            original={workflow.config}
            next={editor.config}
            triggers={triggers}
            saving={actions.save.saving}
            error={actions.save.error}
            blockedReason={readOnlyReason}
            onConfirm={(moveTriggers) => void actions.save.confirm(moveTriggers)}
          />
        </MountOnceActive>
      )}
      <MountOnceActive active={actions.run.dialogOpen}>
        <RunDialog
          opened={actions.run.dialogOpen}
          onClose={actions.run.closeDialog}
          variableNames={variableNames}
          initialValues={editor.samples}
          running={actions.run.running}
          error={actions.run.error}
          onRun={(variables) => void actions.run.confirm(variables)}
        />
      </MountOnceActive>
    </EditorCommandsContext.Provider>
  );
}

/** The visual workflow editor: canvas, outline, inspector, code views, save and run. */
export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorLayout {...props} />
    </ReactFlowProvider>
  );
}
