import { mutationOptions, useMutation } from '@tanstack/react-query';

import { apiRequest, pathSegment } from '@/lib/api-client';
import { dataSchema, triggerTestSchema } from '@/lib/orchestration/schemas';
import type { TriggerTest } from '@/lib/orchestration/schemas';
import type { MutationHookOptions } from '@/lib/query-client';
import { triggerKeys } from '@/lib/query-keys';

export type TestTriggerVariables = {
  triggerID: string;
  /** The event payload (what `event` is bound to in expressions), not the whole envelope. */
  payload: Record<string, unknown>;
};

const responseSchema = dataSchema(triggerTestSchema);

/**
 * Evaluates the trigger's filter and variables against a payload. Nothing is
 * stored and no workflow starts. The endpoint exists in v2 only.
 */
async function testTrigger({ triggerID, payload }: TestTriggerVariables): Promise<TriggerTest> {
  const body = await apiRequest(`/v2/triggers/${pathSegment(triggerID)}/test`, {
    method: 'POST',
    body: payload,
    schema: responseSchema,
    operation: 'testTrigger',
  });

  return body.data;
}

export function testTriggerMutation(options: MutationHookOptions = {}) {
  return mutationOptions({
    mutationKey: [...triggerKeys.all('v2'), 'test'],
    mutationFn: testTrigger,
    meta: { errorTitle: 'Could not test the trigger', ...options.meta },
  });
}

export function useTestTrigger(options: MutationHookOptions = {}) {
  return useMutation(testTriggerMutation(options));
}
