import { Skeleton } from '@mantine/core';

import { ApiErrorAlert } from '@/components/api-error-alert';

import { useSaveTriggerSuite, useTriggerSuite } from '../api/trigger-suites';
import type { TriggerDefinition } from '../model/draft-evaluation';

import { SuiteResults } from './suite-results';

type SuitePanelProps = { triggerID: string; definition: TriggerDefinition };

/** The trigger's saved test suite, run against its definition. */
export function SuitePanel({ triggerID, definition }: SuitePanelProps) {
  const suite = useTriggerSuite(triggerID);
  const save = useSaveTriggerSuite();

  if (suite.isPending) return <Skeleton height={60} />;

  if (suite.isError) {
    return (
      <ApiErrorAlert
        title="Could not load the test suite"
        error={suite.error}
        onRetry={() => void suite.refetch()}
        retrying={suite.isFetching}
      />
    );
  }

  const cases = suite.data.cases;

  return (
    <SuiteResults
      definition={definition}
      cases={cases}
      removing={save.isPending}
      onRemove={(name) =>
        save.mutate({ triggerID, cases: cases.filter((item) => item.name !== name) })
      }
    />
  );
}
