import type { REST } from '@discordjs/rest';
import { StudyBotError } from '../../errors.ts';
import type { DiscordMessageBody } from './render.ts';

/**
 * The few Discord REST calls the bot makes, behind a small interface so the handler never sees the
 * transport. The implementation is @discordjs/rest (per-route buckets, 429 `retry_after`, retries
 * on 5xx), loaded on first use: PING, help and autocomplete never pay for it at cold start.
 */
export interface DiscordApi {
  /** POST /channels/{id}/messages with the bot token; returns the new message's id. */
  createMessage(channelId: string, body: DiscordMessageBody): Promise<{ id: string }>;
  /** PATCH /channels/{id}/messages/{id}: a new version of a message the bot posted. */
  editMessage(channelId: string, messageId: string, body: DiscordMessageBody): Promise<void>;
  /** POST /interactions/{id}/{token}/callback: answer an interaction out of band (no bot token). */
  createInteractionResponse(interactionId: string, token: string, body: unknown): Promise<void>;
  /** PATCH /webhooks/{app}/{token}/messages/@original: fill in a deferred answer. */
  editOriginalResponse(applicationId: string, token: string, body: DiscordMessageBody): Promise<void>;
  /** One bulk overwrite of the application's commands, global or for one guild. */
  bulkOverwriteCommands(applicationId: string, commands: unknown[], guildId?: string): Promise<unknown[]>;
  /** POST /users/@me/channels: the bot's DM channel with a user (the same one every time). */
  openDm(recipientId: string): Promise<{ id: string }>;
  /**
   * GET /users/@me/guilds: one page (at most `limit`, 200 tops) of the guilds the bot is in, with
   * ids after `after`, in id order. Throws on anything but a well-formed 200.
   */
  listGuilds(options: { after?: string; limit: number }): Promise<{ id: string }[]>;
}

export interface DiscordApiOptions {
  /** DISCORD_API_URL, e.g. https://discord.com/api (the client appends /v10). */
  apiUrl: string;
  botToken: string;
  /** Longest rate-limit wait worth sitting out; longer ones fail at once with a clear sentence. */
  maxRateLimitWaitMs?: number;
  timeoutMs?: number;
}

// Discord error codes a person can do something about, and what to tell them.
const ACCESS_ERRORS: Record<number, string> = {
  10003: "I can't find this channel any more. If it was deleted or moved, run the command where you want it.",
  50001:
    "I can't see this channel. Add StudyBot's bot to it (View Channel, Send Messages, Embed Links) and try again.",
  50013:
    "I'm missing a permission here. Give StudyBot's bot Send Messages and Embed Links in this channel and try again.",
};

/** Discord refused a call for a reason the person can fix (channel gone, bot not allowed in). */
export class DiscordAccessError extends StudyBotError {
  constructor(
    readonly discordCode: number,
    options?: { cause?: unknown },
  ) {
    super(
      'discord_access',
      `Discord refused the call with code ${discordCode}`,
      ACCESS_ERRORS[discordCode] ?? '',
      options,
    );
  }
}

/** Discord asked us to wait longer than an interaction can afford. */
export class DiscordRateLimitError extends StudyBotError {
  constructor(options?: { cause?: unknown }) {
    super(
      'discord_rate_limited',
      'Discord rate limit longer than the wait budget',
      'Discord asked me to slow down. Please try again in a few seconds.',
      options,
    );
  }
}

/** Turns @discordjs/rest's errors into ours; anything unexpected passes through for the log. */
function translate(err: unknown): unknown {
  const e = (err ?? {}) as { code?: unknown };
  if (typeof e.code === 'number' && e.code in ACCESS_ERRORS)
    return new DiscordAccessError(e.code, { cause: err });
  // By shape, not class name: a minified bundle may rename the class.
  if (typeof err === 'object' && 'timeToReset' in e && 'retryAfter' in e)
    return new DiscordRateLimitError({ cause: err });
  return err;
}

export function createDiscordApi(options: DiscordApiOptions): DiscordApi {
  let client: Promise<REST> | undefined;
  const rest = (): Promise<REST> => {
    client ??= import('@discordjs/rest').then(({ REST: Rest }) => {
      const maxWait = options.maxRateLimitWaitMs ?? 4000;
      return new Rest({
        api: options.apiUrl.replace(/\/+$/, ''),
        version: '10',
        timeout: options.timeoutMs ?? 8000,
        retries: 2,
        // Short waits are sat out (the client tracks buckets per route); long ones would outlast
        // the Lambda, so they fail fast and the person is asked to retry.
        rejectOnRateLimit: (data) => data.timeToReset > maxWait,
        // The runtime's own fetch (as @discordjs/rest uses on Deno and Bun) instead of its undici
        // strategy, so the Lambda bundles can leave undici out (~420 KB less to load at cold start,
        // infra/lambda-stubs/undici.cjs); buckets, retries and 429 handling are the same code.
        makeRequest: (url, init) => fetch(url, init as RequestInit) as never,
      }).setToken(options.botToken);
    });
    return client;
  };
  const call = async <T>(fn: (r: REST) => Promise<T>): Promise<T> => {
    const r = await rest();
    try {
      return await fn(r);
    } catch (err) {
      throw translate(err);
    }
  };
  return {
    createMessage: (channelId, body) =>
      call(async (r) => {
        const msg = (await r.post(`/channels/${channelId}/messages`, { body })) as { id: string };
        return { id: msg.id };
      }),
    editMessage: (channelId, messageId, body) =>
      call(async (r) => {
        await r.patch(`/channels/${channelId}/messages/${messageId}`, { body });
      }),
    // Interaction callbacks and webhooks are authorised by the interaction token, not the bot token.
    createInteractionResponse: (interactionId, token, body) =>
      call(async (r) => {
        await r.post(`/interactions/${interactionId}/${token}/callback`, { body, auth: false });
      }),
    editOriginalResponse: (applicationId, token, body) =>
      call(async (r) => {
        await r.patch(`/webhooks/${applicationId}/${token}/messages/@original`, { body, auth: false });
      }),
    bulkOverwriteCommands: (applicationId, commands, guildId) =>
      call(async (r) => {
        const route = guildId
          ? (`/applications/${applicationId}/guilds/${guildId}/commands` as const)
          : (`/applications/${applicationId}/commands` as const);
        return (await r.put(route, { body: commands })) as unknown[];
      }),
    openDm: (recipientId) =>
      call(async (r) => {
        const channel = (await r.post('/users/@me/channels', { body: { recipient_id: recipientId } })) as {
          id: string;
        };
        return { id: channel.id };
      }),
    listGuilds: ({ after, limit }) =>
      call(async (r) => {
        const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
        const page = (await r.get('/users/@me/guilds', { query })) as unknown;
        // A body that is not a list of guilds is no answer: the caller must not read it as "none".
        if (!Array.isArray(page) || page.some((g) => typeof (g as { id?: unknown })?.id !== 'string'))
          throw new Error(
            'Discord answered GET /users/@me/guilds with something other than a list of guilds',
          );
        return (page as { id: string }[]).map((g) => ({ id: g.id }));
      }),
  };
}
