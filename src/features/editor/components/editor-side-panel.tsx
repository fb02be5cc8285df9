import { Badge, ScrollArea, Skeleton, Tabs } from '@mantine/core';
import { memo, Suspense } from 'react';
import type { Dispatch } from 'react';

import type { EditorStage } from '../model/document';
import type { EditorAction } from '../model/history';
import type { DocumentValidation } from '../model/validation';

import { InspectorPanel } from './inspector-panel';
import { PostingsPanel, VariablesPanel } from './lazy-parts';

type EditorSidePanelProps = {
  stages: readonly EditorStage[];
  selection: readonly string[];
  validation: DocumentValidation;
  dispatch: Dispatch<EditorAction>;
  samples: Readonly<Record<string, string>>;
  onSampleChange: (name: string, value: string) => void;
  onShowStage: (index: number) => void;
};

function EditorSidePanelTabs(props: EditorSidePanelProps) {
  return (
    <Tabs
      defaultValue="inspector"
      keepMounted={false}
      h="100%"
      style={{ display: 'flex', flexDirection: 'column' }}
    >
      <Tabs.List>
        <Tabs.Tab
          value="inspector"
          rightSection={
            props.validation.total > 0 ? (
              <Badge color="red" size="xs" circle={props.validation.total < 10}>
                {props.validation.total}
              </Badge>
            ) : undefined
          }
        >
          Inspector
        </Tabs.Tab>
        <Tabs.Tab value="variables">Variables</Tabs.Tab>
        <Tabs.Tab value="postings">Postings</Tabs.Tab>
      </Tabs.List>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <Tabs.Panel value="inspector" p="xs">
          <InspectorPanel
            stages={props.stages}
            selection={props.selection}
            validation={props.validation}
            dispatch={props.dispatch}
          />
        </Tabs.Panel>
        <Tabs.Panel value="variables" p="xs">
          <Suspense fallback={<Skeleton h={240} />}>
            <VariablesPanel stages={props.stages} onShowStage={props.onShowStage} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="postings" p="xs">
          <Suspense fallback={<Skeleton h={240} />}>
            <PostingsPanel
              stages={props.stages}
              samples={props.samples}
              onSampleChange={props.onSampleChange}
            />
          </Suspense>
        </Tabs.Panel>
      </ScrollArea>
    </Tabs>
  );
}

export const EditorSidePanel = memo(EditorSidePanelTabs);
