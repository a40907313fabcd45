import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { DEV_SECRETS } from '../../../src/local/dev-secrets.ts';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';

/**
 * The subscribe, unsubscribe and recommend forms in the playground, through the page's own request
 * path: the page opens the form the bot sent, asks the time-zone menu for options (a signed
 * block_suggestion on Slack), and submits what was picked as the platform would.
 */
let bot: LocalBot;
beforeAll(async () => {
  bot = await startLocalBot(loadConfig({ PORT: '0', LOG_LEVEL: 'error' }, { devDefaults: DEV_SECRETS }), {
    persist: false,
    playground: true,
  });
});
afterAll(() => bot?.close());

type Json = Record<string, unknown>;
type Event = {
  seq: number;
  kind: string;
  platform: string;
  messageId?: string;
  visibleTo?: string;
  body?: unknown;
};
type Modal = { id: string; platform: string; view?: { blocks: Json[] }; data?: { components: Json[] } };
type Sent = {
  closed?: boolean;
  modal?: Modal;
  options?: { value: string }[];
  request?: string;
  response?: { status: number };
};

async function events(since = 0): Promise<{ events: Event[]; last: number }> {
  return (await (await fetch(`${bot.url}/playground/events?since=${since}`)).json()) as {
    events: Event[];
    last: number;
  };
}
async function send(body: Json): Promise<{ status: number; json: Sent }> {
  const res = await fetch(`${bot.url}/playground/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Sent };
}
async function messageSince(last: number, platform: string, pattern: RegExp): Promise<Event> {
  for (let i = 0; i < 100; i++) {
    const found = (await events(last)).events.find(
      (e) =>
        e.platform === platform &&
        (e.kind === 'message' || e.kind === 'update') &&
        pattern.test(JSON.stringify(e.body)),
    );
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no ${platform} message matching ${pattern}`);
}

describe('the subscribe form in the playground', () => {
  it('Slack: Ada’s form has a time picker, a searchable zone menu and radio buttons; Grace sees the status', async () => {
    const grace = await send({ platform: 'slack', person: 'grace', text: '/studybot subscribe' });
    expect(grace.json.modal).toBeUndefined();

    const opened = await send({ platform: 'slack', person: 'ada', text: '/studybot subscribe' });
    const modal = opened.json.modal!;
    const types = modal.view!.blocks.map((b) => (b.type === 'input' ? (b.element as Json).type : b.type));
    expect(types).toEqual(['section', 'timepicker', 'external_select', 'radio_buttons']);

    // The menu asks the bot as Ada types; only what it answered can be picked.
    const suggested = await send({
      platform: 'slack',
      person: 'ada',
      suggest: { modal: modal.id, block: 'zone', action: 'options:timezone', value: 'berl' },
    });
    expect(suggested.json.request).toBe('POST /slack/events (block_suggestion)');
    expect(suggested.json.options?.map((o) => o.value)).toEqual(['Europe/Berlin']);
    const values = (zone: string) => [
      { block: 'time', id: 'time', value: '07:15' },
      { block: 'zone', id: 'options:timezone', value: zone },
      { block: 'days', id: 'days', value: 'daily' },
    ];
    const refused = await send({
      platform: 'slack',
      person: 'ada',
      submit: { modal: modal.id, values: values('Asia/Tokyo') },
    });
    expect((refused.json.modal as { errors?: Json } | undefined)?.errors).toEqual({
      zone: 'Please select an option from the menu.',
    });

    const { last } = await events();
    const submitted = await send({
      platform: 'slack',
      person: 'ada',
      submit: { modal: modal.id, values: values('Europe/Berlin') },
    });
    expect(submitted.json.closed).toBe(true);
    const posted = await messageSince(last, 'slack', /Daily question at 07:15 Europe\/Berlin, every day/);
    expect(posted.visibleTo).toBeUndefined();
    // The page's daily panel still reads the subscription (asked as someone who sees it, not a form).
    const daily = (await (await fetch(`${bot.url}/playground/daily?platform=slack`)).json()) as {
      status: string;
    };
    expect(daily.status).toMatch(/^Daily question here at 07:15 Europe\/Berlin, every day\./);
  });

  it('Discord: Ada’s modal of Labels submits with the picked days, and posts for everyone', async () => {
    const opened = await send({ platform: 'discord', person: 'ada', text: '/studybot subscribe' });
    const modal = opened.json.modal!;
    expect(modal.data!.components.map((c) => c.type)).toEqual([10, 18, 18, 18]);
    const { last } = await events();
    const submitted = await send({
      platform: 'discord',
      person: 'ada',
      submit: {
        modal: modal.id,
        values: [
          { id: 'time', value: '8:05' },
          { id: 'zone', value: 'america/chicago' },
          { id: 'days', value: 'weekdays' },
        ],
      },
    });
    expect(submitted.json.closed).toBe(true);
    await messageSince(last, 'discord', /Daily question at 08:05 America\/Chicago, Monday to Friday/);
  });

  it('Slack: unsubscribe asks first; Unsubscribe stops it, in place of the confirm', async () => {
    const { last } = await events();
    await send({ platform: 'slack', person: 'ada', text: '/studybot unsubscribe' });
    const confirm = await messageSince(last, 'slack', /Stop the daily question\?/);
    const stop = /"(unsub:[^"]+)"/.exec(JSON.stringify(confirm.body))![1]!;
    const before = (await events()).last;
    await send({
      platform: 'slack',
      person: 'ada',
      click: { action: stop, values: [], messageId: confirm.messageId, ephemeral: true },
    });
    const stopped = await messageSince(before, 'slack', /Daily questions stopped in this channel/);
    expect(stopped.kind).toBe('update');
  });
});

describe('the recommend form in the playground', () => {
  it.each(['slack', 'discord'] as const)(
    '%s: `recommend` alone opens the form; submitting answers it',
    async (platform) => {
      const opened = await send({ platform, person: 'grace', text: '/studybot recommend' });
      const modal = opened.json.modal!;
      expect(modal.platform).toBe(platform);
      const { last } = await events();
      const submitted = await send({
        platform,
        person: 'grace',
        submit: {
          modal: modal.id,
          values: [{ block: 'text', id: 'text', value: '20 MB documents, results within 30 minutes' }],
        },
      });
      expect(submitted.json.closed).toBe(true);
      await messageSince(last, platform, /I read: 20 MB per request/);
    },
  );
});
