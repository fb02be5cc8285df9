import { Box, Paper, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { Dispatch } from 'react';

import type { StageKind } from '@/lib/orchestration/schemas';

import type { EditorConfig, EditorStage } from '../model/document';
import type { XYPosition } from '../model/grid-layout';
import type { EditorAction } from '../model/history';
import type { DocumentValidation } from '../model/validation';

import { EditorCanvas } from './editor-canvas';
import type { FocusRequest } from './editor-canvas';
import { EditorSidePanel } from './editor-side-panel';
import { OutlineView } from './outline-view';
import { StagePalette } from './stage-palette';

type View = 'graph' | 'json' | 'yaml';

// CodeMirror loads when a code tab first opens, so opening the editor does not wait for it.
const CodeView = lazy(() => import('./code-view').then((module) => ({ default: module.CodeView })));

type EditorWorkspaceProps = {
  stages: readonly EditorStage[];
  positions: Readonly<Record<string, XYPosition>>;
  selection: readonly string[];
  validation: DocumentValidation;
  config: EditorConfig;
  dispatch: Dispatch<EditorAction>;
  focusRequest: FocusRequest | undefined;
  onFocusStage: (stageId: string) => void;
  onShowStage: (index: number) => void;
  onAppend: (kind: StageKind) => void;
  samples: Readonly<Record<string, string>>;
  onSampleChange: (name: string, value: string) => void;
};

/** The three columns: palette and outline, graph or code, inspector and panels. */
export function EditorWorkspace(props: EditorWorkspaceProps) {
  const { stages, selection, validation, dispatch } = props;
  const [view, setView] = useState<View>('graph');

  return (
    <Box style={{ display: 'flex', gap: 'var(--mantine-spacing-xs)', flex: 1, minHeight: 0 }}>
      <Stack gap="sm" w={220} style={{ flexShrink: 0 }}>
        <StagePalette onAppend={props.onAppend} />
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Outline
        </Text>
        <Box style={{ flex: 1, minHeight: 0 }}>
          <OutlineView
            stages={stages}
            selection={selection}
            errorCounts={validation.errorCounts}
            dispatch={dispatch}
            onFocusStage={props.onFocusStage}
          />
        </Box>
      </Stack>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Tabs value={view} onChange={(next) => setView((next as View | null) ?? 'graph')}>
          <Tabs.List>
            <Tabs.Tab value="graph">Graph</Tabs.Tab>
            <Tabs.Tab value="json">JSON</Tabs.Tab>
            <Tabs.Tab value="yaml">YAML</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {/* The canvas stays mounted under the code views, so it keeps its viewport. */}
        <Paper
          withBorder
          style={{ flex: 1, minHeight: 0, display: view === 'graph' ? 'block' : 'none' }}
          role="region"
          aria-label="Graph"
        >
          <EditorCanvas
            stages={stages}
            positions={props.positions}
            selection={selection}
            errorCounts={validation.errorCounts}
            focusRequest={props.focusRequest}
            dispatch={dispatch}
          />
        </Paper>
        {view !== 'graph' && (
          <Box pt="xs" style={{ flex: 1, minHeight: 0 }}>
            <Suspense fallback={<Skeleton h="100%" />}>
              {/* A new view per language, so that switching tabs shows the text in that language. */}
              <CodeView key={view} config={props.config} language={view} dispatch={dispatch} />
            </Suspense>
          </Box>
        )}
      </Stack>
      <Paper withBorder w={360} p={4} style={{ flexShrink: 0, minHeight: 0 }}>
        <EditorSidePanel
          stages={stages}
          selection={selection}
          validation={validation}
          dispatch={dispatch}
          samples={props.samples}
          onSampleChange={props.onSampleChange}
          onShowStage={props.onShowStage}
        />
      </Paper>
    </Box>
  );
}
