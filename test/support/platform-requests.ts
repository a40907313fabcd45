import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** Signs and sends requests exactly as Slack and Discord do, so tests take the real verified path. */
export const TEST_SLACK_SECRET = 'test-slack-signing-secret-0123456789';

export function slackHeaders(
  body: string,
  timestamp: number,
  secret = TEST_SLACK_SECRET,
): Record<string, string> {
  const hex = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${hex}` };
}

/** Slack and Discord give every delivery its own id; a test that means a replay reuses one. */
let deliverySeq = 0;
const nextDelivery = () => `${process.pid}.${++deliverySeq}.${Date.now()}`;

export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy-token-ignored',
    team_id: 'T0001',
    team_domain: 'acme',
    channel_id: 'C0001',
    channel_name: 'ml-study',
    user_id: 'U0001',
    user_name: 'ada',
    command: '/studybot',
    text: '',
    response_url: 'https://hooks.slack.com/commands/T0001/1/abc',
    trigger_id: nextDelivery(),
    ...fields,
  }).toString();
}

export async function postSlack(
  baseUrl: string,
  body: string,
  options: {
    timestamp?: number;
    secret?: string;
    headers?: Record<string, string>;
    contentType?: string;
  } = {},
): Promise<Response> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      ...slackHeaders(body, ts, options.secret),
      ...options.headers,
    },
    body,
  });
}

export interface DiscordKeys {
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function discordKeys(): DiscordKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
  return { publicKeyHex: raw.toString('hex'), privateKey };
}

export function discordHeaders(body: string, timestamp: number, keys: DiscordKeys): Record<string, string> {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`, 'utf8'), keys.privateKey).toString('hex');
  return {
    'x-signature-ed25519': signature,
    'x-signature-timestamp': String(timestamp),
    'content-type': 'application/json',
  };
}

export async function postDiscord(
  baseUrl: string,
  interaction: unknown,
  keys: DiscordKeys,
  options: { timestamp?: number; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = typeof interaction === 'string' ? interaction : JSON.stringify(interaction);
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/discord/interactions`, {
    method: 'POST',
    headers: { ...discordHeaders(body, ts, keys), ...options.headers },
    body,
  });
}

/** An application command interaction for `/studybot <sub>` as Discord sends it from a guild. */
export function discordCommand(
  sub: string,
  options: { name: string; type: number; value: unknown }[] = [],
  over: Record<string, unknown> = {},
) {
  return {
    id: `11${String(++deliverySeq).padStart(17, '0')}`,
    application_id: '100000000000000001',
    type: 2,
    token: 'interaction-token',
    version: 1,
    guild_id: 'G0001',
    channel_id: 'C0001',
    member: { user: { id: 'D0001', username: 'grace' }, permissions: '0' },
    data: { id: '1', name: 'studybot', type: 1, options: [{ name: sub, type: 1, options }] },
    ...over,
  };
}

/** A Slack `block_actions` interaction as Slack sends it: form-encoded with the JSON in `payload`. */
export function blockActionsBody(options: {
  action: Record<string, unknown>;
  responseUrl: string;
  messageTs?: string;
  ephemeral?: boolean;
  /** state.values of the source message (checkbox selections). */
  state?: Record<string, Record<string, unknown>>;
  user?: { id: string; username?: string };
  /** The delivery's id; a replay of one delivery repeats it. */
  triggerId?: string;
  teamId?: string;
  channelId?: string;
}): string {
  const user = options.user ?? { id: 'U0001', username: 'ada' };
  const teamId = options.teamId ?? 'T0001';
  const channelId = options.channelId ?? 'C0001';
  const ts = options.messageTs ?? '1700000000.000100';
  const payload = {
    type: 'block_actions',
    user: { ...user, name: user.username, team_id: teamId },
    api_app_id: 'A0001',
    token: 'legacy-token-ignored',
    container: {
      type: 'message',
      message_ts: ts,
      channel_id: channelId,
      is_ephemeral: options.ephemeral ?? false,
    },
    trigger_id: options.triggerId ?? nextDelivery(),
    team: { id: teamId, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'ml-study' },
    ...(options.ephemeral ? {} : { message: { type: 'message', ts, text: 'question', user: 'UBOT' } }),
    state: { values: options.state ?? {} },
    response_url: options.responseUrl,
    actions: [{ block_id: 'b1', action_ts: '1700000001.000000', ...options.action }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * A Slack `block_actions` interaction from a button on the App Home, as Slack sends it: the
 * container is the view (`type: 'view'`), with the published view attached, a trigger id, and no
 * channel, message or response_url.
 */
export function homeActionsBody(options: {
  actionId: string;
  user?: { id: string; username?: string };
  triggerId?: string;
  teamId?: string;
}): string {
  const user = options.user ?? { id: 'U0001', username: 'ada' };
  const teamId = options.teamId ?? 'T0001';
  const payload = {
    type: 'block_actions',
    user: { ...user, name: user.username, team_id: teamId },
    api_app_id: 'A0001',
    token: 'legacy-token-ignored',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: options.triggerId ?? nextDelivery(),
    team: { id: teamId, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    view: {
      id: 'V0HOME',
      team_id: teamId,
      type: 'home',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      hash: '1700000000.abcdef',
      app_id: 'A0001',
      bot_id: 'B0001',
    },
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'home-actions',
        text: { type: 'plain_text', text: 'button', emoji: true },
        action_ts: '1700000001.000000',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Every action id in a payload that starts with `prefix` (buttons, pickers, forms), in order. */
export const actionIds = (payload: unknown, prefix: string): string[] =>
  [...JSON.stringify(payload).matchAll(new RegExp(`"(${prefix}[^"]*)"`, 'g'))].map((m) => m[1]!);

/** Polls `read` (a fake API's recorded calls) until it returns something; replies are sent after the ack. */
export async function waitFor<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = read();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out');
}

/** A Discord component click (type 3) or modal submission (type 5) on a private message in G0001. */
export function discordInteraction(data: Record<string, unknown>, type: number, user = 'D0001', id?: string) {
  return {
    id: id ?? `13${Math.floor(Math.random() * 1e15)}`,
    application_id: '100000000000000001',
    type,
    token: 'tok',
    version: 1,
    guild_id: 'G0001',
    channel_id: 'C0001',
    member: { user: { id: user, username: 'grace' }, permissions: '0' },
    message: { id: 'M-private', flags: 64 },
    data,
  };
}
