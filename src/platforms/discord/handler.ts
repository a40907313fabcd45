import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { Actor, Bot } from '../../app/bot.ts';
import type { Command } from '../../app/commands.ts';
import { toUserMessage } from '../../errors.ts';
import { log } from '../../log.ts';
import { toInteractionData } from './render.ts';
import { isValidDiscordRequest, publicKeyFromHex } from './verify.ts';

export interface DiscordHandlerOptions {
  bot: Bot;
  publicKey: string;
  now?: () => Date;
}

type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

const OptionSchema: z.ZodType<{ name: string; type: number; value?: unknown; options?: unknown[] }> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number(),
    value: z.unknown().optional(),
    options: z.array(OptionSchema).optional(),
  }),
);

// Only what the bot reads; unknown fields pass through untouched.
const InteractionSchema = z.object({
  type: z.number(),
  id: z.string().optional(),
  token: z.string().optional(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  member: z.object({ user: z.object({ id: z.string(), username: z.string().optional() }), permissions: z.string().optional() }).optional(),
  user: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  data: z
    .object({
      name: z.string().optional(),
      options: z.array(OptionSchema).optional(),
      custom_id: z.string().optional(),
      values: z.array(z.string()).optional(),
    })
    .optional(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

const MANAGE_CHANNELS = 1n << 4n;

function json(statusCode: number, body: unknown): APIGatewayProxyResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
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
    userName: user.username,
    canManageChannel: canManage,
  };
}

/** `/studybot <sub> [options]` as Discord sends it (a SUB_COMMAND option) to the shared Command. */
export function commandOf(i: Interaction): Command {
  const sub = i.data?.options?.[0];
  const opts = new Map((sub?.options ?? []).map((o) => [o.name, typeof o.value === 'string' ? o.value : String(o.value ?? '')]));
  switch (sub?.name) {
    case 'quiz':
    case 'study':
      return opts.get('topic') ? { name: sub.name, topic: opts.get('topic')! } : { name: sub.name };
    case 'recommend':
      return { name: 'recommend', text: opts.get('text') ?? '' };
    case 'leaderboard':
      return { name: 'leaderboard', period: opts.get('period') === 'all' ? 'all' : 'week' };
    case 'progress':
      return { name: 'progress' };
    case 'subscribe': {
      const days = opts.get('days');
      return {
        name: 'subscribe',
        ...(opts.get('time') ? { time: opts.get('time') } : {}),
        ...(opts.get('timezone') ? { timezone: opts.get('timezone') } : {}),
        ...(days === 'weekdays' || days === 'daily' ? { days } : {}),
      };
    }
    case 'unsubscribe':
      return { name: 'unsubscribe' };
    case 'help':
    case undefined:
      return { name: 'help' };
    default:
      return { name: 'help', reason: `I don't know "${sub.name}".` };
  }
}

/**
 * Discord's HTTP interactions endpoint: verifies the Ed25519 signature, answers PING with PONG and
 * hands commands and clicks to the bot. The same handler serves Lambda and the local server.
 */
export function createDiscordHandler(options: DiscordHandlerOptions): HttpHandler {
  const key = publicKeyFromHex(options.publicKey);
  const now = options.now ?? (() => new Date());
  return async (event) => {
    const body =
      (event.body && event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) ?? '';
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
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

    const actor = actorOf(interaction);
    if (!actor) return json(400, { error: 'interaction without a user or channel' });
    try {
      if (interaction.type === InteractionType.ApplicationCommand) {
        const outcome = await options.bot.command(actor, commandOf(interaction), now());
        return json(200, {
          type: InteractionResponseType.ChannelMessageWithSource,
          data: toInteractionData(outcome.reply.message, outcome.reply.visibility === 'ephemeral'),
        });
      }
      if (interaction.type === InteractionType.MessageComponent) {
        const outcome = await options.bot.action(
          actor,
          { id: interaction.data?.custom_id ?? '', values: interaction.data?.values ?? [] },
          now(),
        );
        return json(200, {
          type: InteractionResponseType.ChannelMessageWithSource,
          data: toInteractionData(outcome.reply.message, outcome.reply.visibility === 'ephemeral'),
        });
      }
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
        return json(200, { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
      }
      return json(400, { error: 'unsupported interaction type' });
    } catch (err) {
      log.error('discord interaction failed', { err, type: interaction.type });
      return json(200, {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: toUserMessage(err), flags: 64, allowed_mentions: { parse: [] } },
      });
    }
  };
}
