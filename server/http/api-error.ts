import type { ErrorBody, ErrorCode } from '@/lib/orchestration/schemas';

/** An error sent in the API's own format: `{errorCode, errorMessage}` with an HTTP status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly errorCode: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { errorCode: this.errorCode, errorMessage: this.message };
  }
}

export function validationError(message: string): ApiError {
  return new ApiError(400, 'VALIDATION', message);
}

export function notFoundError(message: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', message);
}

export function internalError(message: string): ApiError {
  return new ApiError(500, 'INTERNAL', message);
}
