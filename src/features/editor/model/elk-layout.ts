/**
 * Auto-layout of the stage chain with ELK's layered algorithm. Long chains
 * wrap into several columns. ELK takes seconds on 1,000 stages, so in the
 * browser it runs in a web worker; where workers are missing (tests) it runs
 * on the calling thread, still asynchronously.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';

import type { EditorStage } from './document';
import { columnGap, nodeHeight, nodeWidth, rowGap } from './grid-layout';
import type { XYPosition } from './grid-layout';

export type { ElkNode };

export const elkLayoutOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
  'elk.aspectRatio': '1.6',
  'elk.spacing.nodeNode': String(columnGap),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(rowGap),
};

export function buildElkGraph(stages: readonly EditorStage[]): ElkNode {
  return {
    id: 'workflow',
    layoutOptions: elkLayoutOptions,
    children: stages.map((stage) => ({ id: stage.id, width: nodeWidth, height: nodeHeight })),
    edges: stages.slice(1).map((stage, index) => ({
      id: `${stages[index]?.id ?? ''}->${stage.id}`,
      sources: [stages[index]?.id ?? ''],
      targets: [stage.id],
    })),
  };
}

export function positionsFromElk(graph: ElkNode): Record<string, XYPosition> {
  const positions: Record<string, XYPosition> = {};

  for (const child of graph.children ?? []) {
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  }

  return positions;
}

/** Lays out a graph on the calling thread; also the body of the layout worker. */
export async function layoutOnThisThread(graph: ElkNode): Promise<ElkNode> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');

  return new ELK().layout(graph);
}

type WorkerReply = { id: number; graph?: ElkNode; error?: string };

let worker: Worker | undefined;
let lastRequestId = 0;
const pending = new Map<
  number,
  { resolve: (graph: ElkNode) => void; reject: (error: Error) => void }
>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./elk-layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const request = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (event.data.graph) {
        request?.resolve(event.data.graph);
      } else {
        request?.reject(new Error(event.data.error ?? 'The layout worker returned no graph.'));
      }
    };
  }

  return worker;
}

function layoutInWorker(graph: ElkNode): Promise<ElkNode> {
  lastRequestId += 1;
  const id = lastRequestId;

  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    layoutWorker().postMessage({ id, graph });
  });
}

/** Computes node positions for the stages with ELK. */
export async function computeElkLayout(
  stages: readonly EditorStage[],
): Promise<Record<string, XYPosition>> {
  const graph = buildElkGraph(stages);
  const result =
    typeof Worker === 'undefined' ? await layoutOnThisThread(graph) : await layoutInWorker(graph);

  return positionsFromElk(result);
}
