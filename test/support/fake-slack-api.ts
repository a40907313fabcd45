import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Slack Web API (https://slack.com/api/<method>) and for interaction
 * response_urls (POST <url>/response/<anything>). It records every call with its decoded
 * arguments and answers like Slack does; tests can make a method answer 429 with Retry-After or
 * an error such as channel_not_found.
 *
 *   const slack = await startFakeSlackApi({ token: 'xoxb-test' });
 *   config SLACK_API_URL = slack.apiUrl
 *   slack.fail('chat.postMessage', { error: 'channel_not_found' });
 *   slack.calls('chat.postMessage')  // [{ method, args, headers, at }]
 */
export interface SlackCall {
  method: string;
  /** Form fields or JSON body; fields that hold JSON (blocks, view) are parsed. */
  args: Record<string, unknown>;
  headers: Record<string, string>;
  /** The path after /response/ for response_url calls. */
  path: string;
  at: number;
}

export type Failure =
  | { status: 429; retryAfter?: number }
  | { error: string; status?: number }
  | { status: number; body: string };

export interface FakeSlackApi {
  /** SLACK_API_URL for the code under test (ends in /api/). */
  apiUrl: string;
  /** A response_url that records into the same log; `id` tells several apart. */
  responseUrl(id?: string): string;
  /** Every call, or those of one method ('response_url' for response_url posts). */
  calls(method?: string): SlackCall[];
  /** The next `times` calls of `method` fail like this (queued in order). */
  fail(method: string, failure: Failure, times?: number): void;
  /** Decides per call whether `method` fails (e.g. at random from a seeded PRNG); after `fail`'s queue. */
  failWhen(method: string, decide: (call: SlackCall) => Failure | undefined): void;
  /** Overrides the success answer of a method (merged with `ok: true`). */
  respondWith(method: string, answer: (call: SlackCall) => Record<string, unknown>): void;
  /** Sets what users.info says about a user (merged over the defaults, `profile` included). */
  setUser(id: string, fields: Record<string, unknown>): void;
  /**
   * Sets the names users.info gives a user: `profile.display_name` and `profile.real_name` (Slack
   * sends "" for a display name never set) and `name`, the lower-case handle.
   */
  setProfile(id: string, names: { displayName?: string; realName?: string; handle?: string }): void;
  reset(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function decode(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    args[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  }
  return args;
}

export async function startFakeSlackApi(options: { token?: string } = {}): Promise<FakeSlackApi> {
  let log: SlackCall[] = [];
  let failures = new Map<string, Failure[]>();
  let answers = new Map<string, (call: SlackCall) => Record<string, unknown>>();
  let users = new Map<string, Record<string, unknown>>();
  let deciders = new Map<string, (call: SlackCall) => Failure | undefined>();
  let ts = 1_700_000_000;

  const defaults: Record<string, (call: SlackCall) => Record<string, unknown>> = {
    'chat.postMessage': (c) => ({
      channel: c.args.channel,
      ts: `${ts++}.000100`,
      message: { text: c.args.text },
    }),
    'chat.update': (c) => ({ channel: c.args.channel, ts: c.args.ts, text: c.args.text }),
    'chat.postEphemeral': () => ({ message_ts: `${ts++}.000200` }),
    'chat.delete': (c) => ({ channel: c.args.channel, ts: c.args.ts }),
    'views.publish': (c) => ({ view: { id: 'V0001', ...(c.args.view as object) } }),
    'views.open': (c) => ({ view: { id: 'V0002', ...(c.args.view as object) } }),
    // As Slack answers: the handle in `name`, the names people see in `profile` ("" when unset).
    'users.info': (c) => {
      const id = String(c.args.user);
      const fields = users.get(id) ?? {};
      const profile = { display_name: '', real_name: '', ...(fields.profile as object | undefined) };
      return { user: { id, is_admin: false, is_owner: false, ...fields, profile } };
    },
    'auth.test': () => ({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001' }),
    'conversations.join': (c) => ({ channel: { id: c.args.channel } }),
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    const isResponseUrl = url.pathname.startsWith('/response/');
    const method = isResponseUrl ? 'response_url' : url.pathname.replace(/^\/api\//, '');
    let args: Record<string, unknown>;
    try {
      args = decode(raw, headers['content-type'] ?? '');
    } catch {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: 'invalid_json' }));
      return;
    }
    const call: SlackCall = {
      method,
      args,
      headers,
      path: isResponseUrl ? url.pathname.slice('/response/'.length) : '',
      at: Date.now(),
    };
    log.push(call);

    const failure = failures.get(method)?.shift() ?? deciders.get(method)?.(call);
    if (failure) {
      if ('body' in failure) {
        res.writeHead(failure.status, { 'content-type': 'text/plain' }).end(failure.body);
      } else if ('error' in failure) {
        res
          .writeHead(failure.status ?? 200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: failure.error }));
      } else {
        res
          .writeHead(429, {
            'content-type': 'application/json',
            'retry-after': String(failure.retryAfter ?? 1),
          })
          .end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      return;
    }
    if (isResponseUrl) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (options.token && headers.authorization !== `Bearer ${options.token}`) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: 'invalid_auth' }));
      return;
    }
    const answer = answers.get(method) ?? defaults[method];
    const body = answer ? { ok: true, ...answer(call) } : { ok: false, error: 'unknown_method' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id = 'r1') => `${base}/response/${id}`,
    calls: (method) => (method ? log.filter((c) => c.method === method) : [...log]),
    fail(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    failWhen(method, decide) {
      deciders.set(method, decide);
    },
    respondWith(method, answer) {
      answers.set(method, answer);
    },
    setUser(id, fields) {
      users.set(id, fields);
    },
    setProfile(id, names) {
      const fields = users.get(id) ?? {};
      users.set(id, {
        ...fields,
        ...(names.handle ? { name: names.handle } : {}),
        ...(names.realName ? { real_name: names.realName } : {}),
        profile: {
          ...(fields.profile as object | undefined),
          display_name: names.displayName ?? '',
          real_name: names.realName ?? '',
        },
      });
    },
    reset() {
      log = [];
      failures = new Map();
      answers = new Map();
      users = new Map();
      deciders = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
