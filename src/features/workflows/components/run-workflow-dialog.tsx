import { Alert, Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { useVersionedRunWorkflow } from '@/features/workflows/api/versioned-workflows';
import { shortId } from '@/lib/format';
import { listVariables } from '@/lib/orchestration/interpolate';
import type { Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

type RunWorkflowDialogProps = {
  workflow: Workflow;
  opened: boolean;
  onClose: () => void;
};

/** Dialog that runs a workflow with a value for each `${name}` used in its stages. */
export function RunWorkflowDialog({ workflow, opened, onClose }: RunWorkflowDialogProps) {
  const title = workflow.config.name ? `Run ${workflow.config.name}` : 'Run workflow';

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      {/* The form unmounts on close, so every opening starts from empty fields. */}
      <RunWorkflowForm workflow={workflow} onCancel={onClose} />
    </Modal>
  );
}

function RunWorkflowForm({ workflow, onCancel }: { workflow: Workflow; onCancel: () => void }) {
  const navigate = useNavigate();
  const run = useVersionedRunWorkflow({ meta: { errorNotification: false } });
  const names = listVariables(workflow.config.stages);
  const [values, setValues] = useState<Record<string, string>>({});
  const [wait, setWait] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const variables = Object.fromEntries(names.map((name) => [name, values[name] ?? '']));

    run.mutate(
      { workflowID: workflow.id, variables, wait },
      {
        onSuccess: (instance) => {
          const name = workflow.config.name || 'the workflow';
          const state = instance.terminated ? 'done' : 'running';

          notifications.show({
            color: 'teal',
            title: 'Workflow started',
            message: `Instance ${shortId(instance.id)} of ${name} is ${state}.`,
          });
          void navigate(paths.instance(instance.id));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {names.length === 0 ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />}>
            This workflow uses no variables.
          </Alert>
        ) : (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Each value replaces its <code>{'${name}'}</code> placeholder in the stages. An empty
              value leaves the field empty, so the stage uses its default.
            </Text>
            {names.map((name, index) => (
              <TextInput
                key={name}
                label={name}
                styles={{ label: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                value={values[name] ?? ''}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setValues((previous) => ({ ...previous, [name]: value }));
                }}
                data-autofocus={index === 0 || undefined}
              />
            ))}
          </Stack>
        )}
        <Switch
          label="Wait for the end"
          description="Respond only when the instance ends (the local server waits 30 s at most)."
          checked={wait}
          onChange={(event) => setWait(event.currentTarget.checked)}
        />
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
