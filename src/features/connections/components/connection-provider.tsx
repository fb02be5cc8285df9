import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';

import { connectionQuery } from '@/features/connections/api/get-connections';
import { getActiveConnection, localConnectionId } from '@/lib/connection/active-connection';
import { ConnectionContext, localConnection } from '@/lib/connection/connection-context';
import type { ConnectionInfo } from '@/lib/connection/connection-context';
import type { ConnectionSummary } from '@/lib/connection/connection-schemas';

export type ConnectionStatus =
  | { state: 'checking' }
  | { state: 'ready' }
  | {
      state: 'error';
      errorCode: string;
      errorMessage: string;
      retry: () => void;
      retrying: boolean;
    };

const ConnectionStatusContext = createContext<ConnectionStatus>({ state: 'ready' });

/** Returns whether the active connection can be used yet, and why not. */
export function useConnectionStatus(): ConnectionStatus {
  return useContext(ConnectionStatusContext);
}

function toInfo(summary: ConnectionSummary): ConnectionInfo {
  return {
    id: summary.id,
    name: summary.name,
    kind: summary.kind,
    apiVersion: summary.apiVersion ?? 'v2',
    readOnly: summary.readOnly,
    ...(summary.readOnlyReason !== undefined ? { readOnlyReason: summary.readOnlyReason } : {}),
  };
}

function toStatus(query: UseQueryResult<ConnectionSummary>, isLocal: boolean): ConnectionStatus {
  const retry = () => void query.refetch();
  const retrying = query.isFetching;
  // The embedded server's pages show their own errors, so they do not wait for the check.
  if (isLocal) return { state: 'ready' };
  if (query.isPending) return { state: 'checking' };
  if (query.isError) {
    const error = query.error as { errorCode?: string; errorMessage?: string };

    return {
      state: 'error',
      errorCode: error.errorCode ?? 'NETWORK',
      errorMessage: error.errorMessage ?? String(query.error),
      retry,
      retrying,
    };
  }
  if (query.data.status === 'error' && query.data.error) {
    return { state: 'error', ...query.data.error, retry, retrying };
  }

  return { state: 'ready' };
}

/**
 * Provides the active connection (`useConnection`, `useWriteAccess`) from the
 * Flowdeck server's check of the connection in the URL, and its status.
 */
export function ConnectionProvider({ children }: { children: ReactNode }) {
  const { id } = getActiveConnection();
  const query = useQuery(connectionQuery(id));
  const isLocal = id === localConnectionId;

  const info = useMemo<ConnectionInfo>(() => {
    if (query.data) return toInfo(query.data);

    return isLocal ? localConnection : { ...localConnection, id, name: id, kind: 'remote' };
  }, [query.data, isLocal, id]);
  const status = toStatus(query, isLocal);

  return (
    <ConnectionContext.Provider value={info}>
      <ConnectionStatusContext.Provider value={status}>{children}</ConnectionStatusContext.Provider>
    </ConnectionContext.Provider>
  );
}
