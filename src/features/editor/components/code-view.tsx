import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch } from 'react';

import { CodeEditor } from '@/components/code-editor/code-editor';

import { canonicalJson } from '../model/canonical';
import { formatConfig, parseConfigText } from '../model/code-format';
import type { CodeError, CodeLanguage } from '../model/code-format';
import type { EditorConfig } from '../model/document';
import type { EditorAction } from '../model/history';

/** Pause after typing before the text is parsed and applied to the graph. */
const parseDelayMs = 300;

type CodeViewProps = {
  config: EditorConfig;
  language: CodeLanguage;
  dispatch: Dispatch<EditorAction>;
};

/**
 * The config as editable JSON or YAML, in sync with the graph both ways.
 * Valid text replaces the config (one undo step per editing session); invalid
 * text shows its error and leaves the graph as it was.
 */
export function CodeView({ config, language, dispatch }: CodeViewProps) {
  const [text, setText] = useState(() => formatConfig(config, language));
  const [error, setError] = useState<CodeError | undefined>(undefined);
  // Canonical JSON of the config that `text` stands for, to tell graph edits from our own.
  const shownRef = useRef(canonicalJson(config));
  const pendingRef = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | undefined>(
    undefined,
  );

  useEffect(() => {
    const canonical = canonicalJson(config);
    if (canonical === shownRef.current) return;

    shownRef.current = canonical;
    setText(formatConfig(config, language));
    setError(undefined);
  }, [config, language]);

  const apply = useCallback(
    (next: string) => {
      pendingRef.current = undefined;
      const result = parseConfigText(next, language);
      if (!result.ok) {
        setError(result.error);
        return;
      }

      setError(undefined);
      shownRef.current = canonicalJson(result.config);
      dispatch({ type: 'replace', config: result.config, coalesceKey: `code:${language}` });
    },
    [dispatch, language],
  );

  const onChange = useCallback(
    (next: string) => {
      setText(next);
      if (pendingRef.current) clearTimeout(pendingRef.current.timer);
      pendingRef.current = { timer: setTimeout(() => apply(next), parseDelayMs), text: next };
    },
    [apply],
  );

  // Text typed just before leaving the view is applied rather than lost.
  useEffect(
    () => () => {
      const pending = pendingRef.current;
      if (pending) {
        clearTimeout(pending.timer);
        apply(pending.text);
      }
    },
    [apply],
  );

  return (
    <Stack gap="xs" h="100%">
      {error && (
        <Alert
          color="red"
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={16} />}
          role="alert"
        >
          <Text size="sm" fw={500}>
            Line {error.line}, column {error.column}: {error.message}
          </Text>
          <Text size="xs" c="dimmed">
            The graph keeps the last valid version until the text is fixed.
          </Text>
        </Alert>
      )}
      <div
        style={{
          flex: 1,
          minHeight: 0,
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
          overflow: 'hidden',
        }}
      >
        <CodeEditor
          key={language}
          value={text}
          language={language}
          onChange={onChange}
          error={error}
          label={`Workflow ${language.toUpperCase()}`}
        />
      </div>
    </Stack>
  );
}
