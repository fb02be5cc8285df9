/** Selection rules shared by the outline and the keyboard shortcuts. */
import type { EditorStage } from './document';

export type SelectionMode = 'replace' | 'extend' | 'toggle';

/**
 * Returns the selection after picking `stageId`: `replace` selects only it,
 * `toggle` adds or removes it, `extend` selects the range from the anchor
 * (the first selected stage) to it. The anchor stays first and the picked
 * stage ends last, as the active one.
 */
export function nextSelection(
  stages: readonly EditorStage[],
  selection: readonly string[],
  stageId: string,
  mode: SelectionMode,
): string[] {
  if (mode === 'replace') return [stageId];

  if (mode === 'toggle') {
    return selection.includes(stageId)
      ? selection.filter((id) => id !== stageId)
      : [...selection, stageId];
  }

  const anchorId = selection[0];
  const anchor = stages.findIndex((stage) => stage.id === anchorId);
  const target = stages.findIndex((stage) => stage.id === stageId);
  if (anchorId === undefined || anchor < 0 || target < 0) return [stageId];
  if (anchor === target) return [stageId];

  const [from, to] = anchor < target ? [anchor, target] : [target, anchor];
  const inside = stages
    .slice(from, to + 1)
    .map((stage) => stage.id)
    .filter((id) => id !== anchorId && id !== stageId);

  return [anchorId, ...inside, stageId];
}
