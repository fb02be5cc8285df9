/**
 * The console's one HTTP client for the Formance Orchestration API.
 *
 * `apiRequest` prefixes paths with `apiPrefix`: `/api/orchestration` (the
 * gateway form the Formance SDK uses) for the embedded server, or the Flowdeck
 * server's proxy path of a remote connection. It sends JSON or YAML, validates success bodies with a zod
 * schema and turns every failure into an `ApiError`. Aborted requests reject
 * with the original `AbortError`.
 *
 * This module does not import zod at runtime, because the layout and the
 * workflow list use it on the first page, which loads without zod.
 */
import { ApiError, clientErrorCodes, isAbortError } from '@/lib/errors';
import type { ErrorBody } from '@/lib/orchestration/schemas';
import type { ApiVersion } from '@/lib/query-keys';

export const apiPathPrefix = '/api/orchestration';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type QueryValue = string | number | boolean | null | undefined;

/** One problem found in a response body: where it is and what is wrong. */
export type ResponseIssue = { path: ReadonlyArray<PropertyKey>; message: string };

/**
 * The part of a zod schema that `apiRequest` uses. Zod schemas match it, and so do the
 * hand-written checks of the small bodies that the first page reads.
 */
export type ResponseSchema<T> = {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<ResponseIssue> } };
};

/** Checks the API's error body, `{ errorCode, errorMessage }`, without zod. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;

  const body = value as Record<string, unknown>;

  return typeof body.errorCode === 'string' && typeof body.errorMessage === 'string';
}

export type ApiRequestOptions<T> = {
  /** @default 'GET' */
  method?: HttpMethod;
  /** Query parameters; `null` and `undefined` values are left out. */
  query?: Record<string, QueryValue>;
  /** JSON value, or the YAML text when `bodyType` is `'yaml'`. */
  body?: unknown;
  /** `'yaml'` sends `body` as text with `Content-Type: text/vnd.yaml`. @default 'json' */
  bodyType?: 'json' | 'yaml';
  /** Schema of the success body. Without it the body is ignored and the result is `undefined`. */
  schema?: ResponseSchema<T>;
  /**
   * Path prefix in place of the active connection's orchestration prefix, e.g.
   * `/api/flowdeck` for the Flowdeck server's own routes.
   */
  prefix?: string;
  /** Name used in error messages, e.g. `v2GetInstance`. @default '<METHOD> <path>' */
  operation?: string;
  signal?: AbortSignal;
};

export type ApiClientConfig = {
  /**
   * Origin (and optional path) of the server, e.g. `http://127.0.0.1:8090` or
   * `https://host/proxy`. Empty means the console's own origin.
   */
  baseUrl: string;
  /**
   * Path of the Orchestration API below `baseUrl`, e.g.
   * `/api/flowdeck/connections/prod/orchestration`. Default `/api/orchestration`.
   */
  apiPrefix: string;
  /** Extra headers for every request, e.g. `Authorization`. */
  getHeaders: () => Record<string, string>;
  /** Called once per request rejected with 401 or 403, before the error is thrown. */
  onUnauthorized: (error: ApiError) => void;
};

const defaultConfig: ApiClientConfig = {
  baseUrl: '',
  apiPrefix: apiPathPrefix,
  getHeaders: () => ({}),
  onUnauthorized: () => {},
};

let config: ApiClientConfig = { ...defaultConfig };

export function configureApiClient(changes: Partial<ApiClientConfig>): void {
  config = { ...config, ...changes };
}

export function resetApiClient(): void {
  config = { ...defaultConfig };
}

export function setApiBaseUrl(baseUrl: string): void {
  configureApiClient({ baseUrl });
}

export function getApiBaseUrl(): string {
  return config.baseUrl;
}

/** Builds the absolute URL of an API path such as `/v2/instances`. */
export function buildApiUrl(
  path: string,
  query?: Record<string, QueryValue>,
  prefix: string = config.apiPrefix,
): URL {
  const origin = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
  const base = new URL(config.baseUrl || origin, origin);
  const basePath = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${basePath}${prefix}${path}`, base);

  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) {
      url.searchParams.set(key, String(value));
    }
  }

  return url;
}

/** Encodes one path segment, e.g. an id taken from the URL. */
export function pathSegment(value: string | number): string {
  return encodeURIComponent(String(value));
}

/**
 * Sends one request to the orchestration API and returns the parsed body.
 *
 * @throws ApiError for HTTP errors (`errorCode`/`errorMessage` from the body, or
 *   `HTTP_<status>` when the body is empty or not an API error), unreachable
 *   servers (`NETWORK`) and bodies that fail `schema` (`INVALID_RESPONSE`).
 * @throws the original `AbortError` when `signal` aborts the request.
 */
export async function apiRequest<T = undefined>(
  path: string,
  options: ApiRequestOptions<T> = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const operation = options.operation ?? `${method} ${path}`;
  const url = buildApiUrl(path, options.query, options.prefix);
  const response = await send(url, method, operation, options);
  const text = await readText(response, url, operation, options.signal);

  if (!response.ok) {
    const error = toHttpError(response, text, method, path, operation);
    if (response.status === 401 || response.status === 403) {
      config.onUnauthorized(error);
    }
    throw error;
  }

  if (!options.schema) {
    return undefined as T;
  }

  return parseBody(response, text, options.schema, operation);
}

async function send<T>(
  url: URL,
  method: HttpMethod,
  operation: string,
  options: ApiRequestOptions<T>,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...config.getHeaders() };
  let body: string | undefined;

  if (options.body !== undefined) {
    if (options.bodyType === 'yaml') {
      headers['Content-Type'] = 'text/vnd.yaml';
      body = String(options.body);
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }

  try {
    return await fetch(url, { method, headers, body, signal: options.signal });
  } catch (error) {
    throw toNetworkError(error, url, operation, options.signal);
  }
}

async function readText(
  response: Response,
  url: URL,
  operation: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw toNetworkError(error, url, operation, signal);
  }
}

function toNetworkError(
  error: unknown,
  url: URL,
  operation: string,
  signal: AbortSignal | undefined,
): unknown {
  if (isAbortError(error) || signal?.aborted) {
    return error;
  }

  return new ApiError({
    status: 0,
    errorCode: clientErrorCodes.network,
    errorMessage:
      `Cannot reach the orchestration server at ${url.origin}. ` +
      'Check that it is running and that the connection address is correct.',
    operation,
    cause: error,
  });
}

function toHttpError(
  response: Response,
  text: string,
  method: HttpMethod,
  path: string,
  operation: string,
): ApiError {
  const status = response.status;
  const body = parseJson(text);
  if (isErrorBody(body)) {
    return new ApiError({
      status,
      operation,
      errorCode: body.errorCode,
      errorMessage: body.errorMessage,
    });
  }

  const errorMessage = httpErrorMessage(status, method, path);

  return new ApiError({ status, errorCode: `HTTP_${status}`, errorMessage, operation });
}

/** Message for an error response without an API error body, e.g. the real server's empty 401. */
function httpErrorMessage(status: number, method: HttpMethod, path: string): string {
  switch (status) {
    case 401:
      return 'The server rejected the request as unauthenticated (401). Check the credentials.';
    case 403:
      return `The credentials lack the permission for ${method} ${path} (403).`;
    case 404:
      return `${method} ${path} was not found on the server (404).`;
    default:
      return `The server returned HTTP ${status} for ${method} ${path}.`;
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }

  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseBody<T>(
  response: Response,
  text: string,
  schema: ResponseSchema<T>,
  operation: string,
): T {
  const json = parseJson(text);
  if (json === undefined) {
    const description = text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
    throw invalidResponse(response, operation, `${operation} returned ${description}.`);
  }

  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw invalidResponse(response, operation, `Invalid response from ${operation}: ${issues}.`);
  }

  return result.data;
}

function invalidResponse(response: Response, operation: string, errorMessage: string): ApiError {
  return new ApiError({
    status: response.status,
    errorCode: clientErrorCodes.invalidResponse,
    errorMessage,
    operation,
  });
}

/** Returns the path of a resource in one API version: `/workflows` in v1, `/v2/workflows` in v2. */
export function versionedPath(version: ApiVersion, path: string): string {
  return version === 'v2' ? `/v2${path}` : path;
}
