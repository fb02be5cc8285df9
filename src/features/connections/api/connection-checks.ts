/**
 * Zod-free checks of the Flowdeck server's connection bodies. The layout
 * checks the active connection on every page, the first one included, so
 * these mirror `connectionSummarySchema` of `@/lib/connection/connection-schemas`
 * without loading zod. connection-checks.test.ts compares both on the same bodies.
 */
import {
  array,
  boolean,
  dataEnvelope,
  object,
  oneOf,
  optional,
  responseSchema,
  string,
} from '@/lib/api-client-checks';
import type { Check } from '@/lib/api-client-checks';
import type { ConnectionSummary } from '@/lib/connection/connection-schemas';

export const connectionSummaryCheck: Check<ConnectionSummary> = object({
  id: string,
  name: string,
  kind: oneOf(['local', 'remote']),
  baseUrl: optional(string),
  readOnly: boolean,
  readOnlyReason: optional(string),
  status: oneOf(['ready', 'unknown', 'error']),
  apiVersion: optional(oneOf(['v1', 'v2'])),
  error: optional(object({ errorCode: string, errorMessage: string })),
});

/** Body of `GET /api/flowdeck/connections`. */
export const connectionListBody = responseSchema(dataEnvelope(array(connectionSummaryCheck)));

/** Body of `GET /api/flowdeck/connections/{id}`. */
export const connectionDetailBody = responseSchema(dataEnvelope(connectionSummaryCheck));
