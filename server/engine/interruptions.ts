/**
 * Reasons a running instance is interrupted, passed as `AbortSignal` reasons.
 * A cancellation ends the instance with error "canceled"; a shutdown only stops
 * the in-process work, and the instance resumes when the server restarts.
 */
export class CancellationError extends Error {
  override readonly name = 'CancellationError';

  constructor() {
    super('canceled');
  }
}

export class ShutdownError extends Error {
  override readonly name = 'ShutdownError';

  constructor() {
    super('server is shutting down');
  }
}

export function isInterruption(error: unknown): error is CancellationError | ShutdownError {
  return error instanceof CancellationError || error instanceof ShutdownError;
}
