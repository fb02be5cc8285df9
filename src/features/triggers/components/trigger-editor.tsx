import { Anchor, Button, Grid, Input, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

import { ExpressionEditor } from '@/components/code-editor/expression-editor';
import { PageHeader } from '@/components/page-header';
import { EXPR_BUILTINS } from '@/lib/expr';
import { findEventSample } from '@/lib/orchestration/event-samples';
import type { Trigger, Workflow } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

import {
  useVersionedLatestTriggerOccurrences,
  useVersionedSaveTrigger,
} from '../api/versioned-triggers';
import { useTriggerSuite } from '../api/trigger-suites';
import { compileDiagnostics } from '../model/draft-evaluation';
import { checkLineage, lineageProblemCount } from '../model/lineage';
import { listPayloadPaths } from '../model/payload-paths';
import { formatPayload, parsePayload } from '../model/payload-text';
import { summarizeSuite } from '../model/suite-run';
import {
  draftFromTrigger,
  emptyDraft,
  toDefinition,
  toTriggerData,
  validateDraft,
} from '../model/trigger-draft';
import type { TriggerDraft } from '../model/trigger-draft';

import { DraftPreview } from './draft-preview';
import { LineageAlert } from './lineage-alert';
import { SaveTriggerDialog } from './save-trigger-dialog';
import { SuiteResults } from './suite-results';
import { TriggerFields } from './trigger-fields';
import { VarsEditor } from './vars-editor';
import { WhatIfPanel } from './what-if-panel';
import { WriteButton } from './write-button';
import { errorTextColor } from './status-colors';

type TriggerEditorProps = {
  /** The trigger being edited; absent when creating one. */
  original?: Trigger;
  workflows: readonly Workflow[];
  workflowsPending: boolean;
};

function samplePayloadText(event: string): string {
  return formatPayload(findEventSample(event)?.payload ?? {});
}

/** Create or edit form of a trigger, with a live preview, what-if and test suite results. */
export function TriggerEditor({ original, workflows, workflowsPending }: TriggerEditorProps) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => (original ? draftFromTrigger(original) : emptyDraft()));
  const [payloadText, setPayloadText] = useState(() => samplePayloadText(original?.event ?? ''));
  const [payloadEdited, setPayloadEdited] = useState(false);
  const [dialog, { open: openDialog, close: closeDialog }] = useDisclosure(false);
  const save = useVersionedSaveTrigger({ meta: { errorNotification: false } });
  const originalID = original?.id ?? '';
  const occurrences = useVersionedLatestTriggerOccurrences(originalID, 20);
  const suite = useTriggerSuite(originalID);

  const definition = useMemo(() => toDefinition(draft), [draft]);
  const savedDefinition = useMemo(
    () => (original ? toDefinition(draftFromTrigger(original)) : undefined),
    [original],
  );
  const data = toTriggerData(draft);
  const unchanged =
    original !== undefined &&
    JSON.stringify(data) === JSON.stringify(toTriggerData(draftFromTrigger(original)));
  const problems = validateDraft(draft);
  const workflow = workflows.find((item) => item.id === draft.workflowID);
  const workflowName = workflow?.config.name || 'the workflow';
  const lineage = workflow
    ? checkLineage(Object.keys(definition.vars ?? {}), workflow.config)
    : undefined;
  const parsedPayload = parsePayload(payloadText);
  const completions = useMemo(
    () => listPayloadPaths(parsedPayload.ok ? parsedPayload.payload : {}),
    // The parsed object changes on every render; its text is the real dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [payloadText],
  );
  const filterError = compileDiagnostics(draft.filter)[0];
  const suiteSummary = summarizeSuite(definition, suite.data?.cases ?? []);
  const warnings = [
    ...(lineage && lineageProblemCount(lineage) > 0
      ? ['The variables and the workflow placeholders differ (see the editor).']
      : []),
    ...(suiteSummary.failed > 0
      ? [`${suiteSummary.failed} test case(s) of the suite fail with this definition.`]
      : []),
  ];

  const change = (changes: Partial<TriggerDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    // Until the user edits the payload, it follows the sample of the chosen event type.
    if (changes.event !== undefined && !payloadEdited)
      setPayloadText(samplePayloadText(changes.event));
  };

  const confirm = () =>
    save.mutate(
      { data, replaces: original?.id },
      {
        onSuccess: ({ trigger, warnings: saveWarnings }) => {
          notifications.show({
            closeButtonProps: { 'aria-label': 'Dismiss notification' },
            color: 'teal',
            title: original ? 'Trigger replaced' : 'Trigger created',
            message: trigger.name || trigger.id,
          });
          for (const message of saveWarnings) {
            notifications.show({
              closeButtonProps: { 'aria-label': 'Dismiss notification' },
              color: 'yellow',
              title: 'Partly saved',
              message,
              autoClose: false,
            });
          }
          closeDialog();
          void navigate(paths.trigger(trigger.id));
        },
      },
    );

  const blocked = problems[0]?.message ?? (unchanged ? 'Nothing changed yet.' : undefined);

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow="Trigger"
        title={original ? `Edit ${original.name || original.id}` : 'New trigger'}
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to={original ? paths.trigger(original.id) : paths.triggers()}
            >
              Cancel
            </Button>
            <WriteButton
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => {
                save.reset();
                openDialog();
              }}
              disabledReason={blocked}
            >
              {original ? 'Save as new trigger' : 'Create trigger'}
            </WriteButton>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title="Definition">
            <TriggerFields
              draft={draft}
              onChange={change}
              workflows={workflows}
              workflowsPending={workflowsPending}
              errors={{}}
            />
            <Input.Wrapper
              label="Filter"
              description="expr-lang condition on `event` (the payload); empty matches every event."
              error={filterError?.message}
            >
              <ExpressionEditor
                label="Filter expression"
                value={draft.filter}
                onChange={(filter) => change({ filter })}
                lint={compileDiagnostics}
                paths={completions}
                functions={EXPR_BUILTINS}
                placeholder='event.ledger == "main"'
                invalid={filterError !== undefined}
              />
            </Input.Wrapper>
            <Input.Wrapper
              label="Variables"
              description="Each expression's result becomes a workflow variable, as a string."
            >
              <VarsEditor
                vars={draft.vars}
                onChange={(vars) => change({ vars })}
                paths={completions}
                suggestedNames={lineage?.missing ?? []}
              />
            </Input.Wrapper>
            {lineage && <LineageAlert report={lineage} workflowName={workflowName} />}
            {problems.length > 0 && (
              <List size="sm" c={errorTextColor} aria-label="Problems to fix before saving">
                {problems.map((problem) => (
                  <List.Item key={`${problem.field}-${problem.message}`}>
                    {problem.message}
                  </List.Item>
                ))}
              </List>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section title="Preview">
            <DraftPreview
              definition={definition}
              payloadText={payloadText}
              onPayloadChange={(text) => {
                setPayloadText(text);
                setPayloadEdited(true);
              }}
              occurrences={occurrences.data}
              workflowConfig={workflow?.config}
            />
          </Section>
        </Grid.Col>
      </Grid>
      {original && savedDefinition && (
        <>
          <Section title="What-if on past events">
            <WhatIfPanel triggerID={original.id} before={savedDefinition} after={definition} />
          </Section>
          <Section title="Test suite on this draft">
            <SuiteResults definition={definition} cases={suite.data?.cases ?? []} />
            <Text size="xs" c="dimmed">
              Cases are edited on the{' '}
              <Anchor component={Link} to={paths.trigger(original.id)} size="xs" underline="always">
                trigger page
              </Anchor>
              .
            </Text>
          </Section>
        </>
      )}
      <SaveTriggerDialog
        opened={dialog}
        onClose={closeDialog}
        data={data}
        original={original}
        workflowName={workflowName}
        warnings={warnings}
        saving={save.isPending}
        error={save.error}
        onConfirm={confirm}
      />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
