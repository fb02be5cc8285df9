import type { UpdateStageInput } from '@/lib/orchestration/stage-config';

import { addAccountMetadata } from './activities';
import type { StageContext } from './services';

/**
 * Runs an `update` stage: adds metadata to a ledger account through the
 * `AddAccountMetadata` activity. An account is the only target the stage has.
 */
export async function runUpdate(input: UpdateStageInput, ctx: StageContext): Promise<void> {
  const { account } = input;
  await addAccountMetadata(ctx, account.ledger, account.id, account.metadata);
}
