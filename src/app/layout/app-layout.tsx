import {
  AppShell,
  Box,
  Burger,
  Group,
  Loader,
  NavLink,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBolt,
  IconHierarchy3,
  IconHourglassHigh,
  IconPlayerPlay,
  IconStack2,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';

import { ThemeSwitch } from '@/components/theme-switch';
import { ConnectionError } from '@/features/connections/components/connection-error';
import { useConnectionStatus } from '@/features/connections/components/connection-provider';
import { ConnectionSwitcher } from '@/features/connections/components/connection-switcher';
import { V1Banner } from '@/features/connections/components/v1-banner';
import { ConnectionIndicator } from '@/features/server-info/components/connection-indicator';
import { paths } from '@/lib/paths';

const navigation = [
  { label: 'Workflows', href: paths.workflows(), prefix: '/workflows', icon: IconHierarchy3 },
  { label: 'Instances', href: paths.instances(), prefix: '/instances', icon: IconPlayerPlay },
  { label: 'Waiting', href: paths.waiting(), prefix: '/waiting', icon: IconHourglassHigh },
  { label: 'Triggers', href: paths.triggers(), prefix: '/triggers', icon: IconBolt },
];

/** Renders the page, or the state of a remote connection that cannot be used yet. */
function ConnectionContent() {
  const status = useConnectionStatus();

  if (status.state === 'checking') {
    return (
      <Group gap="sm" role="status" aria-label="Checking the connection">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          Checking the connection…
        </Text>
      </Group>
    );
  }

  if (status.state === 'error') {
    return (
      <ConnectionError
        errorCode={status.errorCode}
        errorMessage={status.errorMessage}
        onRetry={status.retry}
        retrying={status.retrying}
      />
    );
  }

  return (
    <>
      <V1Banner />
      <Outlet />
    </>
  );
}

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 208, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <UnstyledButton component={Link} to={paths.home()} aria-label="Flowdeck home">
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={28} radius="sm" variant="filled" aria-hidden>
                  <IconStack2 size={18} />
                </ThemeIcon>
                <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
                  Flowdeck
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap">
            <ConnectionSwitcher />
            <ConnectionIndicator />
            <ThemeSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {navigation.map((item) => {
          const ItemIcon = item.icon;
          const active = pathname === item.prefix || pathname.startsWith(`${item.prefix}/`);

          return (
            <NavLink
              key={item.href}
              component={Link}
              to={item.href}
              label={item.label}
              leftSection={<ItemIcon size={18} stroke={1.6} />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={close}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Box maw={1440} mx="auto">
          <ConnectionContent />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
