import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

import { codeEditorTheme } from './code-editor-theme';
import { useDocumentSync } from './use-document-sync';

export type CodeLanguage = 'json' | 'yaml';

/** A located error; the workflow editor's `CodeError` is one. */
export type CodeEditorError = {
  message: string;
  /** 0-based character offsets of the faulty range in the text. */
  from: number;
  to: number;
};

type CodeEditorProps = {
  /** Text to show; replacing it with a different text replaces the editor's content. */
  value: string;
  language: CodeLanguage;
  onChange: (text: string) => void;
  /** Parse error shown as a diagnostic in the text. */
  error: CodeEditorError | undefined;
  label: string;
};

/** A CodeMirror 6 editor for JSON or YAML. Remount it (React `key`) to change the language. */
export function CodeEditor({ value, language, onChange, error, label }: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | undefined>(undefined);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // Set while the editor applies `value` itself, so that it is not reported as typing.
  const applyingRef = useRef(false);
  const initialValueRef = useRef(value);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;

    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initialValueRef.current,
        extensions: [
          basicSetup,
          language === 'json' ? json() : yaml(),
          lintGutter(),
          codeEditorTheme,
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !applyingRef.current) {
              onChangeRef.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    viewRef.current = view;

    return () => {
      view.destroy();
      viewRef.current = undefined;
    };
  }, [language, label]);

  useDocumentSync(viewRef, applyingRef, value);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;

    const length = view.state.doc.length;
    const diagnostics = error
      ? [
          {
            from: Math.min(error.from, length),
            to: Math.min(error.to, length),
            severity: 'error' as const,
            message: error.message,
          },
        ]
      : [];
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [error]);

  return (
    <div
      ref={hostRef}
      style={{ height: '100%', overflow: 'hidden' }}
      data-testid={`code-editor-${language}`}
    />
  );
}
