import { beforeEach, describe, expect, it } from 'vitest';

import { clearDraft, draftKey, loadDraft, saveDraft } from './drafts';
import { tipCreator } from './example-workflows';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('saves and loads a draft', () => {
    const key = draftKey('wf-1');
    saveDraft(key, tipCreator, new Date('2025-05-01T10:00:00Z'));

    expect(loadDraft(key)).toEqual({ savedAt: '2025-05-01T10:00:00.000Z', config: tipCreator });
  });

  it('uses one key for new workflows', () => {
    expect(draftKey(undefined)).toBe('flowdeck:editor-draft:new');
  });

  it('ignores malformed entries', () => {
    localStorage.setItem(draftKey('a'), '{not json');
    localStorage.setItem(draftKey('b'), JSON.stringify({ savedAt: 'x', config: { stages: 3 } }));

    expect(loadDraft(draftKey('a'))).toBeUndefined();
    expect(loadDraft(draftKey('b'))).toBeUndefined();
  });

  it('clears a draft', () => {
    saveDraft(draftKey('c'), tipCreator);
    clearDraft(draftKey('c'));

    expect(loadDraft(draftKey('c'))).toBeUndefined();
  });

  it('returns false when storage is full', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;

    expect(saveDraft('k', tipCreator, new Date(), full)).toBe(false);
  });
});
