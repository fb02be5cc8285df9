import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { bracketMatching } from '@codemirror/language';
import { linter } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, placeholder as placeholderText } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

import type { CodeEditorError } from './code-editor';
import { codeEditorTheme } from './code-editor-theme';
import { exprLanguage } from './expr-language';
import { useDocumentSync } from './use-document-sync';

export type ExpressionCompletion = {
  /** Text inserted, e.g. `event.transactions[0].postings`. */
  label: string;
  /** Short hint shown next to it, e.g. the sample value's type. */
  detail?: string;
};

type ExpressionEditorProps = {
  value: string;
  onChange: (text: string) => void;
  /** Accessible name of the editable area. */
  label: string;
  /** Returns the errors of a text; they are underlined at their position as the user types. */
  lint?: (text: string) => CodeEditorError[];
  /** Data paths offered while typing a path (`event.` …). */
  paths?: readonly ExpressionCompletion[];
  /** Function names offered while typing a bare name. */
  functions?: readonly string[];
  placeholder?: string;
  /** Shown in a red border state and exposed as `aria-invalid`. */
  invalid?: boolean;
};

// A path being typed: `event`, `event.tra`, `event.transactions[0].`, `event["a b"].x`.
const pathBeforeCursor = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])*\.?/;

/**
 * A small CodeMirror editor for one expr-lang expression, with highlighting,
 * completion of data paths and builtin functions, and lint diagnostics.
 */
export function ExpressionEditor(props: ExpressionEditorProps) {
  const { value, label, placeholder, invalid } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | undefined>(undefined);
  const latestRef = useRef(props);
  latestRef.current = props;
  // Set while the editor applies `value` itself, so that it is not reported as typing.
  const applyingRef = useRef(false);
  const initialValueRef = useRef(value);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;

    const complete = (context: CompletionContext): CompletionResult | null => {
      const word = context.matchBefore(pathBeforeCursor);
      if (!word || (word.from === word.to && !context.explicit)) return null;

      const { paths = [], functions = [] } = latestRef.current;
      const isPath = word.text.includes('.') || word.text.includes('[');
      const options = [
        ...paths.map((path) => ({ label: path.label, detail: path.detail, type: 'property' })),
        ...(isPath ? [] : functions.map((name) => ({ label: name, type: 'function' }))),
      ];

      return { from: word.from, options };
    };

    const lint = (view: EditorView): Diagnostic[] => {
      const check = latestRef.current.lint;
      if (!check) return [];

      const length = view.state.doc.length;
      return check(view.state.doc.toString()).map((error) => ({
        from: Math.min(error.from, length),
        to: Math.min(Math.max(error.to, error.from), length),
        severity: 'error',
        message: error.message,
      }));
    };

    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initialValueRef.current,
        extensions: [
          minimalSetup,
          exprLanguage(latestRef.current.functions ?? []),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ override: [complete], activateOnTyping: true }),
          linter(lint, { delay: 150 }),
          codeEditorTheme,
          placeholderText(placeholder ?? ''),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !applyingRef.current) {
              latestRef.current.onChange(update.state.doc.toString());
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
  }, [label, placeholder]);

  useDocumentSync(viewRef, applyingRef, value);

  return (
    <div
      ref={hostRef}
      aria-invalid={invalid || undefined}
      data-testid="expression-editor"
      style={{
        minHeight: 36,
        border: `1px solid ${invalid ? 'var(--mantine-color-error)' : 'var(--mantine-color-default-border)'}`,
        borderRadius: 'var(--mantine-radius-sm)',
        overflow: 'hidden',
      }}
    />
  );
}
