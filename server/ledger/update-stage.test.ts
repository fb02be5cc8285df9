import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { nextTick, openStageHarness, rejectionOf, updateInput } from './test-support';
import { runUpdate } from './update-stage';

let h: ReturnType<typeof openStageHarness>;

beforeEach(() => {
  h = openStageHarness();
});

afterEach(() => {
  h.t.close();
});

describe('runUpdate', () => {
  it('adds metadata in the main ledger', async () => {
    await runUpdate(
      updateInput({ account: { id: 'merchants:m-1', metadata: { settlement: 'done' } } }),
      h.ctx,
    );

    expect(h.history).toEqual([
      {
        name: 'AddAccountMetadata',
        input: {
          ledger: 'main',
          account: 'merchants:m-1',
          id: 'merchants:m-1',
          metadata: { settlement: 'done' },
        },
        output: undefined,
      },
    ]);
    expect(h.t.services.ledger.findAccount('main', 'merchants:m-1')?.metadata).toEqual({
      settlement: 'done',
    });
  });

  it('emits SAVED_METADATA once the activity commits', async () => {
    await runUpdate(
      updateInput({ account: { id: 'a', ledger: 'books', metadata: { k: 'v' } } }),
      h.ctx,
    );
    await nextTick();

    expect(h.t.events).toEqual([
      expect.objectContaining({
        type: 'SAVED_METADATA',
        payload: { ledger: 'books', targetType: 'ACCOUNT', targetId: 'a', metadata: { k: 'v' } },
      }),
    ]);
  });

  it('fails at once on an invalid address', async () => {
    const error = await rejectionOf(
      runUpdate(updateInput({ account: { id: 'bad address', metadata: { k: 'v' } } }), h.ctx),
    );

    expect(error).toMatchObject({ code: 'VALIDATION', retryable: false });
    expect(h.t.services.ledger.hasLedger('main')).toBe(false);
  });
});
