import { Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { PageHeader } from '@/components/page-header';
import { useTrigger } from '@/features/triggers/api/versioned-triggers';
import { TriggerEditor } from '@/features/triggers/components/trigger-editor';
import {
  useWorkflowsPage,
  versionedWorkflowQuery,
} from '@/features/workflows/api/versioned-workflows';
import { useConnection } from '@/lib/connection/connection-context';
import { isNotFound } from '@/lib/errors';
import { shortId } from '@/lib/format';

export default function EditTriggerRoute() {
  const { triggerId = '' } = useParams();
  const { apiVersion } = useConnection();
  const trigger = useTrigger(triggerId);
  const workflows = useWorkflowsPage({ pageSize: 100 });
  const workflowID = trigger.data?.workflowID ?? '';
  // The trigger's own workflow may be deleted or beyond the first 100: load it by id.
  const current = useQuery({
    ...versionedWorkflowQuery(apiVersion, workflowID),
    enabled: workflowID !== '',
  });
  const options = useMemo(() => {
    const listed = workflows.data?.data ?? [];
    const own = current.data;

    return own && !listed.some((item) => item.id === own.id) ? [own, ...listed] : listed;
  }, [workflows.data, current.data]);

  useDocumentTitle(`Edit trigger ${trigger.data?.name || shortId(triggerId)} · Flowdeck`);

  if (trigger.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading trigger">
        <Skeleton height={28} width="40%" />
        <Skeleton height={320} />
      </Stack>
    );
  }

  if (trigger.isError) {
    return (
      <>
        <PageHeader eyebrow="Edit trigger" title={shortId(triggerId)} />
        <ApiErrorAlert
          title={isNotFound(trigger.error) ? 'Trigger not found' : 'Could not load the trigger'}
          error={trigger.error}
          onRetry={() => void trigger.refetch()}
          retrying={trigger.isFetching}
        />
      </>
    );
  }

  return (
    <TriggerEditor
      key={trigger.data.id}
      original={trigger.data}
      workflows={options}
      workflowsPending={workflows.isPending}
    />
  );
}
