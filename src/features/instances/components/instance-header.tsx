import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconHandStop } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { CopyId } from '@/components/copy-id';
import { PageHeader } from '@/components/page-header';
import { RelativeTime } from '@/components/relative-time';
import { StateBadge, stateLabel } from '@/components/state-badge';
import { useNow } from '@/hooks/use-now';
import { formatDuration, shortId } from '@/lib/format';
import {
  canceledError,
  getInstanceDuration,
  getInstanceState,
} from '@/lib/orchestration/instance-state';
import type { Instance, WorkflowConfig } from '@/lib/orchestration/schemas';
import { paths } from '@/lib/paths';

type InstanceHeaderProps = {
  instance: Instance;
  config: WorkflowConfig | undefined;
  /** Buttons on the right; the case-file viewer passes none. */
  actions?: ReactNode;
  /** Line above the title. @default 'Instance' */
  eyebrow?: ReactNode;
  /** Links the workflow name to its page; off in the case-file viewer, which has no server. */
  linkWorkflow?: boolean;
};

/** Instance id, state badge, workflow, start, end and duration, with the page's actions. */
export function InstanceHeader(props: InstanceHeaderProps) {
  const { instance, config, actions, eyebrow = 'Instance', linkWorkflow = true } = props;
  const state = getInstanceState(instance, config);
  const now = useNow(1000);
  const workflowName = config?.name || shortId(instance.workflowID);

  return (
    <PageHeader
      eyebrow={eyebrow}
      title={
        <Group gap="sm" wrap="wrap">
          <Text span inherit ff="monospace">
            {shortId(instance.id)}
          </Text>
          <span role="status" aria-label={`State: ${stateLabel(state)}`}>
            <StateBadge state={state} size="lg" />
          </span>
        </Group>
      }
      meta={
        <>
          <CopyId id={instance.id} short={false} label="instance id" size="xs" />
          <Fact label="Workflow">
            {linkWorkflow ? (
              <Anchor component={Link} to={paths.workflow(instance.workflowID)} size="sm">
                {workflowName}
              </Anchor>
            ) : (
              workflowName
            )}
          </Fact>
          <Fact label="Started">
            <RelativeTime value={instance.createdAt} />
          </Fact>
          <Fact label="Ended">
            {instance.terminatedAt ? <RelativeTime value={instance.terminatedAt} /> : '—'}
          </Fact>
          <Fact label="Duration">{formatDuration(getInstanceDuration(instance, now))}</Fact>
        </>
      }
      actions={actions}
    />
  );
}

type FactProps = {
  label: string;
  children: ReactNode;
  /** Text size: `sm` in the page header, `xs` inside a timeline row. @default 'sm' */
  size?: 'sm' | 'xs';
};

/** Dimmed label followed by its value, on one line. */
export function Fact({ label, children, size = 'sm' }: FactProps) {
  return (
    <Group gap={size === 'sm' ? 6 : 4} wrap="nowrap">
      <Text size={size} c="dimmed">
        {label}
      </Text>
      <Text span size={size}>
        {children}
      </Text>
    </Group>
  );
}

/** Alert with the instance's error: red for a failure, orange for a cancellation. */
export function InstanceError({ instance }: { instance: Instance }) {
  if (!instance.error) return null;

  const canceled = instance.error === canceledError;

  return (
    <Alert
      color={canceled ? 'orange' : 'red'}
      variant="light"
      title={canceled ? 'Canceled' : 'Failed'}
      icon={canceled ? <IconHandStop size={18} /> : <IconAlertTriangle size={18} />}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {canceled ? 'The instance was canceled before it finished.' : instance.error}
      </Text>
    </Alert>
  );
}
