import { EmptyState as MantineEmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type EmptyStateProps = {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  /** Buttons or links, e.g. "Clear search". */
  actions?: ReactNode;
};

/** Placeholder for a list or panel with nothing to show. */
export function EmptyState({ title, description, icon, actions }: EmptyStateProps) {
  return (
    <MantineEmptyState
      py="xl"
      size="sm"
      title={title}
      description={description}
      icon={icon ?? <IconInbox size={28} stroke={1.5} />}
      withIndicatorBackground
    >
      {actions && <MantineEmptyState.Actions>{actions}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}
