import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { discordModalProblems, type ModalStore, openedSlackView, slackViewProblems } from './modals.ts';
import { DISCORD_PLACE, personByUserId, SLACK_PLACE } from './people.ts';
import type { PlaygroundPlatform, Timeline } from './timeline.ts';

/**
 * The playground's stand-ins for the Slack Web API, Slack's response_url and Discord's REST API.
 * The bot reaches them over HTTP exactly as it reaches the real ones; each call answers the way
 * the real API does (minimally) and becomes an event in the channel timeline.
 */

/** What an interaction token or response_url was issued for, so a later call knows where it lands. */
export interface Binding {
  platform: PlaygroundPlatform;
  channelId: string;
  userId: string;
  /** The message the click came from, if any (replace_original, UPDATE_MESSAGE). */
  sourceId?: string;
  sourceEphemeral?: boolean;
}

export class Ids {
  private n = 0;
  /** A Slack message ts: seconds, a dot and six digits, unique and increasing. */
  slackTs(now: Date): string {
    return `${Math.floor(now.getTime() / 1000)}.${String(++this.n).padStart(6, '0')}`;
  }
  /** A Discord snowflake-shaped id. */
  snowflake(): string {
    return String(1_300_000_000_000_000_000n + BigInt(++this.n));
  }
  token(): string {
    return `pg${(++this.n).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  }
}

export interface FakeApiDeps {
  timeline: Timeline;
  ids: Ids;
  bindings: Map<string, Binding>;
  /** Open forms, and the trigger ids (Slack) that may open one. */
  modals: ModalStore;
  now: () => Date;
}

function json(statusCode: number, body: unknown): APIGatewayProxyResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Slack Web API arguments arrive form-encoded (objects as JSON strings) or as a JSON body. */
function slackArgs(event: APIGatewayProxyEventV2): Record<string, unknown> {
  const body = event.body ?? '';
  const type = event.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    args[k] = JSON_ARGS.has(k) ? parseOr(v) : v;
  }
  return args;
}

// Arguments Slack documents as JSON-encoded strings when the call is form-encoded.
const JSON_ARGS = new Set(['blocks', 'attachments', 'view', 'metadata']);

function parseOr(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function slackMessage(args: Record<string, unknown>): { text: unknown; blocks: unknown } {
  return { text: args.text ?? '', blocks: args.blocks ?? [] };
}

/** POST /playground/slack/api/<method> */
export function slackApi(deps: FakeApiDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const method = event.rawPath.split('/').pop() ?? '';
    const args = slackArgs(event);
    const channel = String(args.channel ?? '');
    const { timeline, ids } = deps;
    switch (method) {
      case 'chat.postMessage': {
        const ts = ids.slackTs(deps.now());
        timeline.add({
          platform: 'slack',
          channelId: channel,
          kind: 'message',
          messageId: ts,
          via: method,
          body: slackMessage(args),
        });
        return json(200, { ok: true, channel, ts, message: { type: 'message', ts, ...slackMessage(args) } });
      }
      case 'chat.update': {
        const ts = String(args.ts ?? '');
        timeline.add({
          platform: 'slack',
          channelId: channel,
          kind: 'update',
          messageId: ts,
          via: method,
          body: slackMessage(args),
        });
        return json(200, { ok: true, channel, ts, text: args.text ?? '' });
      }
      case 'chat.postEphemeral': {
        const ts = ids.slackTs(deps.now());
        timeline.add({
          platform: 'slack',
          channelId: channel,
          kind: 'message',
          messageId: ts,
          visibleTo: String(args.user ?? ''),
          via: method,
          body: slackMessage(args),
        });
        return json(200, { ok: true, message_ts: ts });
      }
      case 'chat.delete': {
        timeline.add({
          platform: 'slack',
          channelId: channel,
          kind: 'delete',
          messageId: String(args.ts ?? ''),
          via: method,
        });
        return json(200, { ok: true, channel, ts: args.ts });
      }
      case 'users.info': {
        const id = String(args.user ?? '');
        const person = personByUserId(id);
        timeline.add({ platform: 'slack', channelId: '', kind: 'call', via: method, body: args });
        if (!person) return json(200, { ok: false, error: 'user_not_found' });
        return json(200, {
          ok: true,
          user: {
            id,
            name: person.slack.userName,
            real_name: person.name,
            // The name the bot shows on boards: display name, else real name, else the handle.
            profile: { display_name: person.name, real_name: person.name },
            is_admin: person.slack.isAdmin,
            is_owner: false,
          },
        });
      }
      case 'views.open': {
        // A form on the screen of whoever clicked: the trigger id says who, and where.
        const triggerId = String(args.trigger_id ?? '');
        const trigger = deps.modals.useTrigger(triggerId, deps.now());
        const channelId = 'binding' in trigger ? trigger.binding.channelId : '';
        timeline.add({ platform: 'slack', channelId, kind: 'call', via: method, body: args });
        if ('error' in trigger) {
          deps.modals.refuse(triggerId, `views.open: ${trigger.error}`);
          return json(200, { ok: false, error: trigger.error });
        }
        const problems = slackViewProblems(args.view);
        if (problems.length) {
          deps.modals.refuse(triggerId, `views.open: invalid_arguments (${problems.join('; ')})`);
          return json(200, {
            ok: false,
            error: 'invalid_arguments',
            response_metadata: { messages: problems },
          });
        }
        const view = openedSlackView(args.view as Record<string, unknown>, SLACK_PLACE);
        deps.modals.add(
          { id: String(view.id), platform: 'slack', binding: trigger.binding, payload: view },
          triggerId,
        );
        return json(200, { ok: true, view });
      }
      default:
        // views.publish, conversations.*, auth.test…: accepted and shown in the request log.
        timeline.add({ platform: 'slack', channelId: channel, kind: 'call', via: method, body: args });
        return json(200, { ok: true });
    }
  };
}

/** POST /playground/slack/respond/<token>: an interaction's response_url. */
export function slackRespond(deps: FakeApiDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const token = event.rawPath.split('/').pop() ?? '';
    const binding = deps.bindings.get(token);
    if (!binding) return { statusCode: 404, body: 'expired_url' };
    const body = parseOr(event.body ?? '{}') as Record<string, unknown>;
    const base = { platform: 'slack' as const, channelId: binding.channelId, via: 'response_url' };
    if (body.delete_original === true && binding.sourceId) {
      deps.timeline.add({ ...base, kind: 'delete', messageId: binding.sourceId });
    } else if (body.replace_original === true && binding.sourceId) {
      deps.timeline.add({ ...base, kind: 'update', messageId: binding.sourceId, body: slackMessage(body) });
    } else {
      const inChannel = body.response_type === 'in_channel';
      deps.timeline.add({
        ...base,
        kind: 'message',
        messageId: deps.ids.slackTs(deps.now()),
        ...(inChannel ? {} : { visibleTo: binding.userId }),
        body: slackMessage(body),
      });
    }
    return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
  };
}

const EPHEMERAL = 64;

function discordMessage(id: string, channelId: string, body: Record<string, unknown>, applicationId: string) {
  return {
    id,
    channel_id: channelId,
    type: 0,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    flags: body.flags ?? 0,
    author: { id: applicationId, username: 'StudyBot', bot: true },
    timestamp: new Date().toISOString(),
  };
}

/** Any method under /playground/discord/api/v10/. */
export function discordApi(deps: FakeApiDeps, applicationId: string) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const method = event.requestContext.http.method;
    const path = event.rawPath.replace(/^.*\/api\/v\d+/, '');
    const body = (parseOr(event.body || '{}') ?? {}) as Record<string, unknown>;
    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    const { timeline, ids } = deps;
    const via = `${method} ${path
      .replace(/\/\d{5,}/g, '/{id}')
      .replace(/\/interactions\/\{id\}\/[^/]+/, '/interactions/{id}/{token}')
      .replace(/\/webhooks\/\{id\}\/[^/]+/, '/webhooks/{app}/{token}')}`;

    // POST /channels/{c}/messages and PATCH /channels/{c}/messages/{m}
    if (seg[0] === 'channels' && seg[2] === 'messages' && seg[1]) {
      const channelId = seg[1];
      if (method === 'POST' && seg.length === 3) {
        const id = ids.snowflake();
        timeline.add({ platform: 'discord', channelId, kind: 'message', messageId: id, via, body });
        return json(200, discordMessage(id, channelId, body, applicationId));
      }
      if (method === 'PATCH' && seg[3]) {
        timeline.add({ platform: 'discord', channelId, kind: 'update', messageId: seg[3], via, body });
        return json(200, discordMessage(seg[3], channelId, body, applicationId));
      }
      if (method === 'DELETE' && seg[3]) {
        timeline.add({ platform: 'discord', channelId, kind: 'delete', messageId: seg[3], via });
        return { statusCode: 204, body: '' };
      }
    }

    // POST /users/@me/channels: the bot's DM channel with a person, where study reminders go. The
    // playground shows no DMs yet, so a reminder lands in the timeline under that channel only.
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String(body.recipient_id ?? '');
      timeline.add({ platform: 'discord', channelId: '', kind: 'call', via, body });
      return json(200, { id: `4${recipient.slice(1)}`, type: 1, recipients: [{ id: recipient }] });
    }

    // GET /users/@me/guilds: the daily run's check of the servers the bot is in (the playground's one).
    if (method === 'GET' && path === '/users/@me/guilds') {
      const after = new URLSearchParams(event.rawQueryString ?? '').get('after');
      const guilds = [{ id: DISCORD_PLACE.guildId, name: 'StudyBot playground' }];
      return json(200, after && BigInt(after) >= BigInt(DISCORD_PLACE.guildId) ? [] : guilds);
    }

    // POST /interactions/{id}/{token}/callback: an out-of-band answer (deferrals).
    if (seg[0] === 'interactions' && seg[3] === 'callback' && method === 'POST') {
      const binding = deps.bindings.get(seg[2] ?? '');
      if (!binding) return json(404, { message: 'Unknown interaction', code: 10062 });
      const problems = recordInteractionResponse(deps, binding, seg[2] ?? '', body, via);
      if (problems.length) return json(400, { message: 'Invalid Form Body', code: 50035, problems });
      return { statusCode: 204, body: '' };
    }

    // PATCH /webhooks/{app}/{token}/messages/@original, POST /webhooks/{app}/{token}: follow-ups.
    if (seg[0] === 'webhooks' && seg[2]) {
      const binding = deps.bindings.get(seg[2]);
      if (!binding) return json(404, { message: 'Unknown Webhook', code: 10015 });
      const original = `i-${seg[2]}`;
      if (method === 'PATCH' && seg[4] === '@original') {
        timeline.add({
          platform: 'discord',
          channelId: binding.channelId,
          kind: 'update',
          messageId: original,
          via,
          body,
        });
        return json(200, discordMessage(original, binding.channelId, body, applicationId));
      }
      if (method === 'POST' && seg.length === 3) {
        const id = ids.snowflake();
        const flags = Number(body.flags ?? 0);
        timeline.add({
          platform: 'discord',
          channelId: binding.channelId,
          kind: 'message',
          messageId: id,
          ...(flags & EPHEMERAL ? { visibleTo: binding.userId } : {}),
          via,
          body,
        });
        return json(200, discordMessage(id, binding.channelId, body, applicationId));
      }
    }

    // Command registration and anything else: accepted and shown in the request log.
    timeline.add({ platform: 'discord', channelId: '', kind: 'call', via, body });
    if (method === 'PUT') return json(200, Array.isArray(body) ? body : []);
    return json(200, {});
  };
}

/**
 * An interaction's answer (the HTTP response, or a callback) as the channel shows it: a message
 * (private when flagged ephemeral), a "thinking" placeholder for a deferral, an edit of the
 * message that was clicked, or a form (type 9) on the clicker's screen. Returns what Discord
 * would refuse in it (a form past its limits).
 */
export function recordInteractionResponse(
  deps: FakeApiDeps,
  binding: Binding,
  token: string,
  response: Record<string, unknown>,
  via: string,
): string[] {
  const type = Number(response.type);
  const data = (response.data ?? {}) as Record<string, unknown>;
  const flags = Number(data.flags ?? 0);
  const base = { platform: 'discord' as const, channelId: binding.channelId, via };
  const privately = flags & EPHEMERAL ? { visibleTo: binding.userId } : {};
  if (type === 4) {
    deps.timeline.add({ ...base, kind: 'message', messageId: `i-${token}`, ...privately, body: data });
  } else if (type === 5) {
    deps.timeline.add({
      ...base,
      kind: 'message',
      messageId: `i-${token}`,
      ...privately,
      body: { content: '_StudyBot is thinking…_', embeds: [], components: [], flags },
    });
  } else if (type === 7 && binding.sourceId) {
    deps.timeline.add({ ...base, kind: 'update', messageId: binding.sourceId, body: data });
  } else if (type === 9) {
    deps.timeline.add({ ...base, kind: 'call', via: `${via} (modal)`, body: data });
    const problems = discordModalProblems(response.data);
    if (problems.length) {
      deps.modals.refuse(token, `Invalid Form Body (${problems.join('; ')})`);
      return problems;
    }
    deps.modals.add({ id: deps.ids.token(), platform: 'discord', binding, payload: data }, token);
  }
  return [];
}
