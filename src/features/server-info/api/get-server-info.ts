import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiRequest, versionedPath } from '@/lib/api-client';
import { serverInfoSchema } from '@/lib/orchestration/schemas';
import type { ServerInfo } from '@/lib/orchestration/schemas';
import { serverInfoKeys } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

// The real Flows server only routes the v1 `/_info`; its `/v2/_info` returns 404.
function getServerInfo(version: ApiVersion, signal?: AbortSignal): Promise<ServerInfo> {
  return apiRequest(versionedPath(version, '/_info'), {
    schema: serverInfoSchema,
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
