import { describe, expect, it } from 'vitest';

import { createConcurrencyLimit } from './concurrency-limit';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });

  return { promise, resolve };
}

describe('createConcurrencyLimit', () => {
  it('runs at most max tasks at once', async () => {
    const limit = createConcurrencyLimit(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, index) =>
      limit(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );

    await Promise.resolve();
    expect(started).toEqual([0, 1]);

    gates[0]?.resolve();
    await results[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);

    gates[1]?.resolve();
    gates[2]?.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2]);
  });

  it('drops a queued task when its signal aborts', async () => {
    const limit = createConcurrencyLimit(1);
    const gate = deferred();
    const controller = new AbortController();
    let ran = false;

    const first = limit(() => gate.promise);
    const queued = limit(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();

    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    gate.resolve();
    await first;
    expect(ran).toBe(false);
  });

  it('rejects a task whose signal aborted before the call', async () => {
    const limit = createConcurrencyLimit(1);
    const controller = new AbortController();
    controller.abort();

    await expect(limit(async () => 1, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
