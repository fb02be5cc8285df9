import { queryOptions, useQuery } from '@tanstack/react-query';

import { useConnection } from '@/lib/connection/connection-context';
import { apiRequest, versionedPath } from '@/lib/api-client';
import type { ResponseSchema } from '@/lib/api-client';
import type { ServerInfo } from '@/lib/orchestration/schemas';
import { serverInfoKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

/**
 * Checks `{ version: string }` like `serverInfoSchema` does, without zod: the header reads
 * `_info` on every page, and zod stays out of the entry chunk.
 */
const serverInfoBody: ResponseSchema<ServerInfo> = {
  safeParse(value) {
    const version =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>).version
        : undefined;
    if (typeof version === 'string') return { success: true, data: { version } };

    return {
      success: false,
      error: { issues: [{ path: ['version'], message: 'expected a string' }] },
    };
  },
};

// The real Flows server only routes the v1 `/_info`; its `/v2/_info` returns 404.
function getServerInfo(version: ApiVersion, signal?: AbortSignal): Promise<ServerInfo> {
  return apiRequest(versionedPath(version, '/_info'), {
    schema: serverInfoBody,
    operation: version === 'v2' ? 'v2GetServerInfo' : 'getServerInfo',
    signal,
  });
}

export function v2ServerInfoQuery() {
  return queryOptions({
    queryKey: serverInfoKeys.all('v2'),
    queryFn: ({ signal }) => getServerInfo('v2', signal),
    staleTime: 5 * 60_000,
  });
}

export function serverInfoQuery() {
  return queryOptions({
    queryKey: serverInfoKeys.all('v1'),
    queryFn: ({ signal }) => getServerInfo('v1', signal),
    staleTime: 5 * 60_000,
  });
}

export function useV2GetServerInfo() {
  return useQuery(v2ServerInfoQuery());
}

export function useGetServerInfo() {
  return useQuery(serverInfoQuery());
}

/**
 * Server info of the active connection: v2 `/_info` on the embedded server,
 * v1 `/_info` on remote stacks, because the real service does not route
 * `/v2/_info`.
 */
export function useConnectionServerInfo() {
  const { kind } = useConnection();

  return useQuery(kind === 'local' ? v2ServerInfoQuery() : serverInfoQuery());
}
