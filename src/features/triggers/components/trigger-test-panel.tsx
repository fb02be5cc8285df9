import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { useConnection } from '@/lib/connection/connection-context';
import { findEventSample } from '@/lib/orchestration/event-samples';
import type { Trigger, WorkflowConfig } from '@/lib/orchestration/schemas';

import { useVersionedLatestTriggerOccurrences } from '../api/versioned-triggers';
import { useTestTrigger } from '../api/test-trigger';
import { useTriggerSuite } from '../api/trigger-suites';
import { fromTriggerTest } from '../model/draft-evaluation';
import { formatPayload, parsePayload } from '../model/payload-text';

import { AddCaseDialog } from './add-case-dialog';
import { PayloadInput } from './payload-input';
import { TestResultView } from './test-result-view';
import { WriteButton } from './write-button';

type TriggerTestPanelProps = { trigger: Trigger; workflowConfig?: WorkflowConfig };

/** Runs the service's testTrigger on a composed payload and shows the outcome. */
export function TriggerTestPanel({ trigger, workflowConfig }: TriggerTestPanelProps) {
  const connection = useConnection();
  const [text, setText] = useState(() =>
    formatPayload(findEventSample(trigger.event)?.payload ?? {}),
  );
  const [caseDialog, { open: openCaseDialog, close: closeCaseDialog }] = useDisclosure(false);
  const occurrences = useVersionedLatestTriggerOccurrences(trigger.id, 20);
  const suite = useTriggerSuite(trigger.id);
  const test = useTestTrigger({ meta: { errorNotification: false } });
  const [testedText, setTestedText] = useState<string | undefined>(undefined);
  const parsed = parsePayload(text);
  // A test case keeps the payload it was tested with, so editing the payload disables saving it.
  const tested = test.data !== undefined && testedText === text;
  const evaluation = test.data ? fromTriggerTest(test.data) : undefined;
  const unavailable =
    connection.apiVersion === 'v1' ? 'The v1 API has no testTrigger operation.' : undefined;

  const run = () => {
    if (!parsed.ok) return;

    setTestedText(text);
    test.mutate({ triggerID: trigger.id, payload: parsed.payload });
  };

  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <PayloadInput
            value={text}
            onChange={setText}
            eventType={trigger.event}
            occurrences={occurrences.data}
          />
          <Group gap="xs">
            <WriteButton
              leftSection={<IconPlayerPlay size={16} />}
              onClick={run}
              loading={test.isPending}
              disabledReason={
                unavailable ?? (parsed.ok ? undefined : 'Fix the payload JSON first.')
              }
            >
              Run test
            </WriteButton>
            <WriteButton
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={openCaseDialog}
              disabledReason={tested ? undefined : 'Run the test on this payload first.'}
            >
              Save as test case
            </WriteButton>
          </Group>
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            Result from the service
          </Text>
          {test.error !== null && <ApiErrorAlert title="Test failed" error={test.error} />}
          {evaluation ? (
            <TestResultView
              result={evaluation}
              workflowConfig={workflowConfig}
              label="Test result"
            />
          ) : (
            <Text size="sm" c="dimmed">
              Run the test to evaluate the filter and variables on the server. Nothing is stored and
              no workflow starts.
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      {tested && evaluation && parsed.ok && (
        <AddCaseDialog
          opened={caseDialog}
          onClose={closeCaseDialog}
          triggerID={trigger.id}
          payload={parsed.payload}
          evaluation={evaluation}
          existingCases={suite.data?.cases ?? []}
        />
      )}
    </Paper>
  );
}
