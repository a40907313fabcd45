import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { DEV_SECRETS } from '../../../src/local/dev-secrets.ts';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';
import { discordKeys, TEST_SLACK_SECRET } from '../../support/platform-requests.ts';

/**
 * The playground signs requests with the development secrets, so it must exist only while those
 * are the secrets in use: with real ones, its page, its sender and its API stand-ins are gone.
 */
const PLAYGROUND_ROUTES: [string, string][] = [
  ['GET', '/'],
  ['GET', '/playground/static/playground.js'],
  ['GET', '/playground/config'],
  ['GET', '/playground/events'],
  ['POST', '/playground/send'],
  ['GET', '/playground/progress?platform=slack&person=ada'],
  ['GET', '/playground/daily?platform=slack'],
  ['POST', '/playground/daily/run'],
  ['GET', '/favicon.ico'],
  ['POST', '/playground/slack/api/chat.postMessage'],
  ['PATCH', '/playground/discord/api/v10/channels/1/messages/2'],
];

async function statusOf(bot: LocalBot, method: string, path: string): Promise<number> {
  const body =
    method === 'GET' ? undefined : JSON.stringify({ platform: 'slack', person: 'ada', text: 'help' });
  const res = await fetch(`${bot.url}${path}`, {
    method,
    body,
    headers: { 'content-type': 'application/json' },
  });
  await res.body?.cancel();
  return res.status;
}

describe('with real secrets configured', () => {
  let bot: LocalBot;
  beforeAll(async () => {
    const config = loadConfig(
      {
        PORT: '0',
        SLACK_SIGNING_SECRET: TEST_SLACK_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-real-looking',
        DISCORD_PUBLIC_KEY: discordKeys().publicKeyHex,
        DISCORD_APPLICATION_ID: '100000000000000009',
        DISCORD_BOT_TOKEN: 'real-looking-discord-token',
      },
      { devDefaults: DEV_SECRETS },
    );
    bot = await startLocalBot(config, { persist: false, playground: true });
  });
  afterAll(() => bot.close());

  it('says the playground is off', () => {
    expect(bot.playground).toBe(false);
  });

  it.each(PLAYGROUND_ROUTES)('has no %s %s', async (method, path) => {
    expect(await statusOf(bot, method, path)).toBe(404);
  });

  it('still serves the bot itself', async () => {
    expect(await statusOf(bot, 'GET', '/healthz')).toBe(200);
  });
});

describe('with only one platform real', () => {
  it('keeps the playground off (it would sign the other platform with the wrong secret)', async () => {
    const config = loadConfig(
      { PORT: '0', SLACK_SIGNING_SECRET: TEST_SLACK_SECRET },
      { devDefaults: DEV_SECRETS },
    );
    const bot = await startLocalBot(config, { persist: false, playground: true });
    try {
      expect(bot.playground).toBe(false);
      expect(await statusOf(bot, 'GET', '/')).toBe(404);
    } finally {
      await bot.close();
    }
  });
});

describe('with the development secrets', () => {
  let bot: LocalBot;
  beforeAll(async () => {
    bot = await startLocalBot(loadConfig({ PORT: '0' }, { devDefaults: DEV_SECRETS }), {
      persist: false,
      playground: true,
    });
  });
  afterAll(() => bot.close());

  it('serves the page and points the bot at its own API stand-ins', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('StudyBot playground');
    const config = (await (await fetch(`${bot.url}/playground/config`)).json()) as {
      apiUrls: { slack: string; discord: string };
    };
    expect(config.apiUrls).toEqual({
      slack: `${bot.url}/playground/slack/api/`,
      discord: `${bot.url}/playground/discord/api`,
    });
  });

  it('sends a signed slash command to the real endpoint and records the bot’s channel post', async () => {
    const res = await fetch(`${bot.url}/playground/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'slack', person: 'linus', text: '/studybot quiz' }),
    });
    const sent = (await res.json()) as { response: { status: number } };
    expect(sent.response.status).toBe(200);
    const { events } = (await (await fetch(`${bot.url}/playground/events?since=0`)).json()) as {
      events: { kind: string; via: string; body?: { blocks?: unknown[] } }[];
    };
    const post = events.find((e) => e.kind === 'message' && e.via === 'chat.postMessage');
    expect(JSON.stringify(post?.body?.blocks)).toContain('0 answered');
  });

  it('does not serve files outside its static folder', async () => {
    for (const path of [
      '/playground/static/../index.ts',
      '/playground/static/%2e%2e/index.ts',
      '/playground/static/people.ts',
    ]) {
      expect(await statusOf(bot, 'GET', path)).toBe(404);
    }
  });

  it('refuses a send for someone who is not one of the pretend people', async () => {
    const res = await fetch(`${bot.url}/playground/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'slack', person: 'mallory', text: 'help' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('mallory');
  });

  it('serves a favicon (an inline SVG), where the page names it and where browsers look', async () => {
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const res = await fetch(`${bot.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toMatch(/^<svg /);
    }
    expect(await (await fetch(`${bot.url}/`)).text()).toContain('<link rel="icon" href="/favicon.svg"');
  });

  it.each(['slack', 'discord'])(
    'lets a recommend text over 4,000 characters reach the bot, whose answer says its limit (%s)',
    async (platform) => {
      const text = `/studybot recommend ${'20 MB documents, results within 30 minutes. '.repeat(100)}`;
      const res = await fetch(`${bot.url}/playground/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ platform, person: 'grace', text }),
      });
      expect(res.status).toBe(200);
      const sent = (await res.json()) as { response: { status: number; body: unknown } };
      expect(sent.response.status).toBe(200);
      expect(JSON.stringify(sent.response.body)).toContain('at most 4,000 characters');
    },
  );

  it('says its own limit plainly for a text longer than any platform sends', async () => {
    const res = await fetch(`${bot.url}/playground/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'slack', person: 'grace', text: `recommend ${'x'.repeat(40_000)}` }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('at most 40,000 characters');
  });

  it('has no daily pass to offer for a channel without a daily question, and says why', async () => {
    const info = (await (await fetch(`${bot.url}/playground/daily?platform=discord`)).json()) as {
      command?: string;
      status: string;
    };
    expect(info.command).toBeUndefined();
    expect(info.status).toContain('no daily question');
    const run = await fetch(`${bot.url}/playground/daily/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'discord' }),
    });
    expect(run.status).toBe(409);
    expect(((await run.json()) as { error: string }).error).toContain('no daily question');
  });
});

describe('the Adjust form of a recommendation, through the page’s request path', () => {
  const WORKLOAD = '20 MB documents, results within 30 minutes, 500 a day';
  let bot: LocalBot;
  beforeAll(async () => {
    bot = await startLocalBot(loadConfig({ PORT: '0', LOG_LEVEL: 'error' }, { devDefaults: DEV_SECRETS }), {
      persist: false,
      playground: true,
    });
  });
  afterAll(() => bot?.close());

  type Event = { seq: number; kind: string; platform: string; messageId?: string; body?: unknown };
  type Modal = {
    id: string;
    platform: string;
    view: { blocks: { block_id: string; element: { initial_value?: string } }[] };
    data: { components: { components: { custom_id: string; value?: string }[] }[] };
    errors?: Record<string, string>;
  };
  type Sent = { closed?: boolean; modal: Modal; request?: string; response: { status: number } };
  async function events(since = 0): Promise<{ events: Event[]; last: number }> {
    return (await (await fetch(`${bot.url}/playground/events?since=${since}`)).json()) as {
      events: Event[];
      last: number;
    };
  }
  async function send(body: Record<string, unknown>): Promise<{ status: number; json: Sent }> {
    const res = await fetch(`${bot.url}/playground/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Sent };
  }

  it.each(['slack', 'discord'] as const)(
    '%s: Adjust opens the form pre-filled, and submitting it replaces the answer in place',
    async (platform) => {
      const { last } = await events();
      await send({ platform, person: 'grace', text: `/studybot recommend ${WORKLOAD}` });
      const answer = (await events(last)).events.find(
        (e) => e.kind === 'message' && e.platform === platform && JSON.stringify(e.body).includes('adjust:'),
      )!;
      const adjust = /"(adjust:[^"]+)"/.exec(JSON.stringify(answer.body))![1]!;
      const click = { action: adjust, values: [], messageId: answer.messageId, ephemeral: true };
      const opened = await send({ platform, person: 'grace', click: { ...click, componentType: 'button' } });
      const modal = opened.json.modal;
      expect(modal?.platform).toBe(platform);
      const prefilled =
        platform === 'slack'
          ? Object.fromEntries(modal.view.blocks.map((b) => [b.block_id, b.element.initial_value as string]))
          : Object.fromEntries(
              modal.data.components.map((r) => [r.components[0]!.custom_id, r.components[0]!.value]),
            );
      expect(prefilled.text).toBe(WORKLOAD);
      expect(prefilled.read).toMatch(/^payload=20MB$/m);

      // Only the person it opened for can submit it.
      const values = [
        { block: 'text', id: 'text', value: WORKLOAD },
        { block: 'read', id: 'read', value: 'payload=2MB\nlatency=1s' },
      ];
      const other = await send({ platform, person: 'linus', submit: { modal: modal.id, values } });
      expect(other.status).toBe(403);

      const before = (await events()).last;
      const submitted = await send({ platform, person: 'grace', submit: { modal: modal.id, values } });
      expect(submitted.json.closed).toBe(true);
      expect(submitted.json.response.status).toBe(200);
      let update: Event | undefined;
      for (let i = 0; i < 100 && !update; i++) {
        update = (await events(before)).events.find(
          (e) => e.kind === 'update' && e.messageId === answer.messageId,
        );
        if (!update) await new Promise((r) => setTimeout(r, 20));
      }
      expect(JSON.stringify(update?.body)).toMatch(/Real-time endpoint/);
      // A closed form is gone.
      const again = await send({ platform, person: 'grace', submit: { modal: modal.id, values } });
      expect(again.status).toBe(410);
    },
  );

  it('answers views.open as Slack does for a trigger id it never issued', async () => {
    const open = async (trigger_id: string) =>
      (await (
        await fetch(`${bot.url}/playground/slack/api/views.open`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            trigger_id,
            view: { type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [] },
          }),
        })
      ).json()) as { ok: boolean; error?: string };
    expect(await open('made-up')).toEqual({ ok: false, error: 'invalid_trigger_id' });
  });

  it('keeps a form open with the platform’s own words when a required field is empty', async () => {
    const { last } = await events();
    await send({ platform: 'slack', person: 'ada', text: `/studybot recommend ${WORKLOAD}` });
    const answer = (await events(last)).events.find((e) => JSON.stringify(e.body ?? '').includes('adjust:'))!;
    const adjust = /"(adjust:[^"]+)"/.exec(JSON.stringify(answer.body))![1]!;
    const opened = await send({
      platform: 'slack',
      person: 'ada',
      click: { action: adjust, values: [], messageId: answer.messageId, ephemeral: true },
    });
    const result = await send({
      platform: 'slack',
      person: 'ada',
      submit: { modal: opened.json.modal.id, values: [{ block: 'text', id: 'text', value: '' }] },
    });
    expect(result.json.modal.errors).toEqual({ text: 'Please complete this required field.' });
    expect(result.json.request).toBeUndefined();
  });
});

describe('the daily pass the page offers', () => {
  const T0 = Date.parse('2026-03-02T09:00:00Z'); // a Monday
  let bot: LocalBot;
  let dataDir: string;
  beforeAll(async () => {
    const started = Date.now();
    // A data folder of its own: the server writes where its scheduler listens there, as `npm start` does.
    dataDir = mkdtempSync(join(tmpdir(), 'studybot-playground-daily-'));
    bot = await startLocalBot(
      loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error' }, { devDefaults: DEV_SECRETS }),
      { playground: true, now: () => new Date(T0 + Date.now() - started) },
    );
  });
  afterAll(async () => {
    await bot?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(platform: string, text: string): Promise<void> {
    const res = await fetch(`${bot.url}/playground/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform, person: 'ada', text }),
    });
    expect(((await res.json()) as { response: { status: number } }).response.status).toBe(200);
  }

  it.each([
    ['slack', '/studybot subscribe 09:30 UTC daily', '2026-03-02T09:30:00Z', '2026-03-03T09:30:00Z'],
    [
      'discord',
      '/studybot subscribe 09:00 Europe/Berlin weekdays',
      '2026-03-03T08:00:00Z',
      '2026-03-04T08:00:00Z',
    ],
  ])('%s: names the next slot, and a pass at it posts there', async (platform, subscribe, first, second) => {
    await send(platform, subscribe);
    const info = (await (await fetch(`${bot.url}/playground/daily?platform=${platform}`)).json()) as {
      command: string;
    };
    expect(info.command).toBe(`npx studybot daily run --at ${first}`);

    const since = ((await (await fetch(`${bot.url}/playground/events?since=0`)).json()) as { last: number })
      .last;
    const run = await fetch(`${bot.url}/playground/daily/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform }),
    });
    expect(run.status).toBe(200);
    const result = (await run.json()) as { at: string; summary: { posted: number }; command: string };
    expect(result.at).toBe(first.replace('Z', '.000Z'));
    expect(result.summary.posted).toBe(1);
    const { events } = (await (await fetch(`${bot.url}/playground/events?since=${since}`)).json()) as {
      events: { kind: string; platform: string; body?: unknown }[];
    };
    const posts = events.filter((e) => e.kind === 'message' && e.platform === platform);
    expect(JSON.stringify(posts)).toContain('Question of the day');
    // The next one is the following slot.
    const after = (await (await fetch(`${bot.url}/playground/daily?platform=${platform}`)).json()) as {
      command: string;
    };
    expect(after.command).toBe(`npx studybot daily run --at ${second}`);
  });
});
