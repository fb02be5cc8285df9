import { queryOptions, useQuery } from '@tanstack/react-query';

import { isErrorBody } from '@/lib/api-client';
import type { ResponseSchema } from '@/lib/api-client';
import { localConnectionId } from '@/lib/connection/active-connection';
import { connectionsPath } from '@/lib/connection/connection-paths';
import type { ConnectionSummary } from '@/lib/connection/connection-schemas';
import { ApiError, clientErrorCodes } from '@/lib/errors';

import { connectionDetailBody, connectionListBody } from './connection-checks';

export const connectionKeys = {
  all: ['flowdeck', 'connections'] as const,
  list: () => [...connectionKeys.all, 'list'] as const,
  detail: (connectionId: string) => [...connectionKeys.all, 'detail', connectionId] as const,
};

/** Sends a GET to the Flowdeck server's own API and parses the body; failures become `ApiError`. */
async function flowdeckGet<T>(
  path: string,
  schema: ResponseSchema<T>,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      errorCode: clientErrorCodes.network,
      errorMessage: 'Cannot reach the Flowdeck server. Check that it is running.',
      operation: `GET ${path}`,
      cause: error,
    });
  }

  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const body = isErrorBody(json) ? json : undefined;
    throw new ApiError({
      status: response.status,
      errorCode: body ? body.errorCode : `HTTP_${response.status}`,
      errorMessage: body ? body.errorMessage : `GET ${path} returned HTTP ${response.status}.`,
      operation: `GET ${path}`,
    });
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      errorCode: clientErrorCodes.invalidResponse,
      errorMessage: `Invalid response from GET ${path}.`,
      operation: `GET ${path}`,
    });
  }

  return parsed.data;
}

export function connectionsQuery() {
  return queryOptions({
    queryKey: connectionKeys.list(),
    queryFn: async ({ signal }) =>
      (await flowdeckGet(connectionsPath, connectionListBody, signal)).data,
    staleTime: 30_000,
  });
}

/**
 * Checks one connection on the server: version detection, token and read-only
 * state. The server keeps only successful checks, so refetching after an error
 * (the Retry button) contacts the stack again.
 */
export function connectionQuery(connectionId: string) {
  return queryOptions({
    queryKey: connectionKeys.detail(connectionId),
    queryFn: async ({ signal }): Promise<ConnectionSummary> => {
      const path = `${connectionsPath}/${encodeURIComponent(connectionId)}`;

      return (await flowdeckGet(path, connectionDetailBody, signal)).data;
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useConnections() {
  return useQuery(connectionsQuery());
}

export function isLocalConnection(connectionId: string): boolean {
  return connectionId === localConnectionId;
}
