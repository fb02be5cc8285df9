import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type PageHeaderProps = {
  title: ReactNode;
  /** Small line above the title, e.g. the resource type or a breadcrumb. */
  eyebrow?: ReactNode;
  description?: ReactNode;
  /** Badges and facts shown under the title. */
  meta?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
};

export function PageHeader({ title, eyebrow, description, meta, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="lg">
      <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
        {eyebrow && (
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {eyebrow}
          </Text>
        )}
        <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {meta && (
          <Group gap="md" wrap="wrap" mt={4}>
            {meta}
          </Group>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
