import { Button, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { DragEvent } from 'react';

import { StageKindIcon, stageKindStyle } from '@/components/stage-kind';
import { stageKinds } from '@/lib/orchestration/schemas';
import type { StageKind } from '@/lib/orchestration/schemas';

/** Drag-and-drop data type of a palette item; its value is the stage kind. */
export const paletteDataType = 'application/x-flowdeck-stage-kind';

const descriptions: Record<StageKind, string> = {
  send: 'Move money between accounts, wallets and payments',
  delay: 'Wait for a duration or until a date',
  wait_event: 'Wait for a named event',
  update: 'Add metadata to a ledger account',
  noop: 'Do nothing (a marker)',
};

type StagePaletteProps = {
  /** Appends a stage of `kind` at the end of the workflow. */
  onAppend: (kind: StageKind) => void;
};

function onDragStart(event: DragEvent<HTMLButtonElement>, kind: StageKind) {
  event.dataTransfer.setData(paletteDataType, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

function StagePaletteButtons({ onAppend }: StagePaletteProps) {
  return (
    <Stack gap={6} role="group" aria-label="Stage palette">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        Add a stage
      </Text>
      {stageKinds.map((kind) => (
        <Button
          key={kind}
          variant="default"
          justify="flex-start"
          leftSection={<StageKindIcon kind={kind} size={22} />}
          draggable
          onDragStart={(event) => onDragStart(event, kind)}
          onClick={() => onAppend(kind)}
          title={`${descriptions[kind]}. Click to append, or drag onto the canvas.`}
          aria-label={`Add ${stageKindStyle(kind).label} stage`}
        >
          {stageKindStyle(kind).label}
        </Button>
      ))}
    </Stack>
  );
}

export const StagePalette = memo(StagePaletteButtons);
