import { StageError } from '../engine/activities';
import type { StageExecutorRegistry } from '../engine/stage-executors';
import { LedgerError } from './errors';
import { runSend } from './send-stage';
import type { LedgerServices } from './services';
import { runUpdate } from './update-stage';

/**
 * Reports a ledger failure that a retry cannot fix as a stage failure, which
 * the engine records without logging it as an unexpected error.
 */
async function asStageFailure(run: Promise<void>): Promise<void> {
  try {
    await run;
  } catch (error) {
    if (error instanceof LedgerError && !error.retryable) {
      throw new StageError(error.message, { cause: error });
    }
    throw error;
  }
}

/** Creates the workflow engine's `send` and `update` executors on the embedded ledger. */
export function createLedgerStageExecutors(services: LedgerServices): StageExecutorRegistry {
  return {
    send: (input, context) =>
      asStageFailure(
        runSend(input, { activities: context.activities, services, logger: context.logger }),
      ),
    update: (input, context) =>
      asStageFailure(
        runUpdate(input, { activities: context.activities, services, logger: context.logger }),
      ),
  };
}
