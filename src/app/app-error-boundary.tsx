import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { Component } from 'react';
import type { ReactNode } from 'react';

type AppErrorBoundaryProps = { children: ReactNode };
type AppErrorBoundaryState = { error: Error | undefined };

/** Last-resort boundary for render crashes outside the routes: offers a page reload. */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): AppErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;

    if (!error) return this.props.children;

    return (
      <Center mih="100vh" p="xl" role="alert">
        <Stack align="center" gap="sm" maw={560}>
          <Title order={1} fz="h2">
            Flowdeck crashed
          </Title>
          <Text c="dimmed" ta="center">
            The console hit an unexpected error. Reloading usually recovers; if it keeps happening,
            report the message below.
          </Text>
          <Code block w="100%">
            {error.name}: {error.message}
          </Code>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </Stack>
      </Center>
    );
  }
}
