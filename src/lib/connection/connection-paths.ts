/** Paths of the Flowdeck server's connection endpoints, apart from their zod schemas. */
export const connectionsPath = '/api/flowdeck/connections';

/** Path prefix of the Orchestration API of one connection, relative to the console's origin. */
export function connectionApiPrefix(connectionId: string): string {
  return `${connectionsPath}/${encodeURIComponent(connectionId)}/orchestration`;
}
