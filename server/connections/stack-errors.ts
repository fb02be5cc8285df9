/**
 * Errors the Flowdeck server reports for a connection, in the API's own
 * format `{errorCode, errorMessage}`. The codes lie outside the Orchestration
 * API's enum so that the console can explain each case.
 */
export const stackErrorCodes = {
  /** No connection with the requested id is configured. */
  connectionNotFound: 'CONNECTION_NOT_FOUND',
  /** The stack or its token endpoint refused the TCP connection, or DNS failed. */
  unreachable: 'STACK_UNREACHABLE',
  /** The TLS handshake failed (untrusted, expired or mismatched certificate). */
  tls: 'STACK_TLS_ERROR',
  /** The stack did not respond within the connection's timeout. */
  timeout: 'STACK_TIMEOUT',
  /** The token endpoint rejected the client id or secret. */
  badCredentials: 'STACK_BAD_CREDENTIALS',
  /** The token endpoint returned something other than a bearer token. */
  tokenError: 'STACK_TOKEN_ERROR',
  /** The stack returned 401 for a freshly issued token. */
  tokenRejected: 'STACK_TOKEN_REJECTED',
  /** A mutation on a read-only connection. */
  readOnly: 'READ_ONLY',
  /** A mutation sent from another site's page. */
  crossOrigin: 'CROSS_ORIGIN_REJECTED',
} as const;

export type StackErrorCode = (typeof stackErrorCodes)[keyof typeof stackErrorCodes];

export class StackError extends Error {
  override readonly name = 'StackError';

  constructor(
    readonly statusCode: number,
    readonly errorCode: StackErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toBody(): { errorCode: string; errorMessage: string } {
    return { errorCode: this.errorCode, errorMessage: this.message };
  }
}

const tlsErrorCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

const timeoutErrorCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'ETIMEDOUT',
]);

/** Returns the first `code` found along an error's `cause` chain (undici wraps socket errors). */
function errorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }

  return undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * Converts a failed `fetch` to the stack or its token endpoint into a
 * `StackError`: TLS failures, timeouts, and anything else as unreachable.
 */
export function toTransportError(error: unknown, target: string): StackError {
  const code = errorCodeOf(error);
  if (code !== undefined && tlsErrorCodes.has(code)) {
    return new StackError(
      502,
      stackErrorCodes.tls,
      `The TLS connection to ${target} failed (${code}). Check the certificate of the stack, ` +
        'or set NODE_EXTRA_CA_CERTS to a file with its certificate authority.',
      { cause: error },
    );
  }
  if (isTimeout(error) || (code !== undefined && timeoutErrorCodes.has(code))) {
    return new StackError(
      504,
      stackErrorCodes.timeout,
      `${target} did not respond in time. Check that the stack is running.`,
      { cause: error },
    );
  }

  const detail = code ?? (error instanceof Error ? error.message : String(error));

  return new StackError(
    502,
    stackErrorCodes.unreachable,
    `Cannot reach ${target} (${detail}). Check the base URL and that the stack is running.`,
    { cause: error },
  );
}
