import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Discord's REST API (https://discord.com/api/v10). It records every call,
 * answers the routes the bot uses with plausible bodies, and can be told to fail the next calls on
 * a route the way Discord does: 429 with `retry_after` and rate-limit headers, or a JSON error such
 * as 10003 Unknown Channel or 50001 Missing Access. Point DISCORD_API_URL at `api` (…/api).
 * `POST /users/@me/channels` opens (or finds) the bot's DM channel with a user: `dmChannelOf`.
 * `GET /users/@me/guilds` lists the guilds set with `setGuilds` (none by default), paged as Discord
 * does: in id order, `after` an id, at most `limit` (1-200, default 200).
 */
export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/C1/messages`. */
  path: string;
  /** The query string, without `?` (`limit=200&after=…`). */
  query?: string;
  headers: Record<string, string>;
  body: unknown;
  at: number;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow API). */
  delayMs?: number;
}

/** A route matcher: METHOD plus a path pattern where `:name` matches one segment. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

type Responder = (call: RecordedCall, params: Record<string, string>, query: URLSearchParams) => FakeResponse;

export interface FakeDiscordApi {
  /** Base URL to use as DISCORD_API_URL (ends in /api, as discord.com's does). */
  api: string;
  calls: RecordedCall[];
  /** The DM channel id `POST /users/@me/channels` gave (or will give) for a user. */
  dmChannelOf(userId: string): string | undefined;
  /** The guilds the bot is in, as `GET /users/@me/guilds` lists them. */
  setGuilds(ids: string[]): void;
  /** Calls matching a route key, e.g. `POST /channels/:channel/messages`. */
  callsTo(route: RouteKey): RecordedCall[];
  /** Replace the default answer for a route. */
  on(route: RouteKey, responder: Responder): void;
  /** Answer the next `times` calls on a route with this response, then go back to normal. */
  failNext(route: RouteKey, response: FakeResponse, times?: number): void;
  /** Wait until at least `count` calls match the route (for follow-ups sent after a deferral). */
  waitForCalls(route: RouteKey, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  reset(): void;
  close(): Promise<void>;
}

/** A 429 as Discord sends it: JSON `retry_after` in seconds, Retry-After and X-RateLimit headers. */
export function rateLimited(
  retryAfterS: number,
  options: { global?: boolean; bucket?: string } = {},
): FakeResponse {
  return {
    status: 429,
    body: {
      message: 'You are being rate limited.',
      retry_after: retryAfterS,
      global: options.global ?? false,
    },
    headers: {
      'retry-after': String(Math.ceil(retryAfterS)),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfterS),
      'x-ratelimit-bucket': options.bucket ?? 'fake-bucket',
      'x-ratelimit-scope': options.global ? 'global' : 'user',
      ...(options.global ? { 'x-ratelimit-global': 'true' } : {}),
    },
  };
}

/** Discord's JSON error bodies for the failures the bot must explain to people. */
export const DISCORD_ERRORS = {
  unknownChannel: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
  unknownMessage: { status: 404, body: { message: 'Unknown Message', code: 10008 } },
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
  missingPermissions: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
  unauthorized: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
} satisfies Record<string, FakeResponse>;

function compile(route: RouteKey): (method: string, path: string) => Record<string, string> | undefined {
  const [m, pattern = ''] = route.split(' ');
  const parts = pattern.split('/');
  return (method, path) => {
    if (method !== m) return undefined;
    const segs = path.split('/');
    if (segs.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      const s = segs[i]!;
      if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(s);
      else if (p !== s) return undefined;
    }
    return params;
  };
}

let snowflake = 1_300_000_000_000_000_000n;
function nextId(): string {
  snowflake += 1n;
  return snowflake.toString();
}

function message(params: Record<string, string>, body: unknown, id = nextId()): FakeResponse {
  return {
    status: 200,
    body: {
      id,
      channel_id: params.channel ?? 'webhook',
      type: 0,
      author: { id: 'bot', bot: true },
      ...(body as object),
    },
  };
}

/** The bot's DM channel with each user: the same id every time, as Discord answers. */
const dmChannels = new Map<string, string>();

// What Discord answers on success for the routes the bot and the CLI use.
const DEFAULTS: [RouteKey, Responder][] = [
  [
    'POST /users/@me/channels',
    (c) => {
      const recipient = String((c.body as { recipient_id?: unknown } | undefined)?.recipient_id ?? '');
      if (!recipient) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
      const id = dmChannels.get(recipient) ?? nextId();
      dmChannels.set(recipient, id);
      return { status: 200, body: { id, type: 1, recipients: [{ id: recipient }] } };
    },
  ],
  ['POST /channels/:channel/messages', (c, p) => message(p, c.body)],
  ['PATCH /channels/:channel/messages/:message', (c, p) => message(p, c.body, p.message)],
  ['POST /interactions/:id/:token/callback', () => ({ status: 204 })],
  ['PATCH /webhooks/:app/:token/messages/:message', (c, p) => message(p, c.body, p.message)],
  ['POST /webhooks/:app/:token', (c, p) => message(p, c.body)],
  [
    'PUT /applications/:app/commands',
    (c, p) => ({
      status: 200,
      body: (c.body as object[]).map((cmd) => ({
        id: nextId(),
        application_id: p.app,
        version: '1',
        ...cmd,
      })),
    }),
  ],
  [
    'PUT /applications/:app/guilds/:guild/commands',
    (c, p) => ({
      status: 200,
      body: (c.body as object[]).map((cmd) => ({
        id: nextId(),
        application_id: p.app,
        guild_id: p.guild,
        ...cmd,
      })),
    }),
  ],
];

export async function startFakeDiscordApi(): Promise<FakeDiscordApi> {
  const calls: RecordedCall[] = [];
  let guilds: string[] = [];
  const listGuilds: Responder = (_c, _p, query) => {
    const limit = Number(query.get('limit') ?? 200);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
    const after = BigInt(query.get('after') ?? '0');
    const page = guilds
      .map((id) => BigInt(id))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .filter((id) => id > after)
      .slice(0, limit)
      .map((id) => ({ id: id.toString(), name: `guild ${id}`, owner: false, permissions: '0' }));
    return { status: 200, body: page };
  };
  let overrides: { match: ReturnType<typeof compile>; responder: Responder }[] = [];
  let failures: { match: ReturnType<typeof compile>; response: FakeResponse; left: number }[] = [];
  const defaults = [...DEFAULTS, ['GET /users/@me/guilds', listGuilds] as [RouteKey, Responder]].map(
    ([route, responder]) => ({ match: compile(route), responder }),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    // discord.com serves /api/v10/...; accept the prefix with or without a version.
    const path = url.pathname.replace(/^\/api/, '').replace(/^\/v\d+/, '');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // Not JSON (e.g. multipart); keep the raw text so a test can still look at it.
    }
    const method = req.method ?? 'GET';
    const call: RecordedCall = {
      method,
      path,
      query: url.search.replace(/^\?/, ''),
      headers,
      body,
      at: Date.now(),
    };
    calls.push(call);

    let response: FakeResponse | undefined;
    const failure = failures.find((f) => f.left > 0 && f.match(method, path));
    if (failure) {
      failure.left -= 1;
      response = failure.response;
    } else {
      for (const r of [...overrides, ...defaults]) {
        const params = r.match(method, path);
        if (params) {
          response = r.responder(call, params, url.searchParams);
          break;
        }
      }
    }
    response ??= { status: 404, body: { message: '404: Not Found', code: 0 } };
    if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
    const out = response.body === undefined ? '' : JSON.stringify(response.body);
    res
      .writeHead(response.status, {
        ...(out ? { 'content-type': 'application/json' } : {}),
        ...response.headers,
      })
      .end(out);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  const callsTo = (route: RouteKey) => {
    const match = compile(route);
    return calls.filter((c) => match(c.method, c.path));
  };
  return {
    api: `http://127.0.0.1:${port}/api`,
    calls,
    callsTo,
    dmChannelOf: (userId) => dmChannels.get(userId),
    setGuilds(ids) {
      guilds = [...ids];
    },
    on(route, responder) {
      overrides.unshift({ match: compile(route), responder });
    },
    failNext(route, response, times = 1) {
      failures.push({ match: compile(route), response, left: times });
    },
    async waitForCalls(route, count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (callsTo(route).length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} calls to ${route}, saw ${callsTo(route).length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return callsTo(route);
    },
    reset() {
      calls.length = 0;
      overrides = [];
      failures = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
