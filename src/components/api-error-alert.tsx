import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';

import { describeError, isApiError } from '@/lib/errors';

type ApiErrorAlertProps = {
  error: unknown;
  /** @default 'Request failed' */
  title?: string;
  /** Shows a Retry button when set. */
  onRetry?: () => void;
  retrying?: boolean;
};

/** Shows an error's `errorCode` and message, with an optional Retry button. */
export function ApiErrorAlert({
  error,
  title = 'Request failed',
  onRetry,
  retrying,
}: ApiErrorAlertProps) {
  const { code, message } = describeError(error);
  const operation = isApiError(error) ? error.operation : undefined;
  const status = isApiError(error) && error.status > 0 ? error.status : undefined;

  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} />}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Code fw={600} data-testid="error-code">
            {code}
          </Code>
          {status !== undefined && (
            <Text size="xs" c="dimmed">
              HTTP {status}
            </Text>
          )}
          {operation && (
            <Text size="xs" c="dimmed">
              {operation}
            </Text>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Text>
        {onRetry && (
          <Group>
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
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
