/** The shared example workflow configs, typed for the editor's tests. */
import { exampleWorkflows as examples } from '@/lib/orchestration/example-workflows';

import type { EditorConfig } from './document';

export const {
  tipCreator,
  cardTopup: cardTopupToWallet,
  weeklyPayout,
  settleToMerchant,
  approvalGatedRefund,
  releaseAtDate,
  noopProbe,
}: Record<keyof typeof examples, EditorConfig> = examples;

export const exampleWorkflows: readonly EditorConfig[] = Object.values(examples);
