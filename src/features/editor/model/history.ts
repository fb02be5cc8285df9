/**
 * The editor's state and its reducer: the document with undo and redo
 * stacks, the selected stages and the node positions on the canvas.
 *
 * Only document changes enter the history. Consecutive edits of one field
 * (typing) make a single undo step. Whenever the stage order changes, node
 * positions are recomputed with the grid layout, except for nodes the user
 * dragged, which stay where they were dropped until the next auto-layout.
 */
import type { Stage } from '@/lib/orchestration/schemas';

import { configToDocument, createEditorStage, stageKindOf } from './document';
import type { EditorConfig, EditorDocument, EditorStage } from './document';
import { gridLayout } from './grid-layout';
import type { XYPosition } from './grid-layout';
import { formatPath, setIn } from './path';
import type { FieldPath } from './path';

/** Undo steps kept; older ones are dropped. */
export const historyLimit = 100;

export type EditorState = {
  document: EditorDocument;
  past: readonly EditorDocument[];
  future: readonly EditorDocument[];
  /** Key of the last coalescing edit; a following edit with the same key replaces its undo step. */
  coalesceKey: string | undefined;
  /** Selected stage ids; the last one is the active stage (shown in the inspector). */
  selection: readonly string[];
  positions: Readonly<Record<string, XYPosition>>;
  /** Ids of stages whose node the user dragged. Their positions survive reordering. */
  handPlaced: ReadonlySet<string>;
};

export type EditorAction =
  /** Sets one field of a stage; `path` starts at the element (kind first), `undefined` removes it. */
  | { type: 'setField'; stageId: string; path: FieldPath; value: unknown }
  | { type: 'setName'; name: string | undefined }
  | { type: 'insert'; index: number; elements: readonly Stage[] }
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'duplicate'; ids: readonly string[] }
  | { type: 'move'; id: string; toIndex: number }
  /** Replaces the whole config (code view, import, draft); stage ids are kept by position. */
  | { type: 'replace'; config: EditorConfig; coalesceKey?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; ids: readonly string[] }
  /** Places one node by hand, like a drag. */
  | { type: 'moveNode'; id: string; position: XYPosition }
  /** Places nodes where the user dragged them, ignoring ids of deleted stages. */
  | { type: 'setPositions'; positions: Readonly<Record<string, XYPosition>> }
  /** Puts every node back on the grid layout, hand-placed ones included. */
  | { type: 'autoLayout' };

export function createEditorState(document: EditorDocument): EditorState {
  return {
    document,
    past: [],
    future: [],
    coalesceKey: undefined,
    selection: [],
    positions: gridLayout(document.stages),
    handPlaced: new Set(),
  };
}

/**
 * Positions after the stage order changed: the grid layout for every stage
 * except hand-placed ones, which keep their position. A position equal to the
 * previous one keeps its object, so that unchanged nodes are not rebuilt.
 */
function relayout(
  state: EditorState,
  stages: readonly EditorStage[],
  handPlaced: ReadonlySet<string> = state.handPlaced,
): Record<string, XYPosition> {
  const positions = gridLayout(stages);

  for (const [id, position] of Object.entries(positions)) {
    const previous = state.positions[id];
    if (!previous) continue;

    if (handPlaced.has(id) || (previous.x === position.x && previous.y === position.y)) {
      positions[id] = previous;
    }
  }

  return positions;
}

function sameStageOrder(a: readonly EditorStage[], b: readonly EditorStage[]): boolean {
  return a.length === b.length && a.every((stage, index) => stage.id === b[index]?.id);
}

/** Drops the ids of stages that no longer exist, keeping the order of `ids`. */
function keepExisting(ids: readonly string[], stages: readonly EditorStage[]): string[] {
  if (ids.length === 0) return [];
  const existing = new Set(stages.map((stage) => stage.id));

  return ids.filter((id) => existing.has(id));
}

/** Moves from `state.document` to `next`, recording an undo step. */
function commit(
  state: EditorState,
  next: EditorDocument,
  options: {
    coalesceKey?: string;
    selection?: readonly string[];
    handPlaced?: ReadonlySet<string>;
  } = {},
): EditorState {
  if (next === state.document) {
    return state;
  }

  const coalesce = options.coalesceKey !== undefined && options.coalesceKey === state.coalesceKey;
  const past = coalesce ? state.past : [...state.past, state.document].slice(-historyLimit);
  const reordered = !sameStageOrder(state.document.stages, next.stages);
  const handPlaced = options.handPlaced ?? state.handPlaced;

  return {
    document: next,
    past,
    future: [],
    coalesceKey: options.coalesceKey,
    selection: keepExisting(options.selection ?? state.selection, next.stages),
    positions: reordered ? relayout(state, next.stages, handPlaced) : state.positions,
    handPlaced,
  };
}

/** Moves to a document from the undo or redo stack. */
function travel(
  state: EditorState,
  next: EditorDocument,
  past: readonly EditorDocument[],
  future: readonly EditorDocument[],
): EditorState {
  const reordered = !sameStageOrder(state.document.stages, next.stages);

  return {
    ...state,
    document: next,
    past,
    future,
    coalesceKey: undefined,
    selection: keepExisting(state.selection, next.stages),
    positions: reordered ? relayout(state, next.stages) : state.positions,
  };
}

function withStages(document: EditorDocument, stages: readonly EditorStage[]): EditorDocument {
  return { ...document, stages };
}

function setField(
  state: EditorState,
  stageId: string,
  path: FieldPath,
  value: unknown,
): EditorState {
  const index = state.document.stages.findIndex((stage) => stage.id === stageId);
  const stage = state.document.stages[index];
  if (!stage || path.length === 0) {
    return state;
  }

  const element = setIn(stage.element, path, value) as Stage;
  // A stage element always keeps its kind key, even when its config is emptied.
  const kind = stageKindOf(stage.element);
  const safeElement =
    kind !== undefined && !(kind in element) ? { ...element, [kind]: {} } : element;
  const stages = [...state.document.stages];
  stages[index] = { id: stage.id, element: safeElement };

  return commit(state, withStages(state.document, stages), {
    coalesceKey: `field:${stageId}:${formatPath(path)}`,
  });
}

function insert(state: EditorState, index: number, elements: readonly Stage[]): EditorState {
  if (elements.length === 0) return state;
  const added = elements.map((element) => createEditorStage(element));
  const stages = [...state.document.stages];
  const at = Math.max(0, Math.min(index, stages.length));
  stages.splice(at, 0, ...added);

  return commit(state, withStages(state.document, stages), {
    selection: added.map((stage) => stage.id),
  });
}

function remove(state: EditorState, ids: readonly string[]): EditorState {
  const doomed = new Set(ids);
  const stages = state.document.stages.filter((stage) => !doomed.has(stage.id));
  if (stages.length === state.document.stages.length) return state;

  return commit(state, withStages(state.document, stages));
}

function duplicate(state: EditorState, ids: readonly string[]): EditorState {
  const wanted = new Set(ids);
  const copies: string[] = [];
  const stages: EditorStage[] = [];

  for (const stage of state.document.stages) {
    stages.push(stage);
    if (wanted.has(stage.id)) {
      // Stage elements are never mutated, so the copy may share nested objects.
      const copy = createEditorStage(stage.element);
      stages.push(copy);
      copies.push(copy.id);
    }
  }

  if (copies.length === 0) return state;

  return commit(state, withStages(state.document, stages), { selection: copies });
}

function move(state: EditorState, id: string, toIndex: number): EditorState {
  const from = state.document.stages.findIndex((stage) => stage.id === id);
  const stage = state.document.stages[from];
  const to = Math.max(0, Math.min(toIndex, state.document.stages.length - 1));
  if (!stage || from === to) return state;

  const stages = [...state.document.stages];
  stages.splice(from, 1);
  stages.splice(to, 0, stage);
  // The moved stage takes its grid slot at the new index, not the spot where it was dropped.
  const handPlaced = new Set(state.handPlaced);
  handPlaced.delete(id);

  return commit(state, withStages(state.document, stages), { selection: [id], handPlaced });
}

function replace(state: EditorState, config: EditorConfig, coalesceKey?: string): EditorState {
  const ids = state.document.stages.map((stage) => stage.id);
  const next = configToDocument(config, ids);
  // Keep unchanged stage elements identical, so that caches keyed by element stay valid.
  const stages = next.stages.map((stage, index) => {
    const previous = state.document.stages[index];
    return previous && JSON.stringify(previous.element) === JSON.stringify(stage.element)
      ? previous
      : stage;
  });

  return commit(state, { ...next, stages }, { coalesceKey });
}

/** Places nodes by hand, ignoring ids of stages deleted since the drag began. */
function placeByHand(
  state: EditorState,
  positions: Readonly<Record<string, XYPosition>>,
): EditorState {
  const merged = { ...state.positions };
  const newlyPlaced: string[] = [];

  for (const [id, position] of Object.entries(positions)) {
    if (!(id in state.positions)) continue;

    merged[id] = position;
    if (!state.handPlaced.has(id)) newlyPlaced.push(id);
  }

  // During a drag every step names the same nodes, so the set is copied only on the first step.
  const handPlaced =
    newlyPlaced.length === 0 ? state.handPlaced : new Set([...state.handPlaced, ...newlyPlaced]);

  return { ...state, positions: merged, handPlaced };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'setField':
      return setField(state, action.stageId, action.path, action.value);
    case 'setName':
      if (action.name === state.document.name) return state;
      return commit(state, { ...state.document, name: action.name }, { coalesceKey: 'name' });
    case 'insert':
      return insert(state, action.index, action.elements);
    case 'remove':
      return remove(state, action.ids);
    case 'duplicate':
      return duplicate(state, action.ids);
    case 'move':
      return move(state, action.id, action.toIndex);
    case 'replace':
      return replace(state, action.config, action.coalesceKey);
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return travel(state, previous, state.past.slice(0, -1), [state.document, ...state.future]);
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return travel(state, next, [...state.past, state.document], state.future.slice(1));
    }
    case 'select':
      return { ...state, selection: keepExisting(action.ids, state.document.stages) };
    case 'moveNode':
      return placeByHand(state, { [action.id]: action.position });
    case 'setPositions':
      return placeByHand(state, action.positions);
    case 'autoLayout': {
      const handPlaced = new Set<string>();
      return {
        ...state,
        positions: relayout(state, state.document.stages, handPlaced),
        handPlaced,
      };
    }
  }
}

export function canUndo(state: EditorState): boolean {
  return state.past.length > 0;
}

export function canRedo(state: EditorState): boolean {
  return state.future.length > 0;
}
