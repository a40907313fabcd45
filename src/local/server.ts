import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { StudyBotError } from '../errors.ts';
import { log } from '../log.ts';

export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Match every path under `path` (the playground's stand-ins for the Slack and Discord APIs). */
  prefix?: boolean;
  handler: HttpHandler;
}

const MAX_BODY = 1024 * 1024;

/** Turns a Node request into the API Gateway HTTP API (v2) event the Lambda handlers receive. */
async function toEvent(req: IncomingMessage, url: URL): Promise<APIGatewayProxyEventV2 | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `${req.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `local-${now}`,
      routeKey: `${req.method} ${url.pathname}`,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
  };
}

function send(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(result);
    return;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  const body = result.body ?? '';
  res
    .writeHead(result.statusCode ?? 200, headers)
    .end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/** Another program (perhaps another StudyBot) listens on the port. */
export class PortInUseError extends StudyBotError {
  constructor(
    readonly port: number,
    readonly host: string,
    options?: { cause?: unknown },
  ) {
    super(
      'port_in_use',
      `${host}:${port} is already in use`,
      `Port ${port} is already in use by another program; stop it, or set PORT to a free port.`,
      options,
    );
  }
}

/** The local server: the same Lambda handlers, hosted by node:http. */
export async function startHttpServer(
  routes: Route[],
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string }> {
  const table = new Map(routes.filter((r) => !r.prefix).map((r) => [`${r.method} ${r.path}`, r.handler]));
  const prefixed = routes.filter((r) => r.prefix);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler =
      table.get(`${req.method} ${url.pathname}`) ??
      prefixed.find((r) => r.method === req.method && url.pathname.startsWith(r.path))?.handler;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      // Refused by its declared length before any of it is read, or once it grows past the cap;
      // either way the connection closes, so the unread rest is never parsed as the next request
      // (behind a tunnel that reuses connections, the next request waited 6 s).
      const declared = Number(req.headers['content-length'] ?? 0);
      const event = declared > MAX_BODY ? undefined : await toEvent(req, url);
      if (!event) {
        res.shouldKeepAlive = false;
        // Held now: once the response finishes, the socket is detached from the request.
        const socket = req.socket;
        res
          .writeHead(413, { 'content-type': 'text/plain', connection: 'close' })
          .end('request too large: at most 1 MiB', () => socket?.destroy());
        return;
      }
      send(res, await handler(event));
    } catch (err) {
      log.error('local request failed', { err, path: url.pathname });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, host, { cause: err }) : err),
    );
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${actual}` };
}
