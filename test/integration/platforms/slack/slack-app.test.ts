import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalBot, startLocalBot } from '../../../../src/local/local-bot.ts';
import { PICKER_BLOCK_ID, PICKER_CHECKBOXES_ID } from '../../../../src/platforms/slack/render.ts';
import { createDocumentClient } from '../../../../src/store/table.ts';
import { dynamoTargets } from '../../../support/dynamo.ts';
import { type FakeSlackApi, type SlackCall, startFakeSlackApi } from '../../../support/fake-slack-api.ts';
import { blockActionsBody, postSlack, slashCommandBody } from '../../../support/platform-requests.ts';
import { testConfig } from '../../../support/test-config.ts';

/**
 * The Slack app end to end: real signed Slack requests to the local server, the real bot on a
 * real DynamoDB-compatible store, and a local fake of the Slack Web API.
 */
const NOW = new Date('2026-03-02T09:00:00Z'); // a Monday
const TS = Math.floor(NOW.getTime() / 1000);

type Block = Record<string, unknown> & { type: string };
interface Element {
  type: string;
  action_id?: string;
  value?: string;
  options?: { value: string }[];
}

/** Every interactive element of a Block Kit message, accessories included. */
function elements(blocks: unknown): Element[] {
  const out: Element[] = [];
  for (const b of (blocks ?? []) as Block[]) {
    if (b.accessory) out.push(b.accessory as Element);
    if (Array.isArray(b.elements)) out.push(...(b.elements as Element[]).filter((e) => 'action_id' in e));
  }
  return out;
}
const actionIds = (blocks: unknown) => elements(blocks).map((e) => e.action_id ?? '');

/** How to answer a rendered question: the click's action and the form state it carries. */
function answerFor(
  blocks: unknown,
  prefix: 'q' | 'r',
): { action: Record<string, unknown>; state: Record<string, Record<string, unknown>>; pickerAction: string } {
  const els = elements(blocks);
  const checkboxes = els.find((e) => e.type === 'checkboxes');
  if (checkboxes) {
    const submit = els.find((e) => e.type === 'button' && e.action_id?.startsWith(`${prefix}:`))!;
    const picked = (checkboxes.options ?? []).slice(0, 2);
    return {
      action: { type: 'button', action_id: submit.action_id },
      state: {
        [PICKER_BLOCK_ID]: { [PICKER_CHECKBOXES_ID]: { type: 'checkboxes', selected_options: picked } },
      },
      pickerAction: submit.action_id!,
    };
  }
  const choice = els.find((e) => e.type === 'button' && e.action_id?.startsWith(`${prefix}:`))!;
  const pickerAction = choice.action_id!.split(':').slice(0, 2).join(':');
  return {
    action: { type: 'button', action_id: choice.action_id, value: choice.value },
    state: {},
    pickerAction,
  };
}

const text = (call: SlackCall | undefined) => JSON.stringify(call?.args.blocks ?? call?.args.text ?? '');

describe.each(dynamoTargets)('Slack app on $name', (target) => {
  let slack: FakeSlackApi;
  let local: LocalBot;
  const scanAll = async () => {
    const client = createDocumentClient({ endpoint: local.dynamoEndpoint, region: 'us-east-1' });
    const out = await client.send(
      new ScanCommand({ TableName: local.config.tableName, ConsistentRead: true }),
    );
    return (out.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
  };

  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
    const config = testConfig(target, { SLACK_API_URL: slack.apiUrl, SLACK_ADMIN_USER_IDS: 'UADMIN' });
    local = await startLocalBot(config, { persist: false, now: () => NOW });
  });
  afterAll(async () => {
    await local?.close();
    await slack?.close();
  });
  beforeEach(() => slack.reset());

  const command = async (commandText: string, fields: Record<string, string> = {}) => {
    const res = await postSlack(local.url, slashCommandBody({ text: commandText, ...fields }), {
      timestamp: TS,
    });
    expect(res.status).toBe(200);
    const raw = await res.text();
    return (raw ? JSON.parse(raw) : undefined) as
      | { response_type?: string; text?: string; blocks?: unknown }
      | undefined;
  };
  const click = async (
    options: Parameters<typeof blockActionsBody>[0],
    headers: Record<string, string> = {},
  ) => {
    const res = await postSlack(local.url, blockActionsBody(options), { timestamp: TS, headers });
    expect(res.status).toBe(200);
  };

  it.each([
    ['help', 'help', '/studybot recommend'],
    ['an unknown subcommand', 'frobnicate', 'I don\'t know \\"frobnicate\\"'],
    ['a bad leaderboard period', 'leaderboard month', 'not a leaderboard period'],
    ['an unreadable subscribe argument', 'subscribe at-nine', "I couldn't read"],
  ])('answers %s privately with usage help', async (_label, input, expected) => {
    const body = await command(input);
    expect(body?.response_type).toBe('ephemeral');
    expect(JSON.stringify(body)).toContain(expected);
    expect(JSON.stringify(body?.blocks)).toContain('/studybot quiz');
  });

  it('posts a quiz question to the channel with one button per choice (or ticks and a submit) and "0 answered"', async () => {
    const body = await command('quiz');
    expect(body?.response_type ?? 'none').not.toBe('in_channel');
    const [post] = slack.calls('chat.postMessage');
    expect(post?.args.channel).toBe('C0001');
    expect(actionIds(post?.args.blocks).some((id) => /^q:[^:]+/.test(id))).toBe(true);
    expect(text(post)).toContain('0 answered');
  });

  it('counts an answer click delivered four times (a retry and a double click) exactly once', async () => {
    await command('quiz');
    const [post] = slack.calls('chat.postMessage');
    const answer = answerFor(post?.args.blocks, 'q');
    const deliver = (retry?: number) =>
      click(
        {
          action: answer.action,
          state: answer.state,
          responseUrl: slack.responseUrl('quiz'),
          messageTs: '1700000000.000100',
        },
        retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {},
      );
    const progressBefore = await command('progress');
    await deliver();
    const [feedback] = slack.calls('response_url');
    expect(feedback?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const [update] = slack.calls('chat.update');
    expect(update?.args).toMatchObject({ channel: 'C0001', ts: '1700000000.000100' });
    expect(text(update)).toContain('1 answered');
    expect(text(update)).not.toContain('ada');
    const boardOnce = await command('leaderboard all');
    const progressOnce = await command('progress');
    expect(progressOnce).not.toEqual(progressBefore);

    await Promise.all([deliver(1), deliver(2), deliver(3)]);
    for (const u of slack.calls('chat.update')) expect(text(u)).toContain('1 answered');
    expect(await command('leaderboard all')).toEqual(boardOnce);
    expect(await command('progress')).toEqual(progressOnce);
  });

  it('runs a private study session: a card, feedback with a next button, then the next card', async () => {
    const body = await command('study');
    expect(body?.response_type).toBe('ephemeral');
    const answer = answerFor(body?.blocks, 'r');
    await click({
      action: answer.action,
      state: answer.state,
      responseUrl: slack.responseUrl('study'),
      ephemeral: true,
    });
    const [feedback] = slack.calls('response_url');
    expect(feedback?.args).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(actionIds(feedback?.args.blocks)).toContain('next');
    expect(slack.calls('chat.update')).toEqual([]);
    expect(slack.calls('chat.postMessage')).toEqual([]);

    slack.reset();
    await click({
      action: { type: 'button', action_id: 'next' },
      responseUrl: slack.responseUrl('study'),
      ephemeral: true,
    });
    const [next] = slack.calls('response_url');
    expect(next?.args).toMatchObject({ response_type: 'ephemeral' });
    expect(actionIds(next?.args.blocks).some((id) => id.startsWith('r:'))).toBe(true);
  });

  it('recommends privately with a share button, and sharing posts it to the channel', async () => {
    const body = await command('recommend 20 MB documents, results within 30 minutes, about 500 a day');
    expect(body?.response_type).toBe('ephemeral');
    const share = actionIds(body?.blocks).find((id) => id.startsWith('share:'));
    expect(share).toBeDefined();
    expect(slack.calls('chat.postMessage')).toEqual([]);
    await click({
      action: { type: 'button', action_id: share },
      responseUrl: slack.responseUrl('rec'),
      ephemeral: true,
    });
    const [posted] = slack.calls('chat.postMessage');
    // On failure, show what the bot said privately instead.
    expect(posted?.args.channel, String(slack.calls('response_url')[0]?.args.text)).toBe('C0001');
  });

  it.each(['leaderboard', 'leaderboard week', 'leaderboard all', 'progress', 'subscribe'])(
    'answers `%s` only to the person',
    async (input) => {
      const body = await command(input);
      expect(body?.response_type).toBe('ephemeral');
      expect(body?.text).toBeTruthy();
      expect(slack.calls('chat.postMessage')).toEqual([]);
    },
  );

  it('lets an admin subscribe and unsubscribe the channel; a member asking changes nothing', async (ctx) => {
    // Subscriptions belong to the daily scheduler's issue; until it is wired the bot says so.
    if (JSON.stringify(await command('subscribe')).includes('not set up')) ctx.skip();
    slack.reset();
    slack.setUser('U0009', { is_admin: false });
    const before = await scanAll();
    const refused = await command('subscribe 09:00 Europe/Berlin weekdays', { user_id: 'U0009' });
    expect(refused?.response_type).toBe('ephemeral');
    expect(slack.calls('users.info').map((c) => c.args.user)).toEqual(['U0009']);
    expect(slack.calls('chat.postMessage')).toEqual([]);
    expect(await scanAll()).toEqual(before);

    slack.setUser('U0008', { is_admin: true });
    const shown = await command('subscribe 09:00 Europe/Berlin weekdays', { user_id: 'U0008' });
    const said = JSON.stringify(shown ?? slack.calls('chat.postMessage')[0]?.args);
    expect(said).toMatch(/09:00/);
    expect(await scanAll()).not.toEqual(before);
    expect(JSON.stringify(await command('subscribe'))).toMatch(/09:00/);

    // Unsubscribing asks first; only the confirm click stops it.
    const confirm = await command('unsubscribe', { user_id: 'UADMIN' });
    expect(JSON.stringify(confirm)).toMatch(/Stop the daily question\?/);
    expect(JSON.stringify(await command('subscribe'))).toMatch(/09:00/);
    const stop = actionIds(confirm?.blocks).find((id) => id.startsWith('unsub:'))!;
    await click({
      action: { type: 'button', action_id: stop },
      responseUrl: slack.responseUrl('unsub'),
      ephemeral: true,
      user: { id: 'UADMIN', username: 'admin' },
    });
    const gone = slack.calls('response_url').find((c) => c.path === 'unsub');
    expect(JSON.stringify(gone?.args)).toMatch(/Daily questions stopped/);
    expect(JSON.stringify(await command('subscribe'))).toMatch(/This channel has no daily question/);
  });

  it('refuses forged requests with 401 and changes nothing: no store write, no Slack call', async () => {
    await command('quiz');
    const [post] = slack.calls('chat.postMessage');
    const answer = answerFor(post?.args.blocks, 'q');
    slack.reset();
    const before = await scanAll();
    const forged = [
      postSlack(local.url, slashCommandBody({ text: 'quiz' }), { timestamp: TS, secret: 'not-the-secret' }),
      postSlack(
        local.url,
        blockActionsBody({ ...answer, responseUrl: slack.responseUrl(), user: { id: 'U0666' } }),
        {
          timestamp: TS,
          secret: 'not-the-secret',
        },
      ),
      postSlack(
        local.url,
        blockActionsBody({ ...answer, responseUrl: slack.responseUrl(), user: { id: 'U0667' } }),
        {
          timestamp: TS - 6 * 60,
        },
      ),
      postSlack(local.url, slashCommandBody({ text: 'unsubscribe', user_id: 'UADMIN' }), {
        timestamp: TS,
        headers: { 'x-slack-signature': `v0=${'0'.repeat(64)}` },
      }),
    ];
    for (const res of await Promise.all(forged)) expect(res.status).toBe(401);
    expect(slack.calls()).toEqual([]);
    expect(await scanAll()).toEqual(before);
  });

  it('publishes the App Home tab with your progress and the boards of channels you answer in', async () => {
    await command('quiz', { channel_id: 'C0HOME' });
    const [post] = slack.calls('chat.postMessage');
    const answer = answerFor(post?.args.blocks, 'q');
    await click({
      action: answer.action,
      state: answer.state,
      responseUrl: slack.responseUrl('home'),
      channelId: 'C0HOME',
    });
    slack.reset();
    const body = JSON.stringify({
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: TS,
      event: { type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home', event_ts: '1.2' },
    });
    const res = await postSlack(local.url, body, { timestamp: TS, contentType: 'application/json' });
    expect(res.status).toBe(200);
    const [publish] = slack.calls('views.publish');
    expect(publish?.args.user_id).toBe('U0001');
    expect(publish?.args.view).toMatchObject({ type: 'home' });
    const view = JSON.stringify(publish?.args.view);
    expect(view).toContain('Your progress');
    expect(view).toContain('<#C0HOME>');
    expect(view).toMatch(/This week/);
    expect(slack.calls('auth.test')).toEqual([]);
  });
});
