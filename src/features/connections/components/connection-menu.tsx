import { Badge, Box, Group, Menu, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';

import { useConnections } from '@/features/connections/api/get-connections';
import { connectionHref } from '@/lib/connection/active-connection';
import { useConnection } from '@/lib/connection/connection-context';
import type { ConnectionSummary } from '@/lib/connection/connection-schemas';

import { ConnectionSwitcherButton } from './connection-switcher-button';

const statusColors: Record<ConnectionSummary['status'], string> = {
  ready: 'var(--mantine-color-teal-6)',
  unknown: 'var(--mantine-color-gray-5)',
  error: 'var(--mantine-color-red-6)',
};

function StatusDot({ color }: { color: string }) {
  return (
    <Box
      w={8}
      h={8}
      style={{ borderRadius: '50%', background: color, flexShrink: 0 }}
      aria-hidden
    />
  );
}

function ConnectionItem({
  connection,
  active,
}: {
  connection: ConnectionSummary;
  active: boolean;
}) {
  return (
    <Menu.Item
      component="a"
      // A full page load: the connection is read from the URL when the console starts.
      href={connectionHref(connection.id, '/workflows')}
      leftSection={<StatusDot color={statusColors[connection.status]} />}
      rightSection={active ? <IconCheck size={14} aria-label="current" /> : undefined}
      aria-current={active ? 'true' : undefined}
    >
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{connection.name}</Text>
        {connection.readOnly && (
          <Badge size="xs" variant="light" color="gray">
            read-only
          </Badge>
        )}
        {connection.apiVersion === 'v1' && (
          <Badge size="xs" variant="light" color="yellow">
            v1
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate maw={260}>
        {connection.kind === 'local' ? 'Embedded server' : connection.baseUrl}
      </Text>
    </Menu.Item>
  );
}

/**
 * The connection menu: the Flowdeck server's connections, each a link that opens it.
 * `ConnectionSwitcher` loads this module when the menu is first opened.
 */
export function ConnectionMenu() {
  const current = useConnection();
  const connections = useConnections();
  const target = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    // This button replaces the one that was clicked. Focusing it before the menu opens lets
    // Mantine return the focus to it when the menu closes, as it does for later openings.
    target.current?.focus();
    setOpened(true);
  }, []);

  return (
    <Menu position="bottom-end" width={300} withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>
        <ConnectionSwitcherButton ref={target} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Connections</Menu.Label>
        {connections.isPending && <Menu.Item disabled>Loading…</Menu.Item>}
        {connections.isError && <Menu.Item disabled>Could not load the connections</Menu.Item>}
        {connections.data?.map((connection) => (
          <ConnectionItem
            key={connection.id}
            connection={connection}
            active={connection.id === current.id}
          />
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
