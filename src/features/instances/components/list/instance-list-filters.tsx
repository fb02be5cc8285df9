import { ActionIcon, Group, SegmentedControl, Select, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';

import { stateLabel } from '@/components/state-badge';
import { TimeFormatToggle } from '@/components/time-format';
import type { ParamChanges } from '@/hooks/use-url-params';
import { outcomeFilters } from '@/lib/paths';
import type { OutcomeFilter, RunningFilter } from '@/lib/paths';

export type WorkflowOption = { value: string; label: string };

type InstanceListFiltersProps = {
  /** Choices of the workflow filter; without them the filter is hidden. */
  workflowOptions?: WorkflowOption[];
  workflowID: string | undefined;
  running: RunningFilter | undefined;
  outcome: OutcomeFilter | undefined;
  /** Merges changes into the URL; every filter change restarts from the first page. */
  onChange: (changes: ParamChanges) => void;
  onRefresh: () => void;
  refreshing: boolean;
};

/** Workflow, state and outcome filters of the instances list, plus refresh and the time format. */
export function InstanceListFilters({
  workflowOptions,
  workflowID,
  running,
  outcome,
  onChange,
  onRefresh,
  refreshing,
}: InstanceListFiltersProps) {
  const options = withSelectedOption(workflowOptions, workflowID);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {workflowOptions && (
        <Select
          label="Workflow"
          placeholder="All workflows"
          data={options}
          value={workflowID ?? null}
          onChange={(value) => onChange({ workflow: value ?? undefined, cursor: undefined })}
          searchable
          clearable
          w={280}
        />
      )}
      <SegmentedControl
        aria-label="Filter by state"
        value={running ?? 'all'}
        onChange={(value) =>
          onChange({ running: value === 'all' ? undefined : value, cursor: undefined })
        }
        data={[
          { value: 'all', label: 'All' },
          { value: 'running', label: 'Running' },
          { value: 'terminated', label: 'Terminated' },
        ]}
      />
      <Select
        label="Outcome"
        placeholder="Any outcome"
        data={outcomeFilters.map((value) => ({ value, label: stateLabel(value) }))}
        value={outcome ?? null}
        onChange={(value) => onChange({ outcome: value ?? undefined, cursor: undefined })}
        clearable
        w={170}
      />
      <Tooltip label="Refresh">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Refresh instances"
          onClick={onRefresh}
          loading={refreshing}
        >
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
      <TimeFormatToggle />
    </Group>
  );
}

/** Keeps a workflow chosen through the URL selectable even when it is not among the options. */
function withSelectedOption(options: WorkflowOption[] = [], selected: string | undefined) {
  if (!selected || options.some((option) => option.value === selected)) return options;

  return [...options, { value: selected, label: selected }];
}
