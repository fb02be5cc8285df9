/**
 * The connection a browser tab works with, read once from the URL when the
 * console starts. Pages of a remote connection live under `/c/<id>/…`; paths
 * without that prefix belong to the embedded server (`local`). Switching
 * connection loads the other prefix as a new page, so each tab keeps its
 * connection and two tabs can watch two stacks.
 */
export const localConnectionId = 'local';

const connectionPrefix = /^\/c\/([^/]+)(?=\/|$)/;

export type ActiveConnection = {
  id: string;
  /** Router basename: `/c/<id>` for a prefixed URL, `''` otherwise. */
  basename: string;
};

/** Reads the connection id and router basename from a URL path. */
export function connectionFromPath(pathname: string): ActiveConnection {
  const match = connectionPrefix.exec(pathname);
  if (!match?.[1]) return { id: localConnectionId, basename: '' };

  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    id = match[1];
  }

  return { id, basename: match[0] };
}

/** Returns the URL of an in-app path on a connection: `/c/<id>/<path>`, or the bare path for `local`. */
export function connectionHref(connectionId: string, path: string): string {
  if (connectionId === localConnectionId) return path;

  return `/c/${encodeURIComponent(connectionId)}${path === '/' ? '' : path}`;
}

let active: ActiveConnection = { id: localConnectionId, basename: '' };

/** Sets the tab's connection; `main.tsx` calls it once with `window.location.pathname`. */
export function setActiveConnection(connection: ActiveConnection): void {
  active = connection;
}

export function getActiveConnection(): ActiveConnection {
  return active;
}
