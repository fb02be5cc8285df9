import type { Logger } from 'pino';

import type { RemoteConnectionProfile } from './config';
import { StackError, stackErrorCodes, toTransportError } from './stack-errors';
import { TokenProvider, type AccessToken } from './token-provider';

export const writeScope = 'orchestration:write';

export type UpstreamRequest = {
  method: string;
  /** Path below `/api/orchestration`, starting with `/`, e.g. `/v2/workflows`. */
  path: string;
  /** Raw query string without `?`, forwarded as is. */
  search: string;
  contentType?: string;
  body?: Buffer;
};

export type UpstreamResponse = { status: number; contentType: string | undefined; body: Buffer };

/** Result of a connection check: the API version and token scope, or the error. */
export type ConnectionState =
  | { status: 'ready'; apiVersion: 'v1' | 'v2'; tokenReadOnly: boolean }
  | { status: 'error'; errorCode: string; errorMessage: string };

/**
 * One remote Formance stack: forwards Orchestration API calls to
 * `<baseUrl>/api/orchestration` with a cached bearer token, retrying once with
 * a new token when the stack returns 401, and detects the API version.
 */
export class RemoteConnection {
  private readonly tokens: TokenProvider | undefined;
  private detected: Promise<ConnectionState> | undefined;
  private lastScopes: string[] | undefined;

  constructor(
    readonly profile: RemoteConnectionProfile,
    private readonly logger: Logger,
  ) {
    this.tokens = profile.credentials
      ? new TokenProvider(profile.credentials, { timeoutMs: profile.timeoutMs })
      : undefined;
  }

  /** True when the last token's scopes are known and lack `orchestration:write`. */
  get tokenReadOnly(): boolean {
    return this.lastScopes !== undefined && !this.lastScopes.includes(writeScope);
  }

  /**
   * Sends one request to the stack. A 401 drops the cached token and the
   * request is sent once more with a new token; a second 401 becomes
   * `STACK_TOKEN_REJECTED`.
   *
   * @throws StackError when the stack or its token endpoint cannot be used.
   */
  async forward(request: UpstreamRequest): Promise<UpstreamResponse> {
    const first = await this.sendWithToken(request);
    if (first.response.status !== 401 || first.token === undefined) return first.response;

    this.logger.info(
      { connection: this.profile.id, path: request.path },
      'stack returned 401, retrying once with a new token',
    );
    this.tokens?.invalidate(first.token);
    const second = await this.sendWithToken(request);
    if (second.response.status !== 401) return second.response;

    this.tokens?.invalidate(second.token);
    throw new StackError(
      401,
      stackErrorCodes.tokenRejected,
      `${this.profile.name} rejected a newly issued access token (HTTP 401). The token may ` +
        'have expired at once (compare the clocks of both hosts) or lack the scopes ' +
        'orchestration:read and orchestration:write.',
    );
  }

  private async sendWithToken(
    request: UpstreamRequest,
  ): Promise<{ response: UpstreamResponse; token: AccessToken | undefined }> {
    const token = await this.tokens?.getToken();
    if (token !== undefined) this.lastScopes = token.scopes;
    const response = await this.send(request, token?.value);

    return { response, token };
  }

  private async send(
    request: UpstreamRequest,
    token: string | undefined,
  ): Promise<UpstreamResponse> {
    const url = `${this.profile.baseUrl}/api/orchestration${request.path}${
      request.search ? `?${request.search}` : ''
    }`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    if (request.contentType !== undefined) headers['Content-Type'] = request.contentType;

    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body:
          request.body === undefined || request.body.length === 0
            ? undefined
            : new Uint8Array(request.body),
        signal: AbortSignal.timeout(this.profile.timeoutMs),
        // A redirect would carry the bearer token to another address.
        redirect: 'manual',
      });
      const body = Buffer.from(await response.arrayBuffer());

      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        body,
      };
    } catch (error) {
      throw toTransportError(error, `${this.profile.name} (${this.profile.baseUrl})`);
    }
  }

  /**
   * Detects the API version once and caches the result; `refresh` probes again.
   * The real service has no `/v2/_info`, so the probe lists one v2 workflow:
   * 200 means v2, 404 means a v1-only stack.
   */
  detect(refresh = false): Promise<ConnectionState> {
    if (refresh || this.detected === undefined) {
      const detection = this.probe().then((state) => {
        // A failed check is not kept, so that the next request tries again.
        if (state.status === 'error' && this.detected === detection) this.detected = undefined;

        return state;
      });
      this.detected = detection;
    }

    return this.detected;
  }

  private async probe(): Promise<ConnectionState> {
    try {
      const response = await this.forward({
        method: 'GET',
        path: '/v2/workflows',
        search: 'pageSize=1',
      });
      if (response.status === 200 || response.status === 404) {
        const detected = response.status === 200 ? 'v2' : 'v1';
        const apiVersion = this.profile.apiVersion ?? detected;

        return { status: 'ready', apiVersion, tokenReadOnly: this.tokenReadOnly };
      }

      return {
        status: 'error',
        errorCode: `HTTP_${response.status}`,
        errorMessage: `${this.profile.name} returned HTTP ${response.status} for GET /api/orchestration/v2/workflows.`,
      };
    } catch (error) {
      if (error instanceof StackError) {
        this.logger.warn(
          { connection: this.profile.id, errorCode: error.errorCode, err: error.cause },
          'connection check failed',
        );

        return { status: 'error', errorCode: error.errorCode, errorMessage: error.message };
      }
      throw error;
    }
  }
}
