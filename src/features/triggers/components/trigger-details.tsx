import {
  Anchor,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { CopyId, CopyIdButton } from '@/components/copy-id';
import { PageHeader } from '@/components/page-header';
import { RelativeTime } from '@/components/relative-time';
import { useTrigger } from '@/features/triggers/api/versioned-triggers';
import { isNotFound } from '@/lib/errors';
import { shortId } from '@/lib/format';
import type { Trigger, WorkflowConfig } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

import { toDefinition, draftFromTrigger } from '../model/trigger-draft';

import { DeleteTriggerButton } from './delete-trigger-button';
import { SuitePanel } from './suite-panel';
import { TriggerOccurrences } from './trigger-occurrences';
import { TriggerTestPanel } from './trigger-test-panel';
import { WriteButton } from './write-button';

type TriggerDetailsProps = {
  triggerId: string;
  /** Name of the trigger's workflow, when the caller has loaded it. */
  workflowName?: string;
  /** Config of the trigger's workflow, to show its stages after interpolation in tests. */
  workflowConfig?: WorkflowConfig;
};

/** Trigger page: its definition (event, workflow, filter, variables) and occurrences. */
export function TriggerDetails({ triggerId, workflowName, workflowConfig }: TriggerDetailsProps) {
  const navigate = useNavigate();
  const trigger = useTrigger(triggerId);

  if (trigger.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading trigger">
        <Skeleton height={28} width="40%" />
        <Skeleton height={160} />
      </Stack>
    );
  }

  if (trigger.isError) {
    return (
      <>
        <PageHeader
          eyebrow="Trigger"
          title={
            <Text span inherit ff="monospace">
              {triggerId}
            </Text>
          }
        />
        <ApiErrorAlert
          title={isNotFound(trigger.error) ? 'Trigger not found' : 'Could not load the trigger'}
          error={trigger.error}
          onRetry={() => void trigger.refetch()}
          retrying={trigger.isFetching}
        />
      </>
    );
  }

  const data = trigger.data;

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Trigger"
        title={data.name || shortId(data.id)}
        meta={
          <>
            <CopyId id={data.id} short={false} label="trigger id" size="xs" />
            <Group gap={4}>
              <Text size="sm" c="dimmed">
                Created
              </Text>
              <RelativeTime value={data.createdAt} />
            </Group>
          </>
        }
        actions={
          <>
            <WriteButton
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => void navigate(paths.editTrigger(data.id))}
            >
              Edit
            </WriteButton>
            <DeleteTriggerButton trigger={data} />
          </>
        }
      />
      <TriggerDefinition trigger={data} workflowName={workflowName} />
      <section aria-labelledby="trigger-test-title">
        <Title order={2} fz="h4" mb="xs" id="trigger-test-title">
          Test
        </Title>
        <TriggerTestPanel trigger={data} workflowConfig={workflowConfig} />
      </section>
      <section aria-labelledby="trigger-suite-title">
        <Title order={2} fz="h4" mb="xs" id="trigger-suite-title">
          Test suite
        </Title>
        <SuitePanel triggerID={data.id} definition={toDefinition(draftFromTrigger(data))} />
      </section>
      <section aria-labelledby="trigger-occurrences-title">
        <Title order={2} fz="h4" mb="xs" id="trigger-occurrences-title">
          Occurrences
        </Title>
        <TriggerOccurrences triggerID={data.id} />
      </section>
    </Stack>
  );
}

function TriggerDefinition({ trigger, workflowName }: { trigger: Trigger; workflowName?: string }) {
  const vars = Object.entries(trigger.vars ?? {});

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Field label="Event">
            <Code>{trigger.event}</Code>
          </Field>
          <Field label="Event version">
            {trigger.version ? <Code>{trigger.version}</Code> : <Text size="sm">any</Text>}
          </Field>
          <Field label="Workflow">
            <Group gap={6} wrap="nowrap">
              <Anchor component={Link} to={paths.workflow(trigger.workflowID)} size="sm">
                {workflowName || shortId(trigger.workflowID)}
              </Anchor>
              <CopyIdButton id={trigger.workflowID} label="workflow id" />
            </Group>
          </Field>
        </SimpleGrid>
        <Field label="Filter">
          {trigger.filter ? (
            // Focusable so that keyboard users can scroll a long filter.
            <Code block tabIndex={0}>
              {trigger.filter}
            </Code>
          ) : (
            <Text size="sm" c="dimmed">
              No filter: every event of this type matches.
            </Text>
          )}
        </Field>
        <Field label={`Variables (${vars.length})`}>
          {vars.length === 0 ? (
            <Text size="sm" c="dimmed">
              None: the workflow runs without variables.
            </Text>
          ) : (
            <Table withTableBorder aria-label="Variables">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Expression</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {vars.map(([name, expression]) => (
                  <Table.Tr key={name}>
                    <Table.Td ff="monospace">{name}</Table.Td>
                    <Table.Td>
                      <Code style={{ whiteSpace: 'pre-wrap' }}>{expression}</Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Field>
      </Stack>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}
