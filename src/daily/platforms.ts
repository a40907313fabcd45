import type { Message } from '../app/reply.ts';
import { StudyBotError } from '../errors.ts';
import { type DiscordMessageBody, toMessageBody } from '../platforms/discord/render.ts';
import { createDiscordApi, DiscordAccessError, type DiscordApi } from '../platforms/discord/rest.ts';
import { toSlackMessage } from '../platforms/slack/render.ts';
import { SlackApiError, SlackWebApi } from '../platforms/slack/web-api.ts';
import type { RequestGate } from './rate-budget.ts';

/**
 * The one thing the daily poster needs from a platform: post a message to a channel. Failures come
 * back as one of two errors, because they lead to different things: a permanent one pauses the
 * channel's subscription (and `/studybot subscribe` there says why); anything else is retried by a
 * later scheduler pass.
 */
export interface DailyPlatform {
  /** Posts and returns the platform's message reference (Slack ts, Discord message id). */
  postMessage(channelId: string, message: Message, key: { nonce: string }): Promise<{ messageRef: string }>;
  /** Replaces a posted message (a closed question drops its buttons and shows its answer). */
  updateMessage(channelId: string, messageRef: string, message: Message): Promise<void>;
  /**
   * Sends a reminder to the person's direct messages with the bot (Slack: the app's Messages tab;
   * Discord: the bot's DM channel with them), with the same two errors as a post: ChannelGoneError
   * when they cannot be reached for good, anything else retried by a later pass. A platform
   * without it sends no reminders.
   */
  sendReminder?(userId: string, message: Message, key: { nonce: string }): Promise<{ messageRef: string }>;
  /**
   * Every server the bot is in (Discord only: a bot on HTTP interactions gets no event when it is
   * removed). Resolves only with the complete list; a failed or partial listing throws.
   */
  listGuilds?(): Promise<string[]>;
}

/** The bot can no longer post in the channel, and retrying will not change that. */
export class ChannelGoneError extends StudyBotError {
  constructor(
    readonly platformCode: string,
    userMessage: string,
    options?: { cause?: unknown },
  ) {
    super('channel_gone', `channel refused for good: ${platformCode}`, userMessage, options);
  }
}

// Slack errors that mean "not until a person changes something" (invite, unarchive, reinstall).
const SLACK_PERMANENT: Record<string, string> = {
  channel_not_found:
    "I can't find this channel any more, or I was never invited. Invite me with `/invite @StudyBot`.",
  not_in_channel: 'I was removed from this channel. Invite me again with `/invite @StudyBot`.',
  is_archived: 'This channel was archived.',
  account_inactive: 'StudyBot was uninstalled from this workspace, or its token was revoked.',
  token_revoked: 'StudyBot was uninstalled from this workspace, or its token was revoked.',
  restricted_action: "This workspace's settings do not let me post in this channel.",
};

export class SlackDailyPlatform implements DailyPlatform {
  constructor(private readonly api: SlackWebApi) {}

  static create(options: { token: string; apiUrl: string }): SlackDailyPlatform {
    // Off the chat path there is time to sit out Slack's Retry-After (typically 1–30 s); the
    // poster's lease is longer than the worst case of these retries.
    return new SlackDailyPlatform(
      new SlackWebApi({
        token: options.token,
        apiUrl: options.apiUrl,
        maxRetries: 3,
        maxRetryWaitMs: 5000,
        timeoutMs: 5000,
      }),
    );
  }

  async postMessage(channelId: string, message: Message): Promise<{ messageRef: string }> {
    try {
      // Slack has no idempotency key for chat.postMessage; see the crash analysis in poster.ts.
      const out = await this.api.call('chat.postMessage', {
        channel: channelId,
        ...toSlackMessage(message),
        unfurl_links: false,
        unfurl_media: false,
      });
      return { messageRef: String(out.ts ?? '') };
    } catch (err) {
      throw slackFailure(err);
    }
  }

  async updateMessage(channelId: string, messageRef: string, message: Message): Promise<void> {
    try {
      await this.api.call('chat.update', { channel: channelId, ts: messageRef, ...toSlackMessage(message) });
    } catch (err) {
      throw slackFailure(err);
    }
  }

  async sendReminder(userId: string, message: Message): Promise<{ messageRef: string }> {
    try {
      // A user id as the channel posts to the app's Messages tab (chat:write; the tab must be on).
      const out = await this.api.call('chat.postMessage', {
        channel: userId,
        ...toSlackMessage(message),
        unfurl_links: false,
        unfurl_media: false,
      });
      return { messageRef: String(out.ts ?? '') };
    } catch (err) {
      if (err instanceof SlackApiError && err.error in SLACK_DM_PERMANENT) {
        throw new ChannelGoneError(err.error, SLACK_DM_PERMANENT[err.error]!, { cause: err });
      }
      throw err;
    }
  }
}

// Slack errors that mean a person's direct messages with the bot cannot be reached until something changes.
const SLACK_DM_PERMANENT: Record<string, string> = {
  channel_not_found: "Slack would not let me message you directly (the app's Messages tab may be off).",
  user_not_found: 'Slack no longer knows your account in this workspace.',
  user_disabled: 'Your account in this workspace was deactivated.',
  cannot_dm_bot: 'Slack would not let me message you directly.',
  account_inactive: 'StudyBot was uninstalled from this workspace, or its token was revoked.',
  token_revoked: 'StudyBot was uninstalled from this workspace, or its token was revoked.',
  restricted_action: "This workspace's settings do not let me message you directly.",
};

/** A permanent Slack refusal as ChannelGoneError; anything else as it came (retried later). */
function slackFailure(err: unknown): unknown {
  if (err instanceof SlackApiError && err.error in SLACK_PERMANENT) {
    return new ChannelGoneError(err.error, SLACK_PERMANENT[err.error]!, { cause: err });
  }
  return err;
}

/** Discord's create-message body plus the nonce fields (the render module has no need for them). */
type DailyDiscordBody = DiscordMessageBody & { nonce: string; enforce_nonce: true };

const DISCORD_PERMANENT: Record<number, string> = {
  10003: 'This channel was deleted, or I can no longer see it.',
  50001: "I can't see this channel any more. Give StudyBot's bot View Channel and Send Messages.",
  50013: "I'm missing a permission here. Give StudyBot's bot Send Messages and Embed Links.",
};

export class DiscordDailyPlatform implements DailyPlatform {
  constructor(
    private readonly api: DiscordApi,
    /** Discord's global limit shared by every worker (rate-budget.ts); absent: this process only. */
    private readonly gate?: RequestGate,
  ) {}

  static create(options: { botToken: string; apiUrl: string; gate?: RequestGate }): DiscordDailyPlatform {
    // Loaded now rather than on the first send, so a request the gate let through leaves at once.
    if (options.gate) void import('@discordjs/rest').catch(() => undefined);
    // @discordjs/rest keeps the per-route buckets and sits out 429 retry_after (waits longer than
    // this fail the attempt, and a later pass retries); its global limiter counts this process
    // only, so the gate holds the 50 requests/s across all workers.
    return new DiscordDailyPlatform(
      createDiscordApi({
        apiUrl: options.apiUrl,
        botToken: options.botToken,
        maxRateLimitWaitMs: 10_000,
        timeoutMs: 8000,
      }),
      options.gate,
    );
  }

  async postMessage(
    channelId: string,
    message: Message,
    key: { nonce: string },
  ): Promise<{ messageRef: string }> {
    // With enforce_nonce, a create retried within a few minutes returns the first message instead
    // of posting a second one: the retry after a lost response or a crash is safe on Discord.
    const body: DailyDiscordBody = { ...toMessageBody(message), nonce: key.nonce, enforce_nonce: true };
    await this.gate?.take();
    try {
      const out = await this.api.createMessage(channelId, body);
      return { messageRef: out.id };
    } catch (err) {
      throw discordFailure(err);
    }
  }

  async updateMessage(channelId: string, messageRef: string, message: Message): Promise<void> {
    await this.gate?.take();
    try {
      await this.api.editMessage(channelId, messageRef, toMessageBody(message));
    } catch (err) {
      throw discordFailure(err);
    }
  }

  async sendReminder(
    userId: string,
    message: Message,
    key: { nonce: string },
  ): Promise<{ messageRef: string }> {
    // Two requests, both under the shared budget: open (or find) the DM channel, then post there
    // with the nonce, so a retry after a crash returns the first message as a daily post's does.
    try {
      await this.gate?.take();
      const dm = await this.api.openDm(userId);
      const body: DailyDiscordBody = { ...toMessageBody(message), nonce: key.nonce, enforce_nonce: true };
      await this.gate?.take();
      const out = await this.api.createMessage(dm.id, body);
      return { messageRef: out.id };
    } catch (err) {
      const code = err instanceof DiscordAccessError ? err.discordCode : (err as { code?: unknown }).code;
      if (typeof code === 'number' && code in DISCORD_DM_PERMANENT) {
        throw new ChannelGoneError(String(code), DISCORD_DM_PERMANENT[code]!, { cause: err });
      }
      throw err;
    }
  }

  listGuilds(): Promise<string[]> {
    // Under the shared budget like every other request; @discordjs/rest sits out short 429s and
    // retries 5xx, and anything it cannot finish fails the whole listing.
    return listAllGuilds(this.api, this.gate);
  }
}

/** Discord's largest page of GET /users/@me/guilds. */
export const GUILD_PAGE = 200;
/** A listing longer than this many pages (200,000 guilds) is taken as broken, not complete. */
const MAX_GUILD_PAGES = 1000;

/** Every guild the bot is in, page after page (`after` the highest id so far); throws unless complete. */
export async function listAllGuilds(
  api: Pick<DiscordApi, 'listGuilds'>,
  gate?: RequestGate,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_GUILD_PAGES; page++) {
    await gate?.take();
    const guilds = await api.listGuilds({ ...(after ? { after } : {}), limit: GUILD_PAGE });
    for (const g of guilds) ids.push(g.id);
    if (guilds.length < GUILD_PAGE) return ids;
    // The next page starts after the highest id seen (snowflakes compare as numbers).
    const last = guilds.reduce((max, g) => (BigInt(g.id) > BigInt(max) ? g.id : max), guilds[0]!.id);
    if (after !== undefined && BigInt(last) <= BigInt(after))
      throw new Error('Discord’s guild list did not move forward; treating it as incomplete');
    after = last;
  }
  throw new Error(`Discord’s guild list ran past ${MAX_GUILD_PAGES} pages; treating it as incomplete`);
}

// Discord errors that mean the bot cannot message the person directly until something changes.
const DISCORD_DM_PERMANENT: Record<number, string> = {
  10003: 'Discord no longer knows our direct-message channel.',
  10013: 'Discord no longer knows your account.',
  50001: 'Discord would not let me message you directly.',
  50007:
    'Discord would not let me message you directly: your privacy settings may block messages from server members.',
};

/** A permanent Discord refusal as ChannelGoneError; anything else as it came (retried later). */
function discordFailure(err: unknown): unknown {
  if (err instanceof DiscordAccessError && err.discordCode in DISCORD_PERMANENT) {
    return new ChannelGoneError(String(err.discordCode), DISCORD_PERMANENT[err.discordCode]!, {
      cause: err,
    });
  }
  return err;
}

export type DailyPlatforms = Partial<Record<'slack' | 'discord', DailyPlatform>>;
