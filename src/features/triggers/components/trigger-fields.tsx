import { Autocomplete, Select, SimpleGrid, TextInput } from '@mantine/core';

import { useConnection } from '@/lib/connection/connection-context';
import { eventSamples } from '@/lib/orchestration/event-samples';
import type { Workflow } from '@/lib/orchestration/schemas';

import type { TriggerDraft } from '../model/trigger-draft';

type TriggerFieldsProps = {
  draft: TriggerDraft;
  onChange: (changes: Partial<TriggerDraft>) => void;
  workflows: readonly Workflow[];
  workflowsPending: boolean;
  /** Error shown under a field, by field name (`event`, `workflow`). */
  errors: Readonly<Record<string, string>>;
};

const eventGroups = (['ledger', 'payments', 'orchestration'] as const).map((emitter) => ({
  group: emitter,
  items: eventSamples.filter((sample) => sample.emitter === emitter).map((sample) => sample.type),
}));

/** Name, event type (known types or free text), event version and workflow of a trigger. */
export function TriggerFields({
  draft,
  onChange,
  workflows,
  workflowsPending,
  errors,
}: TriggerFieldsProps) {
  const { apiVersion } = useConnection();
  const workflowOptions = workflows.map((workflow) => ({
    value: workflow.id,
    label: `${workflow.config.name || 'unnamed'} · ${workflow.id.slice(0, 8)}`,
  }));

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput
        label="Name"
        description="Free label, used by the name search."
        placeholder="e.g. large-eur-commit"
        value={draft.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
      />
      <Autocomplete
        label="Event type"
        description="A known Formance event type, or any type your services emit."
        placeholder="COMMITTED_TRANSACTIONS"
        required
        data={eventGroups}
        value={draft.event}
        onChange={(event) => onChange({ event })}
        error={errors.event}
        limit={30}
      />
      <TextInput
        label="Event version"
        description={
          apiVersion === 'v1'
            ? 'The v1 API stores no event version, so v1 triggers match every version.'
            : "Matches the envelope's version (e.g. v2); empty matches every version."
        }
        placeholder="any"
        disabled={apiVersion === 'v1'}
        value={apiVersion === 'v1' ? '' : draft.version}
        onChange={(event) => onChange({ version: event.currentTarget.value })}
      />
      <Select
        label="Workflow"
        description="Started with the variables below when an event matches."
        placeholder={workflowsPending ? 'Loading workflows…' : 'Choose a workflow'}
        required
        searchable
        data={workflowOptions}
        value={draft.workflowID || null}
        onChange={(workflowID) => onChange({ workflowID: workflowID ?? '' })}
        error={errors.workflow}
        nothingFoundMessage="No workflow with that name"
      />
    </SimpleGrid>
  );
}
