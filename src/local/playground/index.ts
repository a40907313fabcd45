import { readFile } from 'node:fs/promises';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { z } from 'zod';
import type { Bot } from '../../app/bot.ts';
import type { Config, Secrets } from '../../config.ts';
import { log } from '../../log.ts';
import { discordSignatureHeaders, slackSignatureHeaders } from '../dev-secrets.ts';
import type { Route } from '../server.ts';
import {
  type Binding,
  discordApi,
  Ids,
  recordInteractionResponse,
  slackApi,
  slackRespond,
} from './fake-apis.ts';
import { DISCORD_PLACE, PEOPLE, personByKey, SLACK_PLACE } from './people.ts';
import {
  type Click,
  discordCommandInteraction,
  discordComponentInteraction,
  slackBlockActionsBody,
  slackCommandBody,
} from './requests.ts';
import { Timeline } from './timeline.ts';

/**
 * The playground: a page at `/` that lets someone use the bot straight after `npm start`, with no
 * Slack or Discord app. What the page does becomes the request the platform would send, signed
 * with the development secrets and sent to the bot's own endpoints; what the bot sends back to the
 * platform APIs lands in stand-ins on this server and is drawn as a channel.
 *
 * Local only: it signs with the development secrets, so it exists only while those are in use.
 */

/** The secrets the signer stands in for; with any of them real, the playground is off. */
const SIGNED_WITH_DEV: (keyof Secrets)[] = [
  'slackSigningSecret',
  'slackBotToken',
  'discordPublicKey',
  'discordBotToken',
];
// Config's defaults: with these the bot would call the real APIs, which a dev token cannot use anyway.
const REAL_SLACK_API = 'https://slack.com/api/';
const REAL_DISCORD_API = 'https://discord.com/api';

export function playgroundAllowed(config: Config): boolean {
  return SIGNED_WITH_DEV.every((key) => config.devSecrets.includes(key));
}

const STATIC_DIR = new URL('./static/', import.meta.url);
const STATIC_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'playground.css': 'text/css; charset=utf-8',
  'playground.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
};

const ClickSchema = z.object({
  action: z.string().min(1).max(100),
  values: z.array(z.string().max(100)).max(25).default([]),
  messageId: z.string().min(1).max(100),
  ephemeral: z.boolean().default(false),
  componentType: z.enum(['button', 'select']).optional(),
  state: z.record(z.string(), z.record(z.string(), z.array(z.string()))).optional(),
});

const SendSchema = z.union([
  z.object({ platform: z.enum(['slack', 'discord']), person: z.string(), text: z.string().max(4000) }),
  z.object({ platform: z.enum(['slack', 'discord']), person: z.string(), click: ClickSchema }),
]);

function json(statusCode: number, body: unknown): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface Playground {
  routes: Route[];
  /** Called once the server listens: returns the API URLs the bot's handlers must use. */
  attach(baseUrl: string): { slack: string; discord: string };
}

export function createPlayground(deps: {
  bot: Pick<Bot, 'study'>;
  config: Config;
  now?: () => Date;
}): Playground {
  const now = deps.now ?? (() => new Date());
  const timeline = new Timeline(now);
  const ids = new Ids();
  const bindings = new Map<string, Binding>();
  const apiDeps = { timeline, ids, bindings, now };
  let base = '';
  let apiUrls = { slack: deps.config.slackApiUrl, discord: deps.config.discordApiUrl };

  const bind = (binding: Binding): string => {
    const token = ids.token();
    bindings.set(token, binding);
    // Slack honours a response_url for 30 minutes; the playground keeps the last few hundred.
    if (bindings.size > 500) bindings.delete(bindings.keys().next().value!);
    return token;
  };

  async function sendSlack(body: string): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(body, Math.floor(now().getTime() / 1000)),
      },
      body,
    });
    return { status: res.status, body: parseBody(await res.text()) };
  }

  async function sendDiscord(interaction: unknown): Promise<{ status: number; body: unknown }> {
    const body = JSON.stringify(interaction);
    const res = await fetch(`${base}/discord/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...discordSignatureHeaders(body, Math.floor(now().getTime() / 1000)),
      },
      body,
    });
    return { status: res.status, body: parseBody(await res.text()) };
  }

  async function send(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
    const parsed = SendSchema.safeParse(parseBody(event.body ?? ''));
    if (!parsed.success)
      return json(400, { error: 'A send needs a platform, a person, and a text or a click.' });
    const input = parsed.data;
    const person = personByKey(input.person);
    if (!person) return json(400, { error: `There is no pretend person "${input.person}".` });

    if (input.platform === 'slack') {
      const channelId = SLACK_PLACE.channelId;
      if ('text' in input) {
        const text = input.text.replace(/^\s*\/studybot\b/, '').trim();
        timeline.add({
          platform: 'slack',
          channelId,
          kind: 'command',
          via: 'slash command',
          text: `/studybot ${text}`.trim(),
          userId: person.slack.userId,
          visibleTo: person.slack.userId,
        });
        const token = bind({ platform: 'slack', channelId, userId: person.slack.userId });
        const result = await sendSlack(
          slackCommandBody(person, text, `${base}/playground/slack/respond/${token}`, ids.token()),
        );
        // The immediate answer to a slash command is a message only the person sees (or, rarely, in_channel).
        const answer = result.body as { response_type?: string; text?: string; blocks?: unknown } | null;
        if (result.status === 200 && answer && typeof answer === 'object') {
          timeline.add({
            platform: 'slack',
            channelId,
            kind: 'message',
            messageId: ids.slackTs(now()),
            ...(answer.response_type === 'in_channel' ? {} : { visibleTo: person.slack.userId }),
            via: 'slash command response',
            body: { text: answer.text ?? '', blocks: answer.blocks ?? [] },
          });
        }
        return json(200, { request: 'POST /slack/events (slash command)', response: result });
      }
      const click: Click = input.click;
      const token = bind({
        platform: 'slack',
        channelId,
        userId: person.slack.userId,
        sourceId: click.messageId,
        sourceEphemeral: click.ephemeral,
      });
      const result = await sendSlack(
        slackBlockActionsBody(person, click, `${base}/playground/slack/respond/${token}`, ids.token()),
      );
      return json(200, { request: 'POST /slack/events (block_actions)', response: result });
    }

    const channelId = DISCORD_PLACE.channelId;
    const interactionId = ids.snowflake();
    const isClick = 'click' in input;
    const token = bind({
      platform: 'discord',
      channelId,
      userId: person.discord.userId,
      ...(isClick ? { sourceId: input.click.messageId, sourceEphemeral: input.click.ephemeral } : {}),
    });
    if (!isClick) {
      const text = input.text.replace(/^\s*\/studybot\b/, '').trim();
      timeline.add({
        platform: 'discord',
        channelId,
        kind: 'command',
        via: 'application command',
        text: `/studybot ${text}`.trim(),
        userId: person.discord.userId,
        visibleTo: person.discord.userId,
      });
    }
    const interaction = isClick
      ? discordComponentInteraction(person, input.click, interactionId, token)
      : discordCommandInteraction(person, input.text.replace(/^\s*\/studybot\b/, ''), interactionId, token);
    const result = await sendDiscord(interaction);
    if (result.status === 200 && result.body && typeof result.body === 'object') {
      recordInteractionResponse(
        apiDeps,
        bindings.get(token)!,
        token,
        result.body as Record<string, unknown>,
        'interaction response',
      );
    }
    return json(200, {
      request: `POST /discord/interactions (${isClick ? 'component' : 'command'})`,
      response: result,
    });
  }

  async function progress(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
    const q = new URLSearchParams(event.rawQueryString);
    const person = personByKey(q.get('person') ?? '');
    const platform: 'slack' | 'discord' = q.get('platform') === 'discord' ? 'discord' : 'slack';
    if (!person) return json(400, { error: 'Unknown person.' });
    const ref =
      platform === 'slack'
        ? {
            platform,
            tenantId: SLACK_PLACE.teamId,
            userId: person.slack.userId,
            channelId: SLACK_PLACE.channelId,
          }
        : {
            platform,
            tenantId: DISCORD_PLACE.guildId,
            userId: person.discord.userId,
            channelId: DISCORD_PLACE.channelId,
          };
    const p = await deps.bot.study.progress(ref, ref, now());
    // `today` lets the chart show the days without answers up to now (the bot's clock, not the browser's).
    return json(200, { person: person.name, platform, today: now().toISOString().slice(0, 10), ...p });
  }

  async function file(name: string): Promise<APIGatewayProxyResultV2> {
    const type = STATIC_FILES[name];
    if (!type) return { statusCode: 404, body: 'not found' };
    const body = await readFile(new URL(name, STATIC_DIR), 'utf8');
    return { statusCode: 200, headers: { 'content-type': type, 'cache-control': 'no-store' }, body };
  }

  const routes: Route[] = [
    { method: 'GET', path: '/', handler: () => file('index.html') },
    {
      method: 'GET',
      path: '/playground/static/',
      prefix: true,
      handler: async (e) => file(e.rawPath.slice('/playground/static/'.length)),
    },
    {
      method: 'GET',
      path: '/playground/config',
      handler: async () =>
        json(200, {
          people: PEOPLE.map((p) => ({
            key: p.key,
            name: p.name,
            slackUserId: p.slack.userId,
            discordUserId: p.discord.userId,
            admin: p.slack.isAdmin,
          })),
          slack: {
            channelId: SLACK_PLACE.channelId,
            channelName: SLACK_PLACE.channelName,
            workspace: SLACK_PLACE.teamDomain,
          },
          discord: { channelId: DISCORD_PLACE.channelId, channelName: DISCORD_PLACE.channelName },
          apiUrls,
        }),
    },
    {
      method: 'GET',
      path: '/playground/events',
      handler: async (e) => {
        const since = Number(new URLSearchParams(e.rawQueryString).get('since') ?? '0') || 0;
        return json(200, { events: timeline.since(since), last: timeline.last });
      },
    },
    {
      method: 'POST',
      path: '/playground/send',
      handler: async (e) => {
        try {
          return await send(e);
        } catch (err) {
          log.error('playground send failed', { err });
          return json(502, { error: 'The bot did not answer; see the server log.' });
        }
      },
    },
    { method: 'GET', path: '/playground/progress', handler: progress },
    { method: 'POST', path: '/playground/slack/api/', prefix: true, handler: slackApi(apiDeps) },
    { method: 'POST', path: '/playground/slack/respond/', prefix: true, handler: slackRespond(apiDeps) },
    ...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method) => ({
      method,
      path: '/playground/discord/api/',
      prefix: true,
      handler: discordApi(apiDeps, DISCORD_PLACE.applicationId),
    })),
  ];

  return {
    routes,
    attach(url) {
      base = url;
      // An API URL someone set on purpose is kept; the defaults would call the real platforms.
      apiUrls = {
        slack:
          deps.config.slackApiUrl === REAL_SLACK_API
            ? `${url}/playground/slack/api/`
            : deps.config.slackApiUrl,
        discord:
          deps.config.discordApiUrl === REAL_DISCORD_API
            ? `${url}/playground/discord/api`
            : deps.config.discordApiUrl,
      };
      return apiUrls;
    },
  };
}
