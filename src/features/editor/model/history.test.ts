import { describe, expect, it } from 'vitest';

import { configToDocument, documentToConfig } from './document';
import type { EditorConfig } from './document';
import { approvalGatedRefund } from './example-workflows';
import { gridLayout } from './grid-layout';
import { canRedo, canUndo, createEditorState, editorReducer, historyLimit } from './history';
import type { EditorAction, EditorState } from './history';

function start(config: EditorConfig = approvalGatedRefund): EditorState {
  return createEditorState(configToDocument(config));
}

function run(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state);
}

function kinds(state: EditorState): string[] {
  return state.document.stages.map((stage) => Object.keys(stage.element)[0] ?? '');
}

function ids(state: EditorState): string[] {
  return state.document.stages.map((stage) => stage.id);
}

describe('editorReducer', () => {
  it('inserts stages at an index and selects them', () => {
    const state = run(start(), {
      type: 'insert',
      index: 1,
      elements: [{ delay: { duration: '1h' } }],
    });

    expect(kinds(state)).toEqual(['send', 'delay', 'wait_event', 'send', 'noop']);
    expect(state.selection).toEqual([state.document.stages[1]?.id]);
    expect(canUndo(state)).toBe(true);
  });

  it('removes stages and drops them from the selection', () => {
    const initial = start();
    const [first, second] = ids(initial);
    const state = run(
      initial,
      { type: 'select', ids: [first ?? '', second ?? ''] },
      { type: 'remove', ids: [second ?? ''] },
    );

    expect(kinds(state)).toEqual(['send', 'send', 'noop']);
    expect(state.selection).toEqual([first]);
  });

  it('duplicates each selected stage right after itself', () => {
    const initial = start();
    const state = run(initial, { type: 'duplicate', ids: [ids(initial)[1] ?? ''] });

    expect(kinds(state)).toEqual(['send', 'wait_event', 'wait_event', 'send', 'noop']);
    expect(state.document.stages[2]?.element).toEqual(state.document.stages[1]?.element);
    expect(state.document.stages[2]?.id).not.toBe(state.document.stages[1]?.id);
    expect(state.selection).toEqual([state.document.stages[2]?.id]);
  });

  it('moves a stage and recomputes positions', () => {
    const initial = start();
    const last = ids(initial)[3] ?? '';
    const state = run(initial, { type: 'move', id: last, toIndex: 0 });

    expect(kinds(state)).toEqual(['noop', 'send', 'wait_event', 'send']);
    expect(state.positions).toEqual(gridLayout(state.document.stages));
  });

  it('sets a field without touching other stages', () => {
    const initial = start();
    const [first] = ids(initial);
    const state = run(initial, {
      type: 'setField',
      stageId: first ?? '',
      path: ['send', 'amount', 'asset'],
      value: 'USD/2',
    });

    expect(state.document.stages[0]?.element).toMatchObject({
      send: { amount: { asset: 'USD/2' } },
    });
    expect(state.document.stages[1]).toBe(initial.document.stages[1]);
  });

  it('removes a field set to undefined but keeps the kind key', () => {
    const initial = start({ stages: [{ wait_event: { event: 'x' } }] });
    const state = run(initial, {
      type: 'setField',
      stageId: ids(initial)[0] ?? '',
      path: ['wait_event'],
      value: undefined,
    });

    expect(state.document.stages[0]?.element).toEqual({ wait_event: {} });
  });

  it('merges typing in one field into one undo step', () => {
    const initial = start();
    const stageId = ids(initial)[1] ?? '';
    const path = ['wait_event', 'event'];
    const typed = run(
      initial,
      { type: 'setField', stageId, path, value: 'a' },
      { type: 'setField', stageId, path, value: 'ab' },
      { type: 'setField', stageId, path, value: 'abc' },
    );

    expect(typed.past).toHaveLength(1);
    expect(run(typed, { type: 'undo' }).document).toBe(initial.document);
  });

  it('starts a new undo step when another field is edited', () => {
    const initial = start();
    const stageId = ids(initial)[0] ?? '';
    const state = run(
      initial,
      { type: 'setField', stageId, path: ['send', 'amount', 'asset'], value: 'X' },
      { type: 'setField', stageId, path: ['send', 'amount', 'amount'], value: 5 },
      { type: 'setField', stageId, path: ['send', 'amount', 'asset'], value: 'XY' },
    );

    expect(state.past).toHaveLength(3);
  });

  it('undoes and redoes structure changes', () => {
    const initial = start();
    const removed = run(initial, { type: 'remove', ids: [ids(initial)[0] ?? ''] });
    const undone = run(removed, { type: 'undo' });

    expect(undone.document).toBe(initial.document);
    expect(canRedo(undone)).toBe(true);
    expect(undone.positions).toEqual(gridLayout(initial.document.stages));

    const redone = run(undone, { type: 'redo' });

    expect(redone.document).toBe(removed.document);
    expect(canRedo(redone)).toBe(false);
  });

  it('clears the redo stack on a new change', () => {
    const initial = start();
    const state = run(
      initial,
      { type: 'remove', ids: [ids(initial)[0] ?? ''] },
      { type: 'undo' },
      { type: 'setName', name: 'renamed' },
    );

    expect(canRedo(state)).toBe(false);
    expect(state.document.name).toBe('renamed');
  });

  it('ignores undo and redo with empty stacks', () => {
    const initial = start();

    expect(run(initial, { type: 'undo' })).toBe(initial);
    expect(run(initial, { type: 'redo' })).toBe(initial);
  });

  it('keeps at most the history limit', () => {
    let state = start({ stages: [] });
    for (let index = 0; index < historyLimit + 20; index += 1) {
      state = run(state, { type: 'insert', index: 0, elements: [{ noop: {} }] });
    }

    expect(state.past).toHaveLength(historyLimit);
  });

  it('keeps ids and unchanged elements on replace', () => {
    const initial = start();
    const config = documentToConfig(initial.document);
    const edited = {
      ...config,
      stages: config.stages.map((stage, index) =>
        index === 1 ? { wait_event: { event: 'other' } } : stage,
      ),
    };
    const state = run(initial, { type: 'replace', config: edited });

    expect(ids(state)).toEqual(ids(initial));
    expect(state.document.stages[0]).toBe(initial.document.stages[0]);
    expect(state.document.stages[1]?.element).toEqual({ wait_event: { event: 'other' } });
    expect(state.positions).toBe(initial.positions);
  });

  it('moves a node without recording history', () => {
    const initial = start();
    const state = run(initial, {
      type: 'moveNode',
      id: ids(initial)[0] ?? '',
      position: { x: 5, y: 6 },
    });

    expect(state.positions[ids(initial)[0] ?? '']).toEqual({ x: 5, y: 6 });
    expect(canUndo(state)).toBe(false);
  });
});

describe('hand-placed positions', () => {
  const dropped = { x: 900, y: -300 };

  it('survive a reorder of other stages', () => {
    const initial = start();
    const [first, , , last] = ids(initial);
    const state = run(
      initial,
      { type: 'setPositions', positions: { [first ?? '']: dropped } },
      { type: 'move', id: last ?? '', toIndex: 1 },
    );
    const grid = gridLayout(state.document.stages);

    expect(state.positions[first ?? '']).toBe(dropped);
    expect(state.positions[last ?? '']).toEqual(grid[last ?? '']);
  });

  it('survive an insert and its undo', () => {
    const initial = start();
    const second = ids(initial)[1] ?? '';
    const placed = run(initial, { type: 'moveNode', id: second, position: dropped });
    const inserted = run(placed, { type: 'insert', index: 0, elements: [{ noop: {} }] });
    const undone = run(inserted, { type: 'undo' });

    expect(inserted.positions[second]).toBe(dropped);
    expect(undone.positions[second]).toBe(dropped);
  });

  it('are dropped for the stage that moves to a new index', () => {
    const initial = start();
    const first = ids(initial)[0] ?? '';
    const state = run(
      initial,
      { type: 'setPositions', positions: { [first]: dropped } },
      { type: 'move', id: first, toIndex: 2 },
    );

    expect(state.positions[first]).toEqual(gridLayout(state.document.stages)[first]);
    expect(state.handPlaced.has(first)).toBe(false);
  });

  it('are reset by auto-layout', () => {
    const initial = start();
    const first = ids(initial)[0] ?? '';
    const state = run(
      initial,
      { type: 'setPositions', positions: { [first]: dropped } },
      { type: 'autoLayout' },
    );

    expect(state.positions).toEqual(gridLayout(state.document.stages));
    expect(state.handPlaced.size).toBe(0);
  });

  it('ignore ids of deleted stages', () => {
    const initial = start();
    const state = run(initial, { type: 'setPositions', positions: { gone: dropped } });

    expect(state.positions).not.toHaveProperty('gone');
    expect(state.handPlaced.has('gone')).toBe(false);
  });

  it('keep position objects that auto-layout leaves in place', () => {
    const initial = start();
    const [first, second] = ids(initial);
    const state = run(
      initial,
      { type: 'setPositions', positions: { [first ?? '']: dropped } },
      { type: 'autoLayout' },
    );

    expect(state.positions[second ?? '']).toBe(initial.positions[second ?? '']);
    expect(state.positions[first ?? '']).not.toBe(dropped);
  });
});
