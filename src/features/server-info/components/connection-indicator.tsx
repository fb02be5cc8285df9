import { Box, Group, Text } from '@mantine/core';

import { LazyTooltip } from '@/components/lazy-tooltip';
import { useConnectionServerInfo } from '@/features/server-info/api/get-server-info';
import { useConnection } from '@/lib/connection/connection-context';
import { describeError } from '@/lib/errors';

type Status = { color: string; label: string; detail: string };

/** Codes of a stack that responded but rejected the Flowdeck server's credentials. */
const credentialCodes = new Set([
  'STACK_BAD_CREDENTIALS',
  'STACK_TOKEN_REJECTED',
  'STACK_TOKEN_ERROR',
]);

/** Header badge: a coloured dot and the server's version, or why it is unreachable. */
export function ConnectionIndicator() {
  const serverInfo = useConnectionServerInfo();
  const { name } = useConnection();
  const status = connectionStatus(serverInfo, name);

  return (
    <LazyTooltip label={status.detail} multiline maw={360} withinPortal>
      <Group gap={6} wrap="nowrap" role="status" aria-label={`Connection: ${status.label}`}>
        <Box
          w={8}
          h={8}
          style={{ borderRadius: '50%', background: status.color, flexShrink: 0 }}
          aria-hidden
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} visibleFrom="xs">
          {status.label}
        </Text>
      </Group>
    </LazyTooltip>
  );
}

function connectionStatus(
  serverInfo: ReturnType<typeof useConnectionServerInfo>,
  name: string,
): Status {
  if (serverInfo.data) {
    const version = serverInfo.data.version;

    return {
      color: 'var(--mantine-color-teal-6)',
      label: `${name} · ${/^\d/.test(version) ? `v${version}` : version}`,
      detail: `Connected. The server reports version ${version}.`,
    };
  }

  if (serverInfo.isError) {
    const { code, message } = describeError(serverInfo.error);

    return {
      color: 'var(--mantine-color-red-6)',
      label: `${credentialCodes.has(code) ? 'Rejected' : 'Unreachable'} (${code})`,
      detail: `${code}: ${message}`,
    };
  }

  return {
    color: 'var(--mantine-color-gray-5)',
    label: 'Connecting…',
    detail: 'Asking the server for its version.',
  };
}
