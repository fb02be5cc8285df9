import { describe, expect, it } from 'vitest';

import { configToDocument } from './document';
import { settleToMerchant } from './example-workflows';
import { buildElkGraph, computeElkLayout } from './elk-layout';
import { nodeHeight } from './grid-layout';

describe('computeElkLayout', () => {
  it('places every stage, top to bottom in order', async () => {
    const { stages } = configToDocument(settleToMerchant);
    const positions = await computeElkLayout(stages);
    const ys = stages.map((stage) => positions[stage.id]?.y ?? Number.NaN);

    expect(Object.keys(positions)).toHaveLength(3);
    expect(ys[1]).toBeGreaterThanOrEqual((ys[0] ?? 0) + nodeHeight);
    expect(ys[2]).toBeGreaterThanOrEqual((ys[1] ?? 0) + nodeHeight);
  });

  it('builds one edge per consecutive pair', () => {
    const { stages } = configToDocument(settleToMerchant);

    expect(buildElkGraph(stages).edges).toHaveLength(2);
  });
});
