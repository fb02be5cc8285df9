import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { memo, Suspense } from 'react';
import type { Dispatch } from 'react';

import type { EditorStage } from '../model/document';
import type { EditorAction } from '../model/history';
import type { DocumentValidation } from '../model/validation';

import { StageInspector } from './lazy-parts';

type InspectorPanelProps = {
  stages: readonly EditorStage[];
  selection: readonly string[];
  validation: DocumentValidation;
  dispatch: Dispatch<EditorAction>;
};

const noErrors: never[] = [];

/** The active stage's form, or what can be done with several or no selected stages. */
function InspectorContent({ stages, selection, validation, dispatch }: InspectorPanelProps) {
  const activeId = selection.at(-1);
  const index = activeId === undefined ? -1 : stages.findIndex((stage) => stage.id === activeId);
  const stage = stages[index];

  if (selection.length > 1) {
    return (
      <Stack gap="sm">
        <Text size="sm">{selection.length} stages selected.</Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => dispatch({ type: 'duplicate', ids: selection })}
          >
            Duplicate
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            onClick={() => dispatch({ type: 'remove', ids: selection })}
          >
            Delete
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Select one stage to edit its settings.
        </Text>
      </Stack>
    );
  }

  if (!stage) {
    return (
      <Stack gap="xs">
        <Text size="sm">Select a stage on the canvas or in the outline to edit it.</Text>
        <Text size="xs" c="dimmed">
          {stages.length} {stages.length === 1 ? 'stage' : 'stages'}
          {validation.total > 0 ? `, ${validation.total} problems to fix before saving` : ''}.
        </Text>
      </Stack>
    );
  }

  return (
    <Suspense fallback={<Skeleton h={240} />}>
      <StageInspector
        stage={stage}
        index={index}
        stageCount={stages.length}
        errors={validation.byStage.get(stage.id) ?? noErrors}
        dispatch={dispatch}
      />
    </Suspense>
  );
}

export const InspectorPanel = memo(InspectorContent);
