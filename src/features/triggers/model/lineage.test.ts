import { describe, expect, it } from 'vitest';

import { checkLineage, editDistance, isLikelyMisspelling } from './lineage';

const workflowConfig = {
  stages: [
    {
      send: {
        source: { account: { id: 'fans:${fanID}:wallet' } },
        destination: { account: { id: 'creators:${creatorID}:earnings' } },
        amount: { amount: '${cents}', asset: 'EUR/2' },
      },
    },
  ],
};

describe('editDistance', () => {
  it.each([
    ['fanID', 'fanID', 0],
    ['fanID', 'fanId', 1],
    ['fanID', 'afnID', 1],
    ['cents', 'cent', 1],
    ['cents', 'amount', 5],
    ['', 'abc', 3],
  ])('measures %s → %s as %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('isLikelyMisspelling', () => {
  it('accepts a case-only difference', () => {
    expect(isLikelyMisspelling('FANID', 'fanID')).toBe(true);
  });

  it('accepts two edits on long names', () => {
    expect(isLikelyMisspelling('creatorId_', 'creatorID')).toBe(true);
  });

  it('rejects two edits on short names', () => {
    expect(isLikelyMisspelling('ab', 'cd')).toBe(false);
  });

  it('rejects identical names', () => {
    expect(isLikelyMisspelling('cents', 'cents')).toBe(false);
  });
});

describe('checkLineage', () => {
  it('reports nothing when names match', () => {
    const report = checkLineage(['fanID', 'creatorID', 'cents'], workflowConfig);

    expect(report).toEqual({ missing: [], unused: [], misspelt: [] });
  });

  it('flags missing and unused names', () => {
    const report = checkLineage(['fanID', 'creatorID', 'campaign'], workflowConfig);

    expect(report.missing).toEqual(['cents']);
    expect(report.unused).toEqual(['campaign']);
    expect(report.misspelt).toEqual([]);
  });

  it('pairs a misspelt name with the used one', () => {
    const report = checkLineage(['fanId', 'creatorID', 'cents'], workflowConfig);

    expect(report.misspelt).toEqual([{ defined: 'fanId', used: 'fanID' }]);
    expect(report.missing).toEqual([]);
    expect(report.unused).toEqual([]);
  });

  it('pairs each used name once', () => {
    const report = checkLineage(['fanId', 'fanid', 'creatorID', 'cents'], workflowConfig);

    expect(report.misspelt).toEqual([{ defined: 'fanId', used: 'fanID' }]);
    expect(report.unused).toEqual(['fanid']);
  });

  it('treats a workflow without placeholders as using none', () => {
    const report = checkLineage(['x'], { stages: [{ noop: {} }] });

    expect(report.unused).toEqual(['x']);
    expect(report.missing).toEqual([]);
  });
});
