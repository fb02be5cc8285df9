import { Stack, Text } from '@mantine/core';

import type { TriggerOccurrence, WorkflowConfig } from '@/lib/orchestration/schemas';

import { evaluateTrigger } from '../model/draft-evaluation';
import type { TriggerDefinition } from '../model/draft-evaluation';
import { parsePayload } from '../model/payload-text';

import { PayloadInput } from './payload-input';
import { TestResultView } from './test-result-view';

type DraftPreviewProps = {
  definition: TriggerDefinition;
  payloadText: string;
  onPayloadChange: (text: string) => void;
  occurrences?: readonly TriggerOccurrence[];
  workflowConfig?: WorkflowConfig;
};

/** The draft evaluated in the browser on a sample payload, updated on every edit. */
export function DraftPreview(props: DraftPreviewProps) {
  const { definition, payloadText, onPayloadChange, occurrences, workflowConfig } = props;
  const parsed = parsePayload(payloadText);

  return (
    <Stack gap="sm">
      <PayloadInput
        value={payloadText}
        onChange={onPayloadChange}
        eventType={definition.event}
        occurrences={occurrences}
      />
      <Text size="sm" fw={500}>
        Draft on this payload (evaluated in the browser)
      </Text>
      {parsed.ok ? (
        <TestResultView
          result={evaluateTrigger(definition, parsed.payload)}
          workflowConfig={workflowConfig}
          label="Draft result"
        />
      ) : (
        <Text size="sm" c="dimmed">
          Fix the payload JSON to see the result.
        </Text>
      )}
    </Stack>
  );
}
