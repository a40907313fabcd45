import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { HttpHandler, Route } from './server.ts';

/**
 * The playground and the local daily trigger act as pretend people, so only this machine may use
 * them: the Host must be a loopback name (a DNS-rebinding page arrives with its own host name), a
 * browser's Origin must be loopback too, and the page's POSTs must be JSON, which a cross-site
 * form or `text/plain` fetch cannot send without a CORS preflight this server never grants.
 * The Slack and Discord endpoints are not wrapped: a tunnel brings them requests with other hosts.
 */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK.test(host.trim());
}

function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true; // not a browser (the CLI, the bot's own API calls)
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.host);
  } catch {
    return false;
  }
}

function refuse(why: string): APIGatewayProxyResultV2 {
  return {
    statusCode: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: `Only this machine may use this page: ${why}.` }),
  };
}

export function localOnly(handler: HttpHandler, options: { json?: boolean } = {}): HttpHandler {
  return async (event: APIGatewayProxyEventV2) => {
    const headers = event.headers ?? {};
    if (!isLoopbackHost(headers.host)) return refuse('open it as http://localhost');
    if (!isLoopbackOrigin(headers.origin)) return refuse('the request came from another site');
    const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (options.json && type !== 'application/json') return refuse('send JSON');
    return handler(event);
  };
}

/** Wraps every route: the browser-facing POSTs (`jsonPaths`) must also be JSON. */
export function localOnlyRoutes(routes: Route[], jsonPaths: readonly string[] = []): Route[] {
  return routes.map((r) => ({
    ...r,
    handler: localOnly(r.handler, { json: r.method === 'POST' && jsonPaths.includes(r.path) }),
  }));
}
