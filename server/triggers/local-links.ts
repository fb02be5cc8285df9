/**
 * link(obj, rel) for trigger expressions, resolved against this server only.
 *
 * Formance's trigger evaluator reads `obj.links`, picks the one entry named
 * `rel` and makes an HTTP GET to its `uri`, returning the response's `data`.
 * Here the uri must name a resource of this local server: a relative path, or
 * an absolute URL on the server's own origin, under /api/local/ or
 * /api/orchestration/. The resource is read in-process through Fastify's
 * `inject` (a GET, so no side effects), and nothing goes out on the network.
 */
import type { FastifyInstance } from 'fastify';

/** Resolves `link(target, rel)`; rejects with the message shown to the user. */
export type LinkResolver = (target: unknown, rel: string) => Promise<unknown>;

// Path prefixes of the resources that link() may read.
const resourcePrefixes = ['/api/local/', '/api/orchestration/'];
// Base for parsing relative uris; `.invalid` never resolves, and no request is ever sent.
const relativeBase = 'http://relative.invalid';
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

type Link = { name: string; uri: string };

function isLink(value: unknown): value is Link {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { uri?: unknown }).uri === 'string'
  );
}

/** Finds the only link named `rel` on `target`, as Formance does. */
function findLink(target: unknown, rel: string): Link {
  const links =
    typeof target === 'object' && target !== null ? (target as { links?: unknown }).links : [];
  const matches = (Array.isArray(links) ? links : []).filter(
    (link): link is Link => isLink(link) && link.name === rel,
  );
  if (matches.length === 0) throw new Error(`link '${rel}' not defined for object`);
  if (matches.length > 1) throw new Error(`multiple link '${rel}' found for object`);

  return matches[0] as Link;
}

function messageOf(body: unknown): string | undefined {
  const message =
    typeof body === 'object' && body !== null
      ? (body as { errorMessage?: unknown }).errorMessage
      : undefined;

  return typeof message === 'string' ? message : undefined;
}

/**
 * Resolves links against one Fastify app. Create it before the app, then
 * `attach` the app; until then every link() fails.
 */
export class LocalLinkResolver {
  private app?: FastifyInstance;

  attach(app: FastifyInstance): void {
    this.app = app;
  }

  readonly resolve: LinkResolver = async (target, rel) => {
    const link = findLink(target, rel);
    const path = this.localPath(link.uri);
    if (path === undefined) {
      throw new Error(
        `link(): only resources of this local server can be fetched, not ${link.uri}`,
      );
    }
    if (this.app === undefined) throw new Error(`link(): the server is not ready to read ${path}`);

    const response = await this.app.inject({
      method: 'GET',
      url: path,
      headers: { accept: 'application/json' },
    });
    let body: unknown;
    try {
      body = JSON.parse(response.body) as unknown;
    } catch {
      throw new Error(`link(): decoding the response of ${path} failed`);
    }
    if (response.statusCode >= 400) {
      const reason = messageOf(body);
      throw new Error(
        `link(): reading ${path} failed with status ${response.statusCode}` +
          (reason === undefined ? '' : `: ${reason}`),
      );
    }
    if (typeof body !== 'object' || body === null || !('data' in body)) {
      throw new Error(`link(): the response of ${path} has no data`);
    }

    return (body as { data: unknown }).data;
  };

  /**
   * Returns the normalized path (with query) of a uri that names a resource of
   * this server, or undefined for any other uri.
   */
  private localPath(uri: string): string | undefined {
    const relative = uri.startsWith('/') && uri[1] !== '/' && uri[1] !== '\\';
    let url: URL;
    try {
      url = new URL(uri, relativeBase);
    } catch {
      return undefined;
    }
    if (relative ? url.origin !== relativeBase : !this.isOwnOrigin(url)) return undefined;

    // URL parsing has already resolved `.` and `..` segments, also percent-encoded ones.
    const path = url.pathname;
    if (!resourcePrefixes.some((prefix) => path.startsWith(prefix))) return undefined;

    return path + url.search;
  }

  /** True for http URLs on the port this server listens on, with its host or a loopback name. */
  private isOwnOrigin(url: URL): boolean {
    if (url.protocol !== 'http:' || url.username !== '' || url.password !== '') return false;

    const address = this.app?.server.address();
    if (address === null || address === undefined || typeof address === 'string') return false;
    const port = url.port === '' ? '80' : url.port;
    if (port !== String(address.port)) return false;

    const host = url.hostname.toLowerCase();
    const bound = address.address.includes(':') ? `[${address.address}]` : address.address;

    return host === bound || loopbackHosts.has(host);
  }
}
