import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

type RunDialogProps = {
  opened: boolean;
  onClose: () => void;
  /** Variables the workflow uses, in order of first use. */
  variableNames: readonly string[];
  /** Initial values, e.g. the posting preview's samples. */
  initialValues: Readonly<Record<string, string>>;
  running: boolean;
  error: string | undefined;
  onRun: (variables: Record<string, string>) => void;
};

/** Asks for the run's variables, then runs the saved workflow. */
export function RunDialog(props: RunDialogProps) {
  const { opened, onClose, variableNames, initialValues, running, error, onRun } = props;

  return (
    <Modal opened={opened} onClose={onClose} title="Run the workflow">
      {/* Remounted on each opening so that it starts from the current samples. */}
      {opened && (
        <RunForm
          variableNames={variableNames}
          initialValues={initialValues}
          running={running}
          error={error}
          onRun={onRun}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function RunForm({
  variableNames,
  initialValues,
  running,
  error,
  onRun,
  onClose,
}: Omit<RunDialogProps, 'opened'>) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(variableNames.map((name) => [name, initialValues[name] ?? ''])),
  );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onRun(values);
      }}
    >
      <Stack gap="sm">
        {variableNames.length === 0 ? (
          <Text size="sm">This workflow uses no variables.</Text>
        ) : (
          <Text size="sm" c="dimmed">
            A variable left empty becomes empty text, and the field then takes its default.
          </Text>
        )}
        {variableNames.map((name) => (
          <TextInput
            key={name}
            label={name}
            value={values[name] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setValues((current) => ({ ...current, [name]: value }));
            }}
          />
        ))}
        {error && (
          <Alert color="red" variant="light" title="The run failed to start" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={running}>
            Cancel
          </Button>
          <Button type="submit" loading={running}>
            Run
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
