/**
 * Errors raised by the console's HTTP client. Every failed orchestration call
 * rejects with an `ApiError`, except aborted requests, which keep their
 * `AbortError` so that React Query can ignore them.
 */

/** Error codes the client itself produces, besides the API's own codes. */
export const clientErrorCodes = {
  /** The request never reached the server (refused, DNS, CORS, offline). */
  network: 'NETWORK',
  /** A success response whose body does not match the expected schema. */
  invalidResponse: 'INVALID_RESPONSE',
} as const;

export type ApiErrorOptions = {
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** The API's `errorCode`, or a client code such as `NETWORK` or `HTTP_401`. */
  errorCode: string;
  /** The API's `errorMessage`, or a readable message written by the client. */
  errorMessage: string;
  /** Operation that failed, e.g. `v2GetInstance` or `GET /v2/instances/{id}`. */
  operation?: string;
  cause?: unknown;
};

/** A failed orchestration API call, with the API's error code and message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly operation: string | undefined;

  constructor(options: ApiErrorOptions) {
    super(`${options.errorCode}: ${options.errorMessage}`, { cause: options.cause });
    this.status = options.status;
    this.errorCode = options.errorCode;
    this.errorMessage = options.errorMessage;
    this.operation = options.operation;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

// The real Flows server reports several unknown ids as 500 INTERNAL, with a message
// that mentions "not found" or "no rows" (getInstance returns "Instance not found").
const internalNotFoundPattern = /not found|no rows|does not exist/i;

/**
 * Checks whether an error means that the resource does not exist: HTTP 404,
 * `NOT_FOUND`, or an `INTERNAL` error whose message reports a missing resource.
 */
export function isNotFound(error: unknown): boolean {
  if (!isApiError(error)) {
    return false;
  }

  if (error.status === 404 || error.errorCode === 'NOT_FOUND') {
    return true;
  }

  return error.errorCode === 'INTERNAL' && internalNotFoundPattern.test(error.errorMessage);
}

export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && (error.status === 401 || error.status === 403);
}

/**
 * Checks whether a retry would fail the same way: client errors (4xx),
 * not-found errors and invalid responses.
 */
export function isPermanentError(error: unknown): boolean {
  if (!isApiError(error)) {
    return false;
  }

  if (error.errorCode === clientErrorCodes.invalidResponse || isNotFound(error)) {
    return true;
  }

  return error.status >= 400 && error.status < 500;
}

/** Returns the code and message to show for any error, API or not. */
export function describeError(error: unknown): { code: string; message: string } {
  if (isApiError(error)) {
    return { code: error.errorCode, message: error.errorMessage };
  }

  if (error instanceof Error) {
    return { code: error.name, message: error.message };
  }

  return { code: 'UNKNOWN', message: String(error) };
}
