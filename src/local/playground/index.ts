import { readFile } from 'node:fs/promises';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { z } from 'zod';
import type { Bot } from '../../app/bot.ts';
import type { Config, Secrets } from '../../config.ts';
import { callLocalServer, readLocalEndpoint } from '../../daily/local.ts';
import { log } from '../../log.ts';
import { discordSignatureHeaders, slackSignatureHeaders } from '../dev-secrets.ts';
import type { Route } from '../server.ts';
import { dailyRunCommand, nextPostFromStatus, passTimeFor } from './daily.ts';
import {
  type Binding,
  discordApi,
  Ids,
  recordInteractionResponse,
  slackApi,
  slackRespond,
} from './fake-apis.ts';
import {
  forPage,
  type JsonObject,
  ModalStore,
  type OpenModal,
  openedSlackView,
  slackInputs,
  slackViewProblems,
  type TypedValue,
  typedProblems,
} from './modals.ts';
import {
  DISCORD_PLACE,
  PEOPLE,
  type PretendPerson,
  personByKey,
  personByUserId,
  SLACK_PLACE,
} from './people.ts';
import {
  type Click,
  discordCommandInteraction,
  discordComponentInteraction,
  discordModalSubmitInteraction,
  slackBlockActionsBody,
  slackBlockSuggestionBody,
  slackCommandBody,
  slackViewClosedBody,
  slackViewSubmissionBody,
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

/**
 * The tab's icon: an inline SVG (the 📚 of the page's brand), so no binary file and no 404.
 * Served at /favicon.ico too, where browsers look when a page names no icon.
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
  '<rect width="64" height="64" rx="14" fill="#4a154b"/>' +
  '<rect x="12" y="14" width="10" height="38" rx="2" fill="#36c5f0"/>' +
  '<rect x="25" y="10" width="10" height="42" rx="2" fill="#2eb67d"/>' +
  '<rect x="38" y="16" width="10" height="36" rx="2" fill="#ecb22e" transform="rotate(-12 43 34)"/>' +
  '<rect x="8" y="52" width="48" height="4" rx="2" fill="#fff"/></svg>';

/**
 * The longest text the page sends. Longer than any command the bot reads, on purpose: a too-long
 * `recommend` must reach the bot, whose own answer says its limit. This only keeps a pasted novel
 * out (Slack's message box stops at 40,000 characters too).
 */
export const MAX_TYPED = 40_000;

const ClickSchema = z.object({
  action: z.string().min(1).max(100),
  values: z.array(z.string().max(100)).max(25).default([]),
  messageId: z.string().min(1).max(100),
  ephemeral: z.boolean().default(false),
  componentType: z.enum(['button', 'select']).optional(),
  state: z.record(z.string(), z.record(z.string(), z.array(z.string()))).optional(),
});

/** What was typed in a form: Slack names the block and the action, Discord the text input. */
const TypedSchema = z.object({
  block: z.string().max(255).optional(),
  id: z.string().max(255),
  value: z.string().max(4000),
});
const FormSchema = z.object({ modal: z.string().min(1).max(100), values: z.array(TypedSchema).max(100) });

const platform = z.enum(['slack', 'discord']);
const SendSchema = z.union([
  z.object({ platform, person: z.string(), text: z.string() }),
  z.object({ platform, person: z.string(), click: ClickSchema }),
  // A form's submit button, and its Cancel (or Escape, or a click beside it).
  z.object({ platform, person: z.string(), submit: FormSchema }),
  z.object({ platform, person: z.string(), cancel: z.object({ modal: z.string().min(1).max(100) }) }),
  // A searchable menu in an open Slack form, asking for options as the person types.
  z.object({
    platform,
    person: z.string(),
    suggest: z.object({
      modal: z.string().min(1).max(100),
      block: z.string().max(255),
      action: z.string().max(255),
      value: z.string().max(500),
    }),
  }),
]);

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What Slack shows in a form whose submission got no good answer, and Discord. */
const SLACK_FORM_FAILED = 'We had some trouble connecting. Try again?';
const DISCORD_FORM_FAILED = 'Something went wrong. Try again later.';

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
  const modals = new ModalStore();
  const apiDeps = { timeline, ids, bindings, modals, now };
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

  /** A Slack trigger id for a click or command, good for one views.open within 3 seconds. */
  const trigger = (binding: Binding): string => {
    const id = ids.token();
    modals.issueTrigger(id, binding, now());
    return id;
  };

  /** The form a click opened (to draw on this person's screen), or why the platform refused it. */
  const formOpenedBy = (key: string) => {
    const opened = modals.takeOpenedBy(key);
    if (opened?.modal) return { modal: forPage(opened.modal) };
    if (opened?.refused) return { formRefused: opened.refused };
    return {};
  };

  async function send(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
    const parsed = SendSchema.safeParse(parseBody(event.body ?? ''));
    if (!parsed.success)
      return json(400, { error: 'A send needs a platform, a person, and a text, a click or a form.' });
    const input = parsed.data;
    if ('text' in input && input.text.length > MAX_TYPED)
      return json(400, {
        error: `The playground sends at most ${MAX_TYPED.toLocaleString('en-US')} characters (this has ${input.text.length.toLocaleString('en-US')}).`,
      });
    const person = personByKey(input.person);
    if (!person) return json(400, { error: `There is no pretend person "${input.person}".` });
    if ('submit' in input || 'cancel' in input || 'suggest' in input) {
      const id =
        'submit' in input ? input.submit.modal : 'cancel' in input ? input.cancel.modal : input.suggest.modal;
      const modal = modals.get(id);
      if (!modal || modal.platform !== input.platform)
        return json(410, { error: 'That form is no longer open.', closed: true });
      const userId = input.platform === 'slack' ? person.slack.userId : person.discord.userId;
      if (modal.binding.userId !== userId) {
        const owner = personByUserId(modal.binding.userId)?.name ?? 'someone else';
        return json(403, { error: `That form is open on ${owner}’s screen, not ${person.name}’s.` });
      }
      if ('suggest' in input) return suggestOptions(modal, person, input.suggest);
      return 'submit' in input ? submitForm(modal, person, input.submit.values) : cancelForm(modal, person);
    }

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
        const binding: Binding = { platform: 'slack', channelId, userId: person.slack.userId };
        const token = bind(binding);
        const triggerId = trigger(binding);
        const result = await sendSlack(
          slackCommandBody(person, text, `${base}/playground/slack/respond/${token}`, triggerId),
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
        return json(200, {
          request: 'POST /slack/events (slash command)',
          response: result,
          ...formOpenedBy(triggerId),
        });
      }
      const click: Click = input.click;
      const binding: Binding = {
        platform: 'slack',
        channelId,
        userId: person.slack.userId,
        sourceId: click.messageId,
        sourceEphemeral: click.ephemeral,
      };
      const token = bind(binding);
      const triggerId = trigger(binding);
      const result = await sendSlack(
        slackBlockActionsBody(person, click, `${base}/playground/slack/respond/${token}`, triggerId),
      );
      return json(200, {
        request: 'POST /slack/events (block_actions)',
        response: result,
        ...formOpenedBy(triggerId),
      });
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
      ...formOpenedBy(token),
    });
  }

  /**
   * A form's submit: the platform's own checks first (a required field, a length), then the
   * signed submission the platform would send, and what its answer does to the form.
   */
  async function submitForm(
    modal: OpenModal,
    person: PretendPerson,
    typed: TypedValue[],
  ): Promise<APIGatewayProxyResultV2> {
    const problems = typedProblems(modal, typed);
    if (Object.keys(problems).length) return json(200, { modal: forPage(modal, { errors: problems }) });

    if (modal.platform === 'slack') {
      const request = 'POST /slack/events (view_submission)';
      const result = await sendSlack(
        slackViewSubmissionBody(person, modal.payload, typed, trigger(modal.binding), modal.offered),
      );
      const answer = isObject(result.body) ? result.body : {};
      const failed = (why = SLACK_FORM_FAILED) =>
        json(200, { request, response: result, modal: forPage(modal, { failure: why }) });
      if (result.status !== 200) return failed();
      // Slack's answers to a submission: errors under fields, another view in its place, or closed.
      if (answer.response_action === 'errors' && isObject(answer.errors))
        return json(200, {
          request,
          response: result,
          modal: forPage(modal, { errors: answer.errors as Record<string, string> }),
        });
      if (answer.response_action === 'update' || answer.response_action === 'push') {
        if (slackViewProblems(answer.view).length) return failed();
        // The playground shows one form at a time: a pushed view takes the place of this one.
        const view = openedSlackView(answer.view as JsonObject, SLACK_PLACE, modal.id, modal.id);
        const next: OpenModal =
          answer.response_action === 'update'
            ? { ...modal, payload: { ...view, id: modal.id, previous_view_id: null } }
            : { ...modal, id: String(view.id), payload: view };
        modals.close(modal.id);
        modals.add(next);
        return json(200, { request, response: result, modal: forPage(next) });
      }
      modals.close(modal.id);
      return json(200, { request, response: result, closed: true });
    }

    const request = 'POST /discord/interactions (modal submit)';
    const token = bind({ ...modal.binding });
    const data = modal.payload;
    const result = await sendDiscord(
      discordModalSubmitInteraction(
        person,
        data,
        typed,
        { messageId: modal.binding.sourceId, ephemeral: modal.binding.sourceEphemeral },
        ids.snowflake(),
        token,
      ),
    );
    const failed = () =>
      json(200, { request, response: result, modal: forPage(modal, { failure: DISCORD_FORM_FAILED }) });
    // 202: the bot answered through the callback endpoint, which already drew its answer.
    if (result.status === 202) {
      modals.close(modal.id);
      return json(200, { request, response: result, closed: true });
    }
    const answer = isObject(result.body) ? result.body : undefined;
    const type = Number(answer?.type);
    // A submission cannot open another form; updating a message needs the message the button was on.
    const fromMessage = Boolean(modal.binding.sourceId);
    const allowed = [4, 5].includes(type) || (fromMessage && [6, 7].includes(type));
    if (result.status !== 200 || !answer || !allowed) return failed();
    recordInteractionResponse(apiDeps, bindings.get(token)!, token, answer, 'interaction response');
    modals.close(modal.id);
    return json(200, { request, response: result, closed: true });
  }

  /**
   * A searchable menu's options: the signed `block_suggestion` Slack sends to the options load
   * URL as the person types, and the options the app answered (kept: only those can be picked).
   */
  async function suggestOptions(
    modal: OpenModal,
    person: PretendPerson,
    ask: { block: string; action: string; value: string },
  ): Promise<APIGatewayProxyResultV2> {
    const known = slackInputs(modal.payload).some(
      (i) => i.block === ask.block && i.action === ask.action && i.element.type === 'external_select',
    );
    if (modal.platform !== 'slack' || !known)
      return json(400, { error: 'That field has no options to ask for.' });
    const result = await sendSlack(
      slackBlockSuggestionBody(person, modal.payload, ask.block, ask.action, ask.value),
    );
    const answer = isObject(result.body) ? result.body : {};
    const options = Array.isArray(answer.options) ? answer.options.filter(isObject) : [];
    modals.offer(modal.id, `${ask.block}|${ask.action}`, options);
    return json(200, { request: 'POST /slack/events (block_suggestion)', response: result, options });
  }

  /** Cancel: the form closes; Slack tells the app only when the view asked (`notify_on_close`). */
  async function cancelForm(modal: OpenModal, person: PretendPerson): Promise<APIGatewayProxyResultV2> {
    modals.close(modal.id);
    if (modal.platform === 'slack' && modal.payload.notify_on_close === true) {
      const result = await sendSlack(slackViewClosedBody(person, modal.payload));
      return json(200, { request: 'POST /slack/events (view_closed)', response: result, closed: true });
    }
    return json(200, { closed: true });
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

  /**
   * What the bot answers `/studybot subscribe` (alone) with in the platform's channel, as text.
   * Asked as someone who may not change it: to them it shows the subscription (to Ada, a form).
   */
  async function subscriptionStatus(platform: 'slack' | 'discord'): Promise<string> {
    const person = PEOPLE.find((p) => !p.slack.isAdmin) ?? PEOPLE[0]!;
    const token = bind({
      platform,
      channelId: platform === 'slack' ? SLACK_PLACE.channelId : DISCORD_PLACE.channelId,
      userId: platform === 'slack' ? person.slack.userId : person.discord.userId,
    });
    if (platform === 'slack') {
      const result = await sendSlack(
        slackCommandBody(person, 'subscribe', `${base}/playground/slack/respond/${token}`, ids.token()),
      );
      const body = result.body as { text?: string } | null;
      return typeof body === 'object' && body ? (body.text ?? '') : String(body ?? '');
    }
    const result = await sendDiscord(discordCommandInteraction(person, 'subscribe', ids.snowflake(), token));
    const data = (result.body as { data?: { content?: string; embeds?: { description?: string }[] } } | null)
      ?.data;
    return [data?.content ?? '', ...(data?.embeds ?? []).map((e) => e.description ?? '')].join('\n');
  }

  /** The channel's next daily post and the command that posts it, or the bot's reason there is none. */
  async function dailyInfo(platform: 'slack' | 'discord') {
    const status = await subscriptionStatus(platform);
    const next = nextPostFromStatus(status, now());
    const at = next ? passTimeFor(next, now()) : undefined;
    return {
      platform,
      status: status.split('\n').find(Boolean) ?? '',
      next: next?.toISOString(),
      at: at?.toISOString(),
      command: at ? dailyRunCommand(at) : undefined,
    };
  }

  async function daily(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
    const platform =
      new URLSearchParams(event.rawQueryString).get('platform') === 'discord' ? 'discord' : 'slack';
    return json(200, await dailyInfo(platform));
  }

  /**
   * One scheduler pass, as `npx studybot daily run --at <the channel's next slot>` runs it: through
   * this server's own /local/daily-run, so it is the pass `npm start` runs every minute.
   */
  async function dailyRun(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
    const input = parseBody(event.body ?? '') as { platform?: string } | null;
    const info = await dailyInfo(input?.platform === 'discord' ? 'discord' : 'slack');
    if (!info.at)
      return json(409, {
        ...info,
        error: info.status || 'The bot did not say when this channel’s next daily question is due.',
      });
    const endpoint = readLocalEndpoint(deps.config.dataDir);
    // Only this server's scheduler: another server's file in the same folder is not ours to call.
    if (!endpoint?.url.startsWith(`${base}/`))
      return json(503, {
        ...info,
        error: `The daily scheduler runs with \`npm start\`; from a terminal: ${info.command}`,
      });
    const summary = await callLocalServer(endpoint, info.at);
    return json(200, { ...info, summary });
  }

  async function file(name: string): Promise<APIGatewayProxyResultV2> {
    const type = STATIC_FILES[name];
    if (!type) return { statusCode: 404, body: 'not found' };
    const body = await readFile(new URL(name, STATIC_DIR), 'utf8');
    return { statusCode: 200, headers: { 'content-type': type, 'cache-control': 'no-store' }, body };
  }

  const favicon = async (): Promise<APIGatewayProxyResultV2> => ({
    statusCode: 200,
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=86400' },
    body: FAVICON_SVG,
  });

  const routes: Route[] = [
    { method: 'GET', path: '/', handler: () => file('index.html') },
    { method: 'GET', path: '/favicon.svg', handler: favicon },
    { method: 'GET', path: '/favicon.ico', handler: favicon },
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
    { method: 'GET', path: '/playground/daily', handler: daily },
    {
      method: 'POST',
      path: '/playground/daily/run',
      handler: async (e) => {
        try {
          return await dailyRun(e);
        } catch (err) {
          log.error('playground daily pass failed', { err });
          return json(502, { error: 'The daily pass failed; see the server log.' });
        }
      },
    },
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
