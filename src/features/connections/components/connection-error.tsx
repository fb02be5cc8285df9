import { Alert, Anchor, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';

import { useConnection } from '@/lib/connection/connection-context';

const titles: Record<string, (name: string) => string> = {
  STACK_UNREACHABLE: (name) => `Cannot reach ${name}`,
  STACK_TIMEOUT: (name) => `${name} did not respond in time`,
  STACK_TLS_ERROR: (name) => `The TLS connection to ${name} failed`,
  STACK_BAD_CREDENTIALS: (name) => `${name} rejected the client credentials`,
  STACK_TOKEN_REJECTED: (name) => `${name} rejected the access token`,
  STACK_TOKEN_ERROR: (name) => `The token endpoint of ${name} failed`,
  CONNECTION_NOT_FOUND: () => 'Unknown connection',
  NETWORK: () => 'Cannot reach the Flowdeck server',
};

type ConnectionErrorProps = {
  errorCode: string;
  errorMessage: string;
  onRetry: () => void;
  retrying: boolean;
};

/** Full-page state shown instead of a page when the active connection cannot be used. */
export function ConnectionError({
  errorCode,
  errorMessage,
  onRetry,
  retrying,
}: ConnectionErrorProps) {
  const connection = useConnection();
  const title = titles[errorCode]?.(connection.name) ?? `Cannot use ${connection.name}`;

  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconPlugConnectedX size={18} />}
      role="alert"
      maw={720}
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Code fw={600} data-testid="error-code">
            {errorCode}
          </Code>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {errorMessage}
        </Text>
        <Group gap="md">
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
            loading={retrying}
          >
            Retry
          </Button>
          <Anchor href="/workflows" size="sm">
            Open the local server
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
