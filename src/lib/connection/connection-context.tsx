/**
 * The connection the console talks to: the embedded local server or a remote
 * Formance stack reached through the Flowdeck server. Pages read it to pick
 * the API version and to disable mutating controls on read-only connections.
 */
import { createContext, useContext } from 'react';

import type { ApiVersion } from '@/lib/query-keys';

export type ConnectionInfo = {
  /** Stable id from the Flowdeck server's profiles; `local` is the embedded server. */
  id: string;
  /** Label shown in the header switcher. */
  name: string;
  kind: 'local' | 'remote';
  /** API version the stack serves. v1 stacks have no cursors and no testTrigger. */
  apiVersion: ApiVersion;
  /** Set when mutations are refused on this connection. */
  readOnly: boolean;
  /** Reason the connection is read-only, shown next to disabled controls. */
  readOnlyReason?: string;
};

export const localConnection: ConnectionInfo = {
  id: 'local',
  name: 'Local server',
  kind: 'local',
  apiVersion: 'v2',
  readOnly: false,
};

export const ConnectionContext = createContext<ConnectionInfo>(localConnection);

export function useConnection(): ConnectionInfo {
  return useContext(ConnectionContext);
}

export type WriteAccess = { allowed: true } | { allowed: false; reason: string };

/**
 * Returns whether mutating controls (run, cancel, send event, delete, save,
 * create) may be used. Disable the control and show `reason` when not allowed.
 */
export function useWriteAccess(): WriteAccess {
  const connection = useConnection();

  if (!connection.readOnly) return { allowed: true };

  return {
    allowed: false,
    reason: connection.readOnlyReason ?? `${connection.name} is read-only.`,
  };
}
