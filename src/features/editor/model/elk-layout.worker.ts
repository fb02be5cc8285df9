/** Web worker that runs ELK layouts off the main thread (see elk-layout.ts). */
import { layoutOnThisThread } from './elk-layout';
import type { ElkNode } from './elk-layout';

type LayoutRequest = { id: number; graph: ElkNode };

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;

  try {
    self.postMessage({ id, graph: await layoutOnThisThread(graph) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
