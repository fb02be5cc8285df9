import type { Clock } from '../clock';

// setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days), so long waits sleep in chunks.
const maxTimeoutMs = 2_147_483_647;

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);

      return;
    }

    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves once `clock.now()` reaches `deadline`, checking the clock again
 * after each timer so that a shifted clock is honoured.
 */
export async function sleepUntil(deadline: Date, clock: Clock, signal: AbortSignal): Promise<void> {
  for (;;) {
    const remaining = deadline.getTime() - clock.now().getTime();
    if (remaining <= 0) {
      if (signal.aborted) throw signal.reason as Error;

      return;
    }
    await sleep(Math.min(remaining, maxTimeoutMs), signal);
  }
}

/** Waits for `promise` to settle, but no longer than `ms`; never rejects. */
export async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });

  try {
    await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
