import { describe, expect, it } from 'vitest';

import { nextSelection } from './selection';

const stages = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, element: { noop: {} } }));

describe('nextSelection', () => {
  it('replaces the selection', () => {
    expect(nextSelection(stages, ['a', 'b'], 'd', 'replace')).toEqual(['d']);
  });

  it('toggles one stage', () => {
    expect(nextSelection(stages, ['a'], 'c', 'toggle')).toEqual(['a', 'c']);
    expect(nextSelection(stages, ['a', 'c'], 'a', 'toggle')).toEqual(['c']);
  });

  it('extends from the anchor in both directions', () => {
    const down = nextSelection(stages, ['b'], 'c', 'extend');
    const further = nextSelection(stages, down, 'd', 'extend');
    const back = nextSelection(stages, further, 'a', 'extend');

    expect(down).toEqual(['b', 'c']);
    expect(further).toEqual(['b', 'c', 'd']);
    expect(back).toEqual(['b', 'a']);
  });

  it('starts a new selection when nothing is selected', () => {
    expect(nextSelection(stages, [], 'c', 'extend')).toEqual(['c']);
  });
});
