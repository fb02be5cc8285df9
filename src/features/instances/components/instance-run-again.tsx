import { Alert, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle, IconRepeat } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { useWriteAccess } from '@/lib/connection/connection-context';
import { shortId } from '@/lib/format';
import type { Instance, InstanceHistory, Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

import { inferVariables } from './instance-variables';
import type { InferredVariable } from './instance-variables';

export type RunAgainVariables = { workflowID: string; variables: Record<string, string> };

/** Mutation that starts a workflow; the route passes the workflows feature's run mutation. */
export type RunWorkflowMutationOptions = UseMutationOptions<Instance, Error, RunAgainVariables>;

type InstanceRunAgainProps = {
  instance: Instance;
  workflow: Workflow | undefined;
  history: InstanceHistory[] | undefined;
  runMutation: RunWorkflowMutationOptions;
};

/** "Run again": starts the same workflow with the variables inferred from this instance. */
export function InstanceRunAgain({
  instance,
  workflow,
  history,
  runMutation,
}: InstanceRunAgainProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const writeAccess = useWriteAccess();
  let disabledReason: string | undefined;

  if (!writeAccess.allowed) disabledReason = writeAccess.reason;
  else if (workflow === undefined) disabledReason = 'The workflow of this instance is not known';
  else if (history === undefined) disabledReason = 'The instance history is still loading';

  return (
    <>
      <Tooltip label={disabledReason} disabled={disabledReason === undefined}>
        <Button
          variant="light"
          leftSection={<IconRepeat size={16} />}
          // data-disabled instead of disabled keeps the tooltip with the reason working.
          data-disabled={disabledReason !== undefined || undefined}
          aria-disabled={disabledReason !== undefined || undefined}
          onClick={() => {
            if (disabledReason === undefined) open();
          }}
        >
          Run again
        </Button>
      </Tooltip>
      <Modal opened={opened} onClose={close} title="Run again" size="lg">
        {workflow && history && (
          <RunAgainForm
            instance={instance}
            workflow={workflow}
            inferred={inferVariables(workflow.config, history)}
            runMutation={runMutation}
            onCancel={close}
          />
        )}
      </Modal>
    </>
  );
}

type RunAgainFormProps = {
  instance: Instance;
  workflow: Workflow;
  inferred: InferredVariable[];
  runMutation: RunWorkflowMutationOptions;
  onCancel: () => void;
};

function RunAgainForm({ instance, workflow, inferred, runMutation, onCancel }: RunAgainFormProps) {
  const navigate = useNavigate();
  const run = useMutation({
    ...runMutation,
    meta: { ...runMutation.meta, errorNotification: false },
  });
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      inferred.map((variable) => [
        variable.name,
        variable.status === 'unknown' ? '' : variable.value,
      ]),
    ),
  );
  const unknown = inferred.filter((variable) => variable.status === 'unknown');
  const workflowName = workflow.config.name || shortId(workflow.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();

    run.mutate(
      { workflowID: workflow.id, variables: values },
      {
        onSuccess: (started) => {
          notifications.show({
            color: 'teal',
            title: 'Workflow started',
            message: `Instance ${shortId(started.id)} of ${workflowName} runs again the work of ${shortId(instance.id)}.`,
          });
          void navigate(paths.instance(started.id));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Starts a new instance of <b>{workflowName}</b>. The API does not return the variables of
          an instance, so the values below are read back from the resolved input of the stages that
          ran. Review them before running.
        </Text>
        {unknown.length > 0 && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={16} />}
            title="Some values are unknown"
          >
            {unknown.map((variable) => variable.name).join(', ')}{' '}
            {unknown.length === 1 ? 'is' : 'are'} used only by stages that did not run, or could not
            be read from their input. Enter {unknown.length === 1 ? 'it' : 'them'} by hand; an empty
            value leaves the field empty.
          </Alert>
        )}
        {inferred.length === 0 ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />}>
            This workflow uses no variables.
          </Alert>
        ) : (
          <Stack gap="xs">
            {inferred.map((variable, index) => (
              <TextInput
                key={variable.name}
                label={variable.name}
                description={describeVariable(variable)}
                styles={{ label: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                value={values[variable.name] ?? ''}
                error={
                  variable.status === 'conflict' ? 'Conflicting values: check this one' : undefined
                }
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setValues((previous) => ({ ...previous, [variable.name]: value }));
                }}
                data-autofocus={index === 0 || undefined}
              />
            ))}
          </Stack>
        )}
        {run.isError && <ApiErrorAlert title="Could not run the workflow" error={run.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={run.isPending}>
            Run
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function describeVariable(variable: InferredVariable): string {
  switch (variable.status) {
    case 'inferred':
      return `Read from the input of stage ${variable.stage}.`;
    case 'conflict':
      return `Stages resolved it to different values: ${variable.values.map((value) => `“${value}”`).join(', ')}.`;
    case 'unknown':
      return 'Unknown: no stage that ran uses it.';
  }
}
