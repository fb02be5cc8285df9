import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';

import { ApiErrorAlert } from '@/components/api-error-alert';
import type { TriggerSuiteCase } from '@/lib/orchestration/event-samples';

import { useSaveTriggerSuite } from '../api/trigger-suites';
import type { TriggerEvaluation } from '../model/draft-evaluation';

type AddCaseDialogProps = {
  opened: boolean;
  onClose: () => void;
  triggerID: string;
  payload: Record<string, unknown>;
  /** Result of the test, used as the default expectation. */
  evaluation: TriggerEvaluation;
  existingCases: readonly TriggerSuiteCase[];
};

/** Saves the tested payload as a named test case with its expected outcome. */
export function AddCaseDialog(props: AddCaseDialogProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Save as a test case">
      {/* Mounted only while open, so each opening starts from the latest test result. */}
      {props.opened && <AddCaseForm {...props} />}
    </Modal>
  );
}

function AddCaseForm({
  onClose,
  triggerID,
  payload,
  evaluation,
  existingCases,
}: AddCaseDialogProps) {
  const save = useSaveTriggerSuite({ meta: { errorNotification: false } });
  const matched = evaluation.filter === undefined || evaluation.filter.match;
  const [name, setName] = useState(`case ${existingCases.length + 1}`);
  const [expectMatch, setExpectMatch] = useState(matched);
  const [expected, setExpected] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(evaluation.variables ?? {}).map(([key, outcome]) => [
        key,
        outcome.error === undefined ? outcome.value : '',
      ]),
    ),
  );
  const trimmed = name.trim();
  const duplicate = existingCases.some((item) => item.name === trimmed);
  let nameError: string | undefined;
  if (trimmed === '') nameError = 'Enter a name.';
  else if (duplicate) nameError = 'A case with this name exists; choose another name.';

  const submit = () => {
    const variables = Object.fromEntries(
      Object.entries(expected).filter(([, value]) => value !== ''),
    );
    const testCase: TriggerSuiteCase = {
      name: trimmed,
      payload,
      expect:
        expectMatch && Object.keys(variables).length > 0
          ? { match: true, variables }
          : { match: expectMatch },
    };
    save.mutate(
      { triggerID, cases: [...existingCases, testCase] },
      {
        onSuccess: () => {
          notifications.show({
            closeButtonProps: { 'aria-label': 'Dismiss notification' },
            color: 'teal',
            title: 'Test case saved',
            message: trimmed,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <TextInput
        label="Case name"
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={nameError}
        data-autofocus
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Expected outcome
        </Text>
        <SegmentedControl
          aria-label="Expected outcome"
          value={expectMatch ? 'match' : 'no-match'}
          onChange={(value) => setExpectMatch(value === 'match')}
          data={[
            { value: 'match', label: 'Matches' },
            { value: 'no-match', label: 'Does not match' },
          ]}
        />
      </Stack>
      {expectMatch &&
        Object.keys(expected).map((key) => (
          <TextInput
            key={key}
            label={`Expected ${key}`}
            description="Leave empty to not check this variable."
            ff="monospace"
            value={expected[key] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setExpected((current) => ({ ...current, [key]: value }));
            }}
          />
        ))}
      {save.error !== null && (
        <ApiErrorAlert title="Could not save the test case" error={save.error} />
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} loading={save.isPending} disabled={nameError !== undefined}>
          Save case
        </Button>
      </Group>
    </Stack>
  );
}
