import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, BotAction } from '../../../../src/app/bot.ts';
import type { Command } from '../../../../src/app/commands.ts';
import { ephemeral, type Message, type Outcome } from '../../../../src/app/reply.ts';
import { InputError } from '../../../../src/errors.ts';
import { startHttpServer } from '../../../../src/local/server.ts';
import { createSlackHandler, type SlackBot } from '../../../../src/platforms/slack/app.ts';
import { PICKER_BLOCK_ID, PICKER_CHECKBOXES_ID } from '../../../../src/platforms/slack/render.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../../support/fake-slack-api.ts';
import {
  blockActionsBody,
  postSlack,
  slackHeaders,
  slashCommandBody,
  TEST_SLACK_SECRET,
} from '../../../support/platform-requests.ts';

/**
 * The adapter against a scripted bot that follows the Bot contract: what Slack sends in, which
 * bot call it becomes, and which Web API calls and responses come out.
 */
const question = (answered: number, mode: 'single' | 'multiple' = 'single'): Message => ({
  text: 'Which autoscaling set-up handles both?',
  title: 'Daily question',
  sections: [{ lines: ['Which autoscaling set-up handles both?'] }],
  picker: {
    mode,
    action: 'q:P1',
    pick: mode === 'multiple' ? 2 : undefined,
    choices: [
      { id: 'a', label: 'A', text: 'Scheduled scaling plus target tracking' },
      { id: 'b', label: 'B', text: 'Scheduled scaling alone' },
      { id: 'c', label: 'C', text: 'Step scaling on 4XX errors' },
    ],
  },
  footer: `${answered} answered`,
});

class ScriptedBot implements SlackBot {
  commands: { actor: Actor; command: Command }[] = [];
  actions: { actor: Actor; action: BotAction }[] = [];
  fail = false;

  async command(actor: Actor, command: Command): Promise<Outcome> {
    this.commands.push({ actor, command });
    if (this.fail) throw new Error('table studybot does not exist (internal detail)');
    if (command.name === 'quiz') return { reply: { visibility: 'channel', message: question(0) } };
    if (command.name === 'subscribe' && !actor.canManageChannel) {
      return ephemeral({
        text: 'Only admins can change this.',
        sections: [{ lines: ['Only admins can change this.'] }],
      });
    }
    if (command.name === 'subscribe') {
      return { reply: { visibility: 'channel', message: { text: 'Daily question at 09:00', sections: [] } } };
    }
    if (command.name === 'recommend' && !command.text) throw new InputError('Tell me about the workload.');
    return ephemeral({ text: `${command.name} for ${actor.userId}`, sections: [{ lines: [command.name] }] });
  }

  async action(actor: Actor, action: BotAction): Promise<Outcome> {
    this.actions.push({ actor, action });
    if (action.id.startsWith('q:')) {
      return {
        reply: {
          visibility: 'ephemeral',
          message: { text: 'Right!', sections: [{ lines: ['**Right!**'] }] },
        },
        updateSource: question(1),
      };
    }
    if (action.id.startsWith('share:')) {
      return { reply: { visibility: 'channel', message: { text: 'Recommendation', sections: [] } } };
    }
    return ephemeral({
      text: 'Next card',
      sections: [{ lines: ['Next card'] }],
      buttons: [{ action: 'next', label: 'Next review' }],
    });
  }
}

/** A slash command's HTTP answer. */
type SlackAnswer = { response_type?: string; text?: string; blocks?: unknown };

const NOW = new Date('2026-03-02T09:00:00Z');
const nowTs = () => Math.floor(NOW.getTime() / 1000);

describe('Slack adapter', () => {
  let slack: FakeSlackApi;
  let bot: ScriptedBot;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
    bot = new ScriptedBot();
    const handler = createSlackHandler({
      bot,
      signingSecret: TEST_SLACK_SECRET,
      botToken: 'xoxb-test',
      apiUrl: slack.apiUrl,
      adminUserIds: ['UADMIN'],
      now: () => NOW,
    });
    const started = await startHttpServer([{ method: 'POST', path: '/slack/events', handler }], 0);
    url = started.url;
    close = () => new Promise((resolve) => started.server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
    await slack.close();
  });
  beforeEach(() => {
    slack.reset();
    bot.commands = [];
    bot.actions = [];
    bot.fail = false;
  });

  const command = (text: string, fields: Record<string, string> = {}) =>
    postSlack(url, slashCommandBody({ text, ...fields }), { timestamp: nowTs() });
  const click = (options: Parameters<typeof blockActionsBody>[0], headers: Record<string, string> = {}) =>
    postSlack(url, blockActionsBody(options), { timestamp: nowTs(), headers });

  describe("Slack's published signing example", () => {
    const secret = '8f742231b10e8888abcd99yyyzzz85a5';
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': '1531420618',
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    };
    const handlerAt = (now: Date, exampleBot: SlackBot) =>
      createSlackHandler({
        bot: exampleBot,
        signingSecret: secret,
        botToken: 'xoxb-x',
        apiUrl: slack.apiUrl,
        adminUserIds: [],
        now: () => now,
      });
    const event = { headers, body, isBase64Encoded: false } as never;

    it('is accepted at its own timestamp and answered with help', async () => {
      const exampleBot = new ScriptedBot();
      const res = (await handlerAt(new Date(1531420618 * 1000 + 30_000), exampleBot)(event)) as {
        statusCode: number;
        body: string;
      };
      expect(res.statusCode).toBe(200);
      expect(JSON.parse(res.body).response_type).toBe('ephemeral');
      expect(exampleBot.commands).toEqual([expect.objectContaining({ command: { name: 'help' } })]);
    });

    it('is refused as stale today and reaches nothing', async () => {
      const exampleBot = new ScriptedBot();
      const res = (await handlerAt(new Date(), exampleBot)(event)) as { statusCode: number };
      expect(res.statusCode).toBe(401);
      expect(exampleBot.commands).toEqual([]);
      expect(slack.calls()).toEqual([]);
    });
  });

  it('checks the signature with the injected clock: a request signed 6 minutes before it is refused', async () => {
    const res = await postSlack(url, slashCommandBody({ text: 'help' }), { timestamp: nowTs() - 6 * 60 });
    expect(res.status).toBe(401);
    expect(bot.commands).toEqual([]);
  });

  it('accepts a form body whose content type carries a charset', async () => {
    const res = await postSlack(url, slashCommandBody({ text: 'progress' }), {
      timestamp: nowTs(),
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as SlackAnswer).text).toBe('progress for U0001');
  });

  it('posts a quiz to the channel with the bot token and answers the command with an empty ack', async () => {
    const res = await command('quiz');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [post] = slack.calls('chat.postMessage');
    expect(post?.headers.authorization).toBe('Bearer xoxb-test');
    expect(post?.args.channel).toBe('C0001');
    expect(JSON.stringify(post?.args.blocks)).toContain('"action_id":"q:P1:b"');
    expect(bot.commands[0]?.actor).toEqual({
      platform: 'slack',
      tenantId: 'T0001',
      channelId: 'C0001',
      userId: 'U0001',
      userName: 'ada',
      canManageChannel: false,
      // The delivery's own id, so the bot can tell a replay of this request from a new one.
      deliveryId: expect.stringMatching(/^slack-trigger-/),
    });
  });

  it('answers a click privately through response_url and updates the channel message count', async () => {
    const res = await click({
      action: { type: 'button', action_id: 'q:P1:b', value: 'b' },
      responseUrl: slack.responseUrl('c1'),
      messageTs: '111.222',
    });
    expect(res.status).toBe(200);
    expect(bot.actions).toEqual([expect.objectContaining({ action: { id: 'q:P1:b', values: [] } })]);
    const [update] = slack.calls('chat.update');
    expect(update?.args).toMatchObject({ channel: 'C0001', ts: '111.222' });
    expect(JSON.stringify(update?.args.blocks)).toContain('1 answered');
    const [reply] = slack.calls('response_url');
    expect(reply?.args).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Right!',
    });
  });

  it('submits the ticked choices of a multiple-answer question as values; ticking alone does nothing', async () => {
    const selected = {
      [PICKER_BLOCK_ID]: {
        [PICKER_CHECKBOXES_ID]: { type: 'checkboxes', selected_options: [{ value: 'a' }, { value: 'c' }] },
      },
    };
    await click({
      action: { type: 'checkboxes', action_id: PICKER_CHECKBOXES_ID, selected_options: [{ value: 'a' }] },
      responseUrl: slack.responseUrl(),
    });
    expect(bot.actions).toEqual([]);
    expect(slack.calls()).toEqual([]);
    await click({
      action: { type: 'button', action_id: 'q:P1' },
      responseUrl: slack.responseUrl(),
      state: selected,
    });
    expect(bot.actions.map((a) => a.action)).toEqual([{ id: 'q:P1', values: ['a', 'c'] }]);
  });

  it('replaces an ephemeral study card with the next one and never calls chat.update on it', async () => {
    await click({
      action: { type: 'button', action_id: 'next' },
      responseUrl: slack.responseUrl('s1'),
      ephemeral: true,
    });
    expect(slack.calls('chat.update')).toEqual([]);
    const [reply] = slack.calls('response_url');
    expect(reply?.args).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Next card',
    });
    expect(JSON.stringify(reply?.args.blocks)).toContain('"action_id":"next"');
  });

  it('shares a recommendation to the channel with chat.postMessage', async () => {
    await click({
      action: { type: 'button', action_id: 'share:R1' },
      responseUrl: slack.responseUrl(),
      ephemeral: true,
    });
    expect(slack.calls('chat.postMessage').map((c) => c.args.channel)).toEqual(['C0001']);
    expect(slack.calls('response_url')).toEqual([]);
  });

  it.each([
    ['an allow-listed user, without asking Slack', 'UADMIN', {}, 'subscribe 09:00', true, 0],
    ['a workspace admin, asking users.info', 'U0002', { is_admin: true }, 'subscribe 09:00 UTC', true, 1],
    ['a workspace owner', 'U0003', { is_owner: true }, 'unsubscribe', true, 1],
    ['a member', 'U0004', {}, 'unsubscribe', false, 1],
    // Alone, `subscribe` opens the form for whoever may change it, so Slack is asked.
    ['an admin opening the subscribe form', 'U0005', { is_admin: true }, 'subscribe', true, 1],
    ['a member asking for the subscription', 'U0008', {}, 'subscribe', false, 1],
    ['anyone asking for progress, without asking Slack', 'U0006', { is_admin: true }, 'progress', false, 0],
  ])('recognises %s', async (_label, userId, fields, text, canManage, lookups) => {
    slack.setUser(userId, fields);
    await command(text, { user_id: userId });
    expect(bot.commands[0]?.actor.canManageChannel).toBe(canManage);
    expect(slack.calls('users.info')).toHaveLength(lookups);
  });

  it('treats a failed admin lookup as "not an admin" and says so in one sentence', async () => {
    slack.fail('users.info', { error: 'missing_scope' });
    const res = await command('unsubscribe', { user_id: 'U0007' });
    const body = (await res.json()) as SlackAnswer;
    expect(bot.commands[0]?.actor.canManageChannel).toBe(false);
    expect(JSON.stringify(body.blocks)).toContain(
      "couldn't check with Slack whether you are a workspace admin",
    );
  });

  it('retries chat.postMessage after a 429 with Retry-After', async () => {
    slack.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const res = await command('quiz');
    expect(res.status).toBe(200);
    const posts = slack.calls('chat.postMessage');
    expect(posts).toHaveLength(2);
    // Waited as told; the budget that keeps this inside Slack's 3 seconds is tested in web-api.test.ts.
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('tells the person how to invite the bot when Slack says channel_not_found', async () => {
    slack.fail('chat.postMessage', { error: 'channel_not_found' });
    const body = (await (await command('quiz')).json()) as SlackAnswer;
    expect(body).toMatchObject({ response_type: 'ephemeral' });
    expect(body.text).toContain('/invite @StudyBot');
  });

  it.each([
    ['an unexpected failure', () => (bot.fail = true), 'Something went wrong on my side'],
    ['bad input', () => undefined, 'Tell me about the workload.'],
  ])('answers %s with a short sentence and no internals', async (_label, arrange, sentence) => {
    arrange();
    const body = (await (await command('recommend')).json()) as SlackAnswer;
    expect(body.text).toContain(sentence);
    expect(JSON.stringify(body)).not.toMatch(/internal detail|at .*\.ts/);
  });

  it('publishes the App Home tab when it is opened, and skips a retry of a timed-out delivery', async () => {
    const event = (retry?: Record<string, string>) => {
      const body = JSON.stringify({
        token: 'x',
        team_id: 'T0001',
        api_app_id: 'A0001',
        type: 'event_callback',
        event_id: 'Ev1',
        event_time: nowTs(),
        event: { type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home', event_ts: '1.2' },
      });
      return fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackHeaders(body, nowTs()), ...retry },
        body,
      });
    };
    expect((await event()).status).toBe(200);
    const [publish] = slack.calls('views.publish');
    expect(publish?.args.user_id).toBe('U0001');
    expect(publish?.args.view).toMatchObject({ type: 'home' });
    expect(bot.commands.map((c) => c.command.name)).toContain('progress');
    expect((await event({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(
      200,
    );
    expect(slack.calls('views.publish')).toHaveLength(1);
  });

  it('never calls auth.test, so a cold start waits on nothing it does not need', async () => {
    await command('help');
    await click({
      action: { type: 'button', action_id: 'next' },
      responseUrl: slack.responseUrl(),
      ephemeral: true,
    });
    expect(slack.calls('auth.test')).toEqual([]);
  });
});
