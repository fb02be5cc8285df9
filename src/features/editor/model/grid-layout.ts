/**
 * Instant placement of stage nodes, used whenever the stage order changes:
 * one column for short workflows, several columns of equal height for long
 * ones, so that a 1,000-stage workflow stays about as wide as it is tall.
 */
import type { EditorStage } from './document';

export type XYPosition = { x: number; y: number };

/** Node size in pixels; nodes render at this fixed size so layout needs no measuring. */
export const nodeWidth = 240;
export const nodeHeight = 72;
export const columnGap = 80;
export const rowGap = 48;

/** Workflows up to this many stages stay in one column. */
const singleColumnMax = 12;
/** Width to height ratio aimed at for long workflows. */
const targetAspectRatio = 1.6;

export function rowsPerColumn(stageCount: number): number {
  if (stageCount <= singleColumnMax) {
    return Math.max(1, stageCount);
  }

  const cellWidth = nodeWidth + columnGap;
  const cellHeight = nodeHeight + rowGap;
  const rows = Math.ceil(Math.sqrt((stageCount * cellWidth) / (targetAspectRatio * cellHeight)));

  return Math.max(singleColumnMax, rows);
}

export function gridLayout(stages: readonly EditorStage[]): Record<string, XYPosition> {
  const rows = rowsPerColumn(stages.length);
  const positions: Record<string, XYPosition> = {};

  stages.forEach((stage, index) => {
    const column = Math.floor(index / rows);
    const row = index % rows;
    positions[stage.id] = { x: column * (nodeWidth + columnGap), y: row * (nodeHeight + rowGap) };
  });

  return positions;
}
