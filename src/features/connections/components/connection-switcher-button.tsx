import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';

import { useConnection } from '@/lib/connection/connection-context';

type ConnectionSwitcherButtonProps = Omit<ComponentPropsWithRef<'button'>, 'children' | 'color'>;

/** The header button that opens the connection menu: the active connection's name. */
export function ConnectionSwitcherButton(props: ConnectionSwitcherButtonProps) {
  const current = useConnection();

  return (
    <UnstyledButton aria-label={`Switch connection, current: ${current.name}`} {...props}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600} truncate maw={180}>
          {current.name}
        </Text>
        {current.readOnly && (
          <Badge size="xs" variant="light" color="gray" visibleFrom="xs">
            read-only
          </Badge>
        )}
        <IconChevronDown size={14} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}
