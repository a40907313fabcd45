import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type {
  InteractionResponseType as ApiInteractionResponseType,
  InteractionType as ApiInteractionType,
} from 'discord-api-types/v10';
import * as z from 'zod/mini';
import type { Actor, Bot } from '../../app/bot.ts';
import { type Command, parseCommandText } from '../../app/commands.ts';
import type { Message, Outcome } from '../../app/reply.ts';
import { toUserMessage } from '../../errors.ts';
import { log } from '../../log.ts';
import {
  type DiscordMessageBody,
  type DiscordModalData,
  EPHEMERAL,
  toInteractionData,
  toMessageBody,
  toModalData,
} from './render.ts';
import { createDiscordApi, type DiscordApi } from './rest.ts';
import { isValidDiscordRequest, publicKeyFromHex } from './verify.ts';

export interface DiscordHandlerOptions {
  /** The two entry points the adapter calls, one per interaction. */
  bot: Pick<Bot, 'command' | 'action'>;
  publicKey: string;
  /** Needed to post to channels and edit messages; without them channel replies stay private. */
  botToken?: string;
  /** DISCORD_API_URL (tests point it at a local fake). */
  apiUrl?: string;
  /** The REST calls; built from botToken and apiUrl when not given. */
  api?: DiscordApi;
  now?: () => Date;
  /**
   * How long to work before deferring. Discord allows 3 s from its send to our answer, network
   * included, so past this point the answer is deferred and filled in by a follow-up.
   */
  deferAfterMs?: number;
}

type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

// Numeric values of discord-api-types' InteractionType and InteractionResponseType, inlined (as
// render.ts does for its enums) so this module imports types only: the values would load all of
// discord-api-types (~90 KB) at every cold start, PING included. `satisfies` keeps them the enum's.
const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const satisfies Partial<typeof ApiInteractionType>;
const InteractionResponseType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const satisfies Partial<typeof ApiInteractionResponseType>;

// zod/mini keeps the bundle small (cold start). Options nest at most two levels below the
// command (a subcommand group, then a subcommand), so the schema spells the levels out.
// Snowflakes are at most 20 digits; the caps keep an attacker-sized value out of keys and logs.
const snowflake = z.string().check(z.minLength(1), z.maxLength(32));
const short = (max: number) => z.string().check(z.maxLength(max));

const LeafOptionSchema = z.object({
  name: short(32),
  type: z.number(),
  // Discord's longest string option is 6,000 characters.
  value: z.optional(z.union([short(6000), z.number(), z.boolean()])),
  focused: z.optional(z.boolean()),
});
const SubOptionSchema = z.object({
  ...LeafOptionSchema.shape,
  options: z.optional(z.array(LeafOptionSchema).check(z.maxLength(25))),
});
const OptionSchema = z.object({
  ...LeafOptionSchema.shape,
  options: z.optional(z.array(SubOptionSchema).check(z.maxLength(25))),
});

/** One input of a submitted modal. */
const SubmittedInputSchema = z.object({
  type: z.number(),
  custom_id: short(100),
  value: z.nullish(short(4000)),
  values: z.optional(z.array(short(100)).check(z.maxLength(25))),
});

const UserSchema = z.object({
  id: snowflake,
  username: z.optional(short(64)),
  global_name: z.nullish(short(64)),
});

// Only what the bot reads; unknown fields pass through untouched.
const InteractionSchema = z.object({
  type: z.number(),
  id: z.optional(snowflake),
  application_id: z.optional(snowflake),
  token: z.optional(short(512)),
  guild_id: z.optional(snowflake),
  channel_id: z.optional(snowflake),
  member: z.optional(
    z.object({ user: UserSchema, nick: z.nullish(short(64)), permissions: z.optional(short(32)) }),
  ),
  user: z.optional(UserSchema),
  message: z.optional(z.object({ id: snowflake, flags: z.optional(z.number()) })),
  data: z.optional(
    z.object({
      name: z.optional(short(32)),
      options: z.optional(z.array(OptionSchema).check(z.maxLength(25))),
      custom_id: z.optional(short(100)),
      values: z.optional(z.array(short(100)).check(z.maxLength(25))),
      // A modal submission: rows of text inputs with what was typed, or Labels each holding one
      // input (a text input's value, a select's picked values); a Text Display comes back bare.
      components: z.optional(
        z
          .array(
            z.object({
              type: z.number(),
              components: z.optional(z.array(SubmittedInputSchema).check(z.maxLength(5))),
              component: z.optional(SubmittedInputSchema),
            }),
          )
          .check(z.maxLength(5)),
      ),
    }),
  ),
});
export type Interaction = z.infer<typeof InteractionSchema>;

/** What goes back to Discord for one interaction (the HTTP body, or a deferred follow-up). */
interface InteractionResponse {
  type: ApiInteractionResponseType;
  data?: DiscordMessageBody | DiscordModalData | { choices: unknown[] };
}

const MANAGE_CHANNELS = 1n << 4n;
const DEFAULT_DEFER_AFTER_MS = 2000;

function json(statusCode: number, body: unknown): APIGatewayProxyResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * The name Discord shows for the person here: their server nickname, else their display name
 * (global_name), else their username. All three come with every interaction, so nothing is
 * looked up and a rename shows on the person's next answer.
 */
export function nameOf(i: Interaction): string | undefined {
  const user = i.member?.user ?? i.user;
  const pick = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;
  return pick(i.member?.nick) ?? pick(user?.global_name) ?? pick(user?.username);
}

export function actorOf(i: Interaction): Actor | undefined {
  const user = i.member?.user ?? i.user;
  if (!user || !i.channel_id) return undefined;
  let canManage = false;
  try {
    canManage = i.member?.permissions ? (BigInt(i.member.permissions) & MANAGE_CHANNELS) !== 0n : false;
  } catch {
    canManage = false;
  }
  return {
    platform: 'discord',
    // A DM has no guild; the DM channel is its own tenant.
    tenantId: i.guild_id ?? `dm-${i.channel_id}`,
    channelId: i.channel_id,
    userId: user.id,
    userName: nameOf(i),
    canManageChannel: canManage,
    ...(i.id ? { deliveryId: `discord-${i.id}` } : {}),
  };
}

/**
 * `/studybot <sub> [options]` as Discord sends it (a SUB_COMMAND option) to the shared Command.
 * The options are laid out as the words Slack would send and read by the same parser, so both
 * platforms answer every input the same way, refusals included.
 */
export function commandOf(i: Interaction): Command {
  const sub = i.data?.options?.[0];
  const options = sub?.options ?? [];
  // A study mode replaces the topic: `study mistakes`.
  const mode = sub?.name === 'study' ? options.find((o) => o.name === 'mode') : undefined;
  const words = (mode ? [mode] : options).map((o) => {
    const value = typeof o.value === 'string' ? o.value.trim() : String(o.value ?? '');
    // Settings are named in the text (`settings new 10 zone Europe/Berlin`); so is a retention.
    if (sub?.name === 'settings') return `${o.name} ${value}`;
    return o.name === 'retention' ? `retention ${value}` : value;
  });
  return parseCommandText([sub?.name ?? '', ...words].join(' '));
}

/** The option being typed in an autocomplete interaction, with what has been typed so far. */
export function focusedOption(i: Interaction): { name: string; typed: string } | undefined {
  const sub = i.data?.options?.[0];
  const focused = (sub?.options ?? []).find((o) => o.focused);
  return focused
    ? { name: focused.name, typed: typeof focused.value === 'string' ? focused.value : '' }
    : undefined;
}

function ephemeralReply(message: Message): InteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: toInteractionData(message, true) };
}

function notice(text: string): Message {
  return { text, sections: [{ lines: [text] }] };
}

/**
 * Discord's HTTP interactions endpoint: verifies the Ed25519 signature, answers PING with PONG and
 * hands commands and clicks to the bot, one bot call per interaction. The same handler serves
 * Lambda and the local server.
 *
 * Everyone-sees replies are posted with the bot token (POST /channels/{id}/messages) and the person
 * gets a private confirmation: the daily scheduler posts the same way, and a later click can edit
 * the message (PATCH) to show the new answered count.
 */
export function createDiscordHandler(options: DiscordHandlerOptions): HttpHandler {
  const key = publicKeyFromHex(options.publicKey);
  const now = options.now ?? (() => new Date());
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const api =
    options.api ??
    (options.botToken && options.apiUrl
      ? createDiscordApi({ apiUrl: options.apiUrl, botToken: options.botToken })
      : undefined);

  /** Turns the bot's Outcome into Discord calls and the interaction's answer. */
  async function deliver(outcome: Outcome, i: Interaction, actor: Actor): Promise<InteractionResponse> {
    const { reply, updateSource } = outcome;
    // A form opens as a modal; it must be the interaction's first response (a modal submission cannot open one).
    if (outcome.form && i.type !== InteractionType.ModalSubmit)
      return { type: InteractionResponseType.Modal, data: toModalData(outcome.form) };
    // The answer to a form takes the place of the message its button was on.
    if (outcome.replacesSource && i.message && reply.visibility === 'ephemeral')
      return { type: InteractionResponseType.UpdateMessage, data: toMessageBody(reply.message) };
    const edit = async () => {
      // Ephemeral messages cannot be edited with the bot token; only channel posts carry a count.
      if (!updateSource || !i.message || !api || (i.message.flags ?? 0) & EPHEMERAL) return;
      try {
        await api.editMessage(actor.channelId, i.message.id, toMessageBody(updateSource));
      } catch (err) {
        // The person's own answer counted; a stale count on the shared message is not worth failing for.
        log.warn('discord source message not updated', { err, channelId: actor.channelId });
      }
    };
    const answer = async (): Promise<InteractionResponse> => {
      if (reply.visibility === 'ephemeral') return ephemeralReply(reply.message);
      if (!api) return ephemeralReply(reply.message);
      try {
        await api.createMessage(actor.channelId, toMessageBody(reply.message));
        return ephemeralReply(notice('Posted in this channel for everyone.'));
      } catch (err) {
        log.warn('discord channel post failed', { err, channelId: actor.channelId });
        // The person still gets the message, privately, with what to fix so the channel sees it next time.
        const why = toUserMessage(err);
        return ephemeralReply({
          ...reply.message,
          sections: [{ lines: [`_${why}_ Here it is just for you:`] }, ...reply.message.sections],
        });
      }
    };
    const [response] = await Promise.all([answer(), edit()]);
    return response;
  }

  async function work(i: Interaction, actor: Actor): Promise<InteractionResponse> {
    try {
      if (i.type === InteractionType.ApplicationCommand) {
        return await deliver(await options.bot.command(actor, commandOf(i), now()), i, actor);
      }
      // Each input by its custom id: what was typed, or a select's (first) picked value.
      const fields = Object.fromEntries(
        (i.data?.components ?? []).flatMap((row) =>
          [...(row.components ?? []), ...(row.component ? [row.component] : [])].map((c) => [
            c.custom_id,
            c.value ?? c.values?.[0] ?? '',
          ]),
        ),
      );
      const action = {
        id: i.data?.custom_id ?? '',
        values: i.data?.values ?? [],
        ...(i.type === InteractionType.ModalSubmit ? { fields } : {}),
      };
      return await deliver(await options.bot.action(actor, action, now()), i, actor);
    } catch (err) {
      log.error('discord interaction failed', { err, type: i.type });
      return ephemeralReply(notice(toUserMessage(err)));
    }
  }

  /**
   * Answers inline when the work fits the budget; otherwise acknowledges through the callback
   * endpoint (deferred, private), finishes, fills in the answer and returns 202 with no body, as
   * Discord asks when a callback was sent for an HTTP interaction. A Lambda cannot keep working
   * after it has returned, so the deferral is sent while the request is still open.
   */
  async function answerInTime(i: Interaction, actor: Actor): Promise<APIGatewayProxyResultV2> {
    const pending = work(i, actor);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deferAfterMs);
    });
    const first = await Promise.race([pending, late]);
    clearTimeout(timer);
    if (first !== 'late') return json(200, first);
    if (!api || !i.id || !i.token || !i.application_id) return json(200, await pending);

    try {
      await api.createInteractionResponse(i.id, i.token, {
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: EPHEMERAL },
      });
    } catch (err) {
      log.warn('discord deferral failed; answering inline', { err });
      return json(200, await pending);
    }
    const response = await pending;
    if (response.data && 'embeds' in response.data) {
      const { flags: _flags, ...body } = response.data;
      try {
        await api.editOriginalResponse(i.application_id, i.token, body);
      } catch (err) {
        log.error('discord deferred follow-up failed', { err });
      }
    }
    return { statusCode: 202, body: '' };
  }

  return async (event) => {
    const body =
      (event.body && event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body) ?? '';
    const headers = Object.fromEntries(
      Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const ok = isValidDiscordRequest({
      publicKey: key,
      body,
      signature: headers['x-signature-ed25519'],
      timestamp: headers['x-signature-timestamp'],
      nowMs: now().getTime(),
    });
    if (!ok) return { statusCode: 401, body: 'invalid request signature' };

    let interaction: Interaction;
    try {
      interaction = InteractionSchema.parse(JSON.parse(body));
    } catch {
      return json(400, { error: 'unreadable interaction' });
    }
    if (interaction.type === InteractionType.Ping) return json(200, { type: InteractionResponseType.Pong });

    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
      // Suggestions come from the bundled content and Intl: no store, no bot call, always in time.
      // Imported here, not at the top: the question bank it reads is not parsed for a PING.
      const focused = focusedOption(interaction);
      const choices = focused ? (await import('./autocomplete.ts')).suggest(focused.name, focused.typed) : [];
      return json(200, {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices },
      });
    }

    if (
      interaction.type !== InteractionType.ApplicationCommand &&
      interaction.type !== InteractionType.MessageComponent &&
      interaction.type !== InteractionType.ModalSubmit
    ) {
      return json(400, { error: 'unsupported interaction type' });
    }
    const actor = actorOf(interaction);
    if (!actor) return json(400, { error: 'interaction without a user or channel' });
    return answerInTime(interaction, actor);
  };
}
