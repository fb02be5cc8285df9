/** Runs at most `max` tasks at a time; the others wait in a FIFO queue. */
export type ConcurrencyLimit = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

function abortReason(signal?: AbortSignal): unknown {
  return (
    signal?.reason ?? new DOMException('The request was aborted before it started.', 'AbortError')
  );
}

/**
 * Creates a limit for concurrent async tasks. A queued task whose `signal`
 * aborts leaves the queue at once and is rejected with the abort reason
 * without starting, so rows scrolled past do not keep the queue busy.
 */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let running = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    running -= 1;
    queue.shift()?.();
  };

  return async <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    if (signal?.aborted) throw abortReason(signal);

    if (running >= max) {
      await new Promise<void>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        };
        const abort = () => {
          queue.splice(queue.indexOf(start), 1);
          reject(abortReason(signal));
        };

        queue.push(start);
        signal?.addEventListener('abort', abort, { once: true });
      });
    }

    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
