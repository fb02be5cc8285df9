/**
 * Work the editor does to open and lay out large workflows, outside React.
 * Prints timings for 100 and 1,000 stages; only correctness is asserted,
 * because timings depend on the machine.
 */
import { describe, expect, it } from 'vitest';

import type { Stage } from '@/lib/orchestration/schemas';

import { diffConfigs } from './diff';
import { configToDocument, documentToConfig, stageKindOf } from './document';
import { exampleWorkflows } from './example-workflows';
import { buildEdges, buildNodes } from './graph';
import { gridLayout } from './grid-layout';
import { createEditorState, editorReducer } from './history';
import { validateDocument } from './validation';

function largeConfig(count: number) {
  const examples = exampleWorkflows.flatMap((config) => config.stages);
  const stages: Stage[] = Array.from({ length: count }, (_, index) =>
    // Fresh copies, so that no validation result is reused between stages.
    structuredClone(examples[index % examples.length] ?? { noop: {} }),
  );

  return { name: `large-${count}`, stages };
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();

  return [result, Math.round((performance.now() - start) * 10) / 10];
}

describe('editor model at scale', { timeout: 120_000 }, () => {
  it.each([100, 1000])('opens, edits and lays out %i stages', (count) => {
    const config = largeConfig(count);
    const [document, toDocumentMs] = time(() => configToDocument(config));
    const [validation, validateMs] = time(() => validateDocument(document.stages));
    const [state, gridMs] = time(() => createEditorState(document));
    const [nodes, nodesMs] = time(() =>
      buildNodes({
        stages: state.document.stages,
        positions: state.positions,
        selection: new Set(),
        errorCounts: validation.errorCounts,
      }),
    );
    const [edges, edgesMs] = time(() => buildEdges(state.document.stages));

    // One keystroke in the middle stage: reducer, revalidation and node rebuild.
    const middleStage = state.document.stages[Math.floor(count / 2)];
    const middle = middleStage?.id ?? '';
    const kind = (middleStage && stageKindOf(middleStage.element)) ?? 'noop';
    const previous = new Map(nodes.map((node) => [node.id, node]));
    const [edited, editMs] = time(() => {
      const next = editorReducer(state, {
        type: 'setField',
        stageId: middle,
        path: [kind, 'note'],
        value: '1',
      });
      const checked = validateDocument(next.document.stages);
      buildNodes(
        {
          stages: next.document.stages,
          positions: next.positions,
          selection: new Set([middle]),
          errorCounts: checked.errorCounts,
        },
        previous,
      );
      return next;
    });
    const [, diffMs] = time(() => diffConfigs(config, documentToConfig(edited.document)));
    const dragged = editorReducer(state, {
      type: 'setPositions',
      positions: { [middle]: { x: -500, y: -500 } },
    });
    const [laidOut, autoLayoutMs] = time(() => editorReducer(dragged, { type: 'autoLayout' }));

    expect(validation.total).toBe(0);
    expect(nodes).toHaveLength(count);
    expect(edges).toHaveLength(count - 1);
    expect(Object.keys(gridLayout(document.stages))).toHaveLength(count);
    expect(laidOut.positions).toEqual(gridLayout(document.stages));

    // eslint-disable-next-line no-console -- the figures are the output of this test.
    console.log(
      `[editor scale] ${count} stages: toDocument ${toDocumentMs} ms, validate ${validateMs} ms, ` +
        `grid layout ${gridMs} ms, nodes ${nodesMs} ms, edges ${edgesMs} ms, ` +
        `one field edit ${editMs} ms, diff ${diffMs} ms, auto-layout ${autoLayoutMs} ms`,
    );
  });
});
