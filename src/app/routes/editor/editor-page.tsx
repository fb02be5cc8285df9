import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { paths } from '@/lib/paths';

type EditorPageProps = { title: ReactNode; children: ReactNode };

/** Page frame of the editor routes: a breadcrumb line, then the editor filling the window. */
export function EditorPage({ title, children }: EditorPageProps) {
  return (
    <Stack
      gap="xs"
      h="calc(100dvh - var(--app-shell-header-height, 52px) - 2 * var(--mantine-spacing-lg))"
      mih={600}
    >
      <Breadcrumbs>
        <Anchor component={Link} to={paths.workflows()} size="sm">
          Workflows
        </Anchor>
        <Text size="sm" component="h1" fw={600} m={0}>
          {title}
        </Text>
      </Breadcrumbs>
      {children}
    </Stack>
  );
}
