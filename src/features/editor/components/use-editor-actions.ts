import { notifications } from '@mantine/notifications';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';

import { describeError } from '@/lib/errors';

import type { CodeLanguage } from '../model/code-format';
import type { EditorConfig } from '../model/document';

import { loadCodeFormat } from './lazy-parts';
import type { WorkflowEditorModel } from './use-workflow-editor';

export type SaveRequest = { config: EditorConfig; moveTriggers: boolean };

export type SaveOutcome = {
  workflowId: string;
  /** Something that went wrong after the workflow was created, e.g. a trigger that could not move. */
  warning?: string;
};

type EditorActionsOptions = {
  editor: WorkflowEditorModel;
  /** Saved workflow being edited; saving then opens the new-version dialog. */
  editingWorkflowId: string | undefined;
  onSave: (request: SaveRequest) => Promise<SaveOutcome>;
  onSaved: (outcome: SaveOutcome) => void;
  onRun: ((variables: Record<string, string>) => Promise<void>) | undefined;
  allowNextNavigation: () => void;
};

function downloadText(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Save, run, import, export and view actions of the editor, with their dialog state. */
export function useEditorActions(options: EditorActionsOptions) {
  const { editor, editingWorkflowId, onSave, onSaved, onRun, allowNextNavigation } = options;
  const { fitView } = useReactFlow();
  const [saveDialogOpen, setSaveDialogOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [runDialogOpen, setRunDialogOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | undefined>(undefined);

  const fit = useCallback(() => void fitView({ duration: 200, maxZoom: 1 }), [fitView]);

  const save = async (moveTriggers: boolean) => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const outcome = await onSave({ config: editor.config, moveTriggers });
      editor.markSaved();
      allowNextNavigation();
      setSaveDialogOpen(false);
      notifications.show({
        color: 'green',
        title: 'Workflow saved',
        message: `New workflow ${outcome.workflowId}`,
      });
      if (outcome.warning) {
        notifications.show({
          color: 'yellow',
          title: 'Triggers were not all moved',
          message: outcome.warning,
          autoClose: false,
        });
      }
      onSaved(outcome);
    } catch (error) {
      const { code, message } = describeError(error);
      setSaveError(`${code}: ${message}`);
      if (!editingWorkflowId) {
        notifications.show({
          color: 'red',
          title: 'Could not save the workflow',
          message: `${code}: ${message}`,
        });
      }
    } finally {
      setSaving(false);
    }
  };

  const requestSave = () => {
    if (editingWorkflowId) {
      setSaveError(undefined);
      setSaveDialogOpen(true);
    } else {
      void save(false);
    }
  };

  const run = async (variables: Record<string, string>) => {
    if (!onRun) return;
    setRunning(true);
    setRunError(undefined);
    try {
      await onRun(variables);
      setRunDialogOpen(false);
    } catch (error) {
      const { code, message } = describeError(error);
      setRunError(`${code}: ${message}`);
    } finally {
      setRunning(false);
    }
  };

  const importFile = async (file: File) => {
    let loaded;
    try {
      loaded = await Promise.all([file.text(), loadCodeFormat()]);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: `Could not import ${file.name}`,
        message: describeError(error).message,
      });
      return;
    }
    const [text, { detectLanguage, parseConfigText }] = loaded;
    const result = parseConfigText(text, detectLanguage(file.name, text));
    if (!result.ok) {
      const { line, column, message } = result.error;
      notifications.show({
        color: 'red',
        title: `Could not import ${file.name}`,
        message: `Line ${line}, column ${column}: ${message}`,
      });
      return;
    }

    editor.dispatch({ type: 'replace', config: result.config });
    notifications.show({
      title: 'Workflow imported',
      message: `${result.config.stages.length} stages from ${file.name}`,
    });
    setTimeout(fit, 50);
  };

  const exportFile = async (language: CodeLanguage) => {
    const { config } = editor;
    let formatConfig;
    try {
      ({ formatConfig } = await loadCodeFormat());
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not export the workflow',
        message: describeError(error).message,
      });
      return;
    }
    const base = (config.name || 'workflow').replace(/[^\w.-]+/g, '-');
    const type = language === 'json' ? 'application/json' : 'application/yaml';
    downloadText(formatConfig(config, language), `${base}.${language}`, type);
  };

  const autoLayout = () => {
    editor.autoLayout();
    // The fit waits until React Flow has the new positions.
    setTimeout(fit, 50);
  };

  return {
    fit,
    autoLayout,
    importFile,
    exportFile,
    save: {
      requestSave,
      confirm: save,
      dialogOpen: saveDialogOpen,
      closeDialog: () => setSaveDialogOpen(false),
      saving,
      error: saveError,
    },
    run: {
      open: () => {
        setRunError(undefined);
        setRunDialogOpen(true);
      },
      confirm: run,
      dialogOpen: runDialogOpen,
      closeDialog: () => setRunDialogOpen(false),
      running,
      error: runError,
    },
  };
}
