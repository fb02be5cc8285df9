/**
 * Shapes of the Flowdeck server's `/api/flowdeck/connections` endpoints,
 * shared by the server (which builds them) and the console (which parses them).
 * They carry public fields only, never credentials.
 */
import { z } from 'zod';

// The paths live in a module without zod, which the console's entry chunk imports.
export { connectionApiPrefix, connectionsPath } from './connection-paths';

export const connectionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['local', 'remote']),
  /** Origin and path of a remote stack; absent for the embedded server. */
  baseUrl: z.string().optional(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().optional(),
  /** `unknown` until the server has checked a remote stack. */
  status: z.enum(['ready', 'unknown', 'error']),
  /** Set when `status` is `ready`. */
  apiVersion: z.enum(['v1', 'v2']).optional(),
  /** Set when `status` is `error`. */
  error: z.object({ errorCode: z.string(), errorMessage: z.string() }).optional(),
});
export type ConnectionSummary = z.infer<typeof connectionSummarySchema>;

export const connectionListSchema = z.object({ data: z.array(connectionSummarySchema) });
export const connectionDetailSchema = z.object({ data: connectionSummarySchema });
