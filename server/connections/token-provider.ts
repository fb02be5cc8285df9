import { z } from 'zod';

import { StackError, stackErrorCodes, toTransportError } from './stack-errors';

/** A token is renewed when fewer than this many ms remain, like the Formance SDK (60 s). */
export const tokenRefreshMarginMs = 60_000;

export type TokenCredentials = { clientId: string; clientSecret: string; tokenUrl: string };

export type AccessToken = {
  value: string;
  /** Epoch ms after which the token is renewed; `undefined` when the response had no `expires_in`. */
  refreshAt: number | undefined;
  /** Scopes granted, from the response's `scope` or the JWT's `scope`/`scp` claim; `undefined` when unknown. */
  scopes: string[] | undefined;
};

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', 'must be "Bearer"'),
  expires_in: z.coerce.number().nonnegative().optional(),
  scope: z.string().optional(),
});

const jwtClaimsSchema = z.object({
  scope: z.union([z.string(), z.array(z.string())]).optional(),
  scp: z.union([z.string(), z.array(z.string())]).optional(),
});

function splitScopes(value: string | string[]): string[] {
  return Array.isArray(value) ? value : value.split(' ').filter((scope) => scope !== '');
}

/** Reads the scopes of a JWT access token without verifying it; `undefined` for other tokens. */
export function scopesFromJwt(token: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;

  try {
    const claims = jwtClaimsSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    if (!claims.success) return undefined;
    const scopes = claims.data.scope ?? claims.data.scp;

    return scopes === undefined ? undefined : splitScopes(scopes);
  } catch {
    return undefined;
  }
}

/** Reads `error` and `error_description` of an OAuth2 error body, for the message. */
function describeTokenError(text: string): string {
  try {
    const body = z
      .object({ error: z.string().optional(), error_description: z.string().optional() })
      .parse(JSON.parse(text));
    const parts = [body.error, body.error_description].filter((part) => part !== undefined);

    return parts.length > 0 ? `: ${parts.join(' - ').slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

/**
 * Obtains OAuth2 client-credentials tokens for one stack and caches them.
 * Concurrent callers share one token request. The token is renewed when less
 * than `tokenRefreshMarginMs` remains, on every call when the endpoint gave
 * no `expires_in`, and after `invalidate()` (called when the stack returns 401).
 */
export class TokenProvider {
  private cached: AccessToken | undefined;
  private pending: Promise<AccessToken> | undefined;

  constructor(
    private readonly credentials: TokenCredentials,
    private readonly options: { timeoutMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Returns a valid cached token or requests a new one. @throws StackError */
  async getToken(): Promise<AccessToken> {
    const cached = this.cached;
    if (cached?.refreshAt !== undefined && cached.refreshAt > this.now()) return cached;

    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });

    return this.pending;
  }

  /** Drops the cached token, so that the next call requests a new one. */
  invalidate(token?: AccessToken): void {
    if (token === undefined || this.cached === token) this.cached = undefined;
  }

  private async requestToken(): Promise<AccessToken> {
    const { clientId, clientSecret, tokenUrl } = this.credentials;
    const target = `the token endpoint ${tokenUrl}`;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });

    let response: Response;
    let text: string;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      throw toTransportError(error, target);
    }

    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new StackError(
        401,
        stackErrorCodes.badCredentials,
        `${target} rejected client id "${clientId}" (HTTP ${response.status}` +
          `${describeTokenError(text)}). Check the client id and secret of this connection.`,
      );
    }
    if (!response.ok) {
      throw new StackError(
        502,
        stackErrorCodes.tokenError,
        `${target} returned HTTP ${response.status}. Check the token URL of this connection.`,
      );
    }

    return this.store(text, target);
  }

  private store(text: string, target: string): AccessToken {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new StackError(
        502,
        stackErrorCodes.tokenError,
        `${target} did not return a bearer token (expected JSON with access_token and ` +
          'token_type "Bearer"). Check the token URL of this connection.',
      );
    }

    const { access_token: value, expires_in: expiresIn, scope } = parsed.data;
    const token: AccessToken = {
      value,
      refreshAt:
        expiresIn === undefined ? undefined : this.now() + expiresIn * 1000 - tokenRefreshMarginMs,
      scopes: scope !== undefined ? splitScopes(scope) : scopesFromJwt(value),
    };
    this.cached = token;

    return token;
  }
}
