/** Runs at most `max` tasks at a time; the others wait in a FIFO queue. */
export type ConcurrencyLimit = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

function abortError(): Error {
  return new DOMException('The request was aborted before it started.', 'AbortError');
}

/**
 * Creates a limit for concurrent async tasks. A queued task whose `signal` is
 * aborted before its turn is rejected with an `AbortError` and never starts,
 * so rows scrolled past do not keep the queue busy.
 */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  const queue: Array<() => void> = [];

  const startNext = () => {
    while (active < max && queue.length > 0) {
      const start = queue.shift();
      start?.();
    }
  };

  return <T>(task: () => Promise<T>, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        if (signal?.aborted) {
          reject(abortError());
          return;
        }

        active += 1;
        task()
          .then(resolve, reject)
          .finally(() => {
            active -= 1;
            startNext();
          });
      });
      startNext();
    });
}
