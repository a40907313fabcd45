import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { questionsById } from '../../../../src/content/index.ts';
import { runLocalPass } from '../../../../src/daily/local.ts';
import { createDailyRunnerFromConfig } from '../../../../src/daily/runner.ts';
import { type LocalBot, startLocalBot } from '../../../../src/local/local-bot.ts';
import { PICKER_BLOCK_ID, PICKER_CHECKBOXES_ID } from '../../../../src/platforms/slack/render.ts';
import { NAME_TTL_MS } from '../../../../src/platforms/slack/user-names.ts';
import { createDocumentClient } from '../../../../src/store/table.ts';
import { dynamoTargets } from '../../../support/dynamo.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../../support/fake-slack-api.ts';
import { blockActionsBody, postSlack, slashCommandBody } from '../../../support/platform-requests.ts';
import { testConfig } from '../../../support/test-config.ts';

/**
 * The names Slack boards show, end to end: signed Slack requests to the local server, the real bot
 * on a real DynamoDB-compatible store, and the fake Slack Web API answering users.info with
 * profiles. Boards show the display name, else the real name, else the handle; never a mention.
 * The clock is the test's, so the one-hour name cache can be stepped past.
 */
const START = new Date('2026-03-02T09:00:00Z'); // a Monday; every step stays in this ISO week

type Block = Record<string, unknown> & { type: string };
interface Element {
  type: string;
  action_id?: string;
  value?: string;
  options?: { value: string }[];
}
interface Person {
  id: string;
  username: string;
}
type Reply = { response_type?: string; text?: string; blocks?: unknown };

function elements(blocks: unknown): Element[] {
  const out: Element[] = [];
  for (const b of (blocks ?? []) as Block[]) {
    if (b.accessory) out.push(b.accessory as Element);
    if (Array.isArray(b.elements)) out.push(...(b.elements as Element[]).filter((e) => 'action_id' in e));
  }
  return out;
}

/** The click that answers a rendered channel question right: its button, or its ticks and submit. */
function rightAnswer(blocks: unknown): Pick<Parameters<typeof blockActionsBody>[0], 'action' | 'state'> {
  const els = elements(blocks);
  const first = els.find((e) => e.action_id?.startsWith('q:'));
  const questionId = first?.action_id?.split(':')[2] ?? '';
  const q = questionsById.get(questionId);
  if (!q) throw new Error(`no question in ${first?.action_id}`);
  if (els.some((e) => e.type === 'checkboxes')) {
    return {
      action: { type: 'button', action_id: first!.action_id },
      state: {
        [PICKER_BLOCK_ID]: {
          [PICKER_CHECKBOXES_ID]: {
            type: 'checkboxes',
            selected_options: q.answer.map((value) => ({ value })),
          },
        },
      },
    };
  }
  const right = els.find((e) => e.action_id?.endsWith(`:${q.answer[0]}`))!;
  return { action: { type: 'button', action_id: right.action_id, value: right.value }, state: {} };
}

describe.each(dynamoTargets)('Slack display names on $name', (target) => {
  let slack: FakeSlackApi;
  let local: LocalBot;
  let clock = START;
  const ts = () => Math.floor(clock.getTime() / 1000);
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
    const config = testConfig(target, { SLACK_API_URL: slack.apiUrl, SLACK_ADMIN_USER_IDS: 'UADMIN' });
    local = await startLocalBot(config, { persist: false, now: () => clock });
  });
  afterAll(async () => {
    await local?.close();
    await slack?.close();
  });
  beforeEach(() => slack.reset());

  const command = async (text: string, fields: Record<string, string> = {}): Promise<Reply | undefined> => {
    const res = await postSlack(local.url, slashCommandBody({ text, ...fields }), { timestamp: ts() });
    expect(res.status).toBe(200);
    const raw = await res.text();
    return raw ? (JSON.parse(raw) as Reply) : undefined;
  };
  /** Posts a quiz to the channel and returns its blocks as Slack received them. */
  const quiz = async (channel: string) => {
    await command('quiz', { channel_id: channel });
    const post = slack
      .calls('chat.postMessage')
      .filter((c) => c.args.channel === channel)
      .at(-1);
    expect(post).toBeDefined();
    return post!.args.blocks;
  };
  /** The person answers the question right; returns their private feedback. */
  const answer = async (blocks: unknown, who: Person, channel: string) => {
    const responseUrl = slack.responseUrl(`${who.id}-${slack.calls().length}`);
    const res = await postSlack(
      local.url,
      blockActionsBody({ ...rightAnswer(blocks), responseUrl, user: who, channelId: channel }),
      { timestamp: ts() },
    );
    expect(res.status).toBe(200);
    const feedback = slack.calls('response_url').find((c) => responseUrl.endsWith(c.path));
    expect(feedback, 'the answer got its private feedback').toBeDefined();
    return JSON.stringify(feedback!.args);
  };
  const board = async (channel: string, period: 'week' | 'all') => {
    const reply = await command(`leaderboard ${period}`, { channel_id: channel });
    expect(reply?.response_type).toBe('ephemeral');
    return { text: reply?.text ?? '', blocks: JSON.stringify(reply?.blocks ?? []) };
  };
  const lookups = (userId: string) => slack.calls('users.info').filter((c) => c.args.user === userId);
  const memberItem = async (channel: string, userId: string) => {
    const client = createDocumentClient({ endpoint: local.dynamoEndpoint, region: 'us-east-1' });
    const out = await client.send(
      new ScanCommand({ TableName: local.config.tableName, ConsistentRead: true }),
    );
    return (out.Items ?? []).find((i) => String(i.pk).endsWith(`#${channel}`) && i.sk === `M#${userId}`);
  };

  it('shows the display name, else the real name, else the handle, on both boards, and mentions no one', async () => {
    const ada = { id: 'U1ADA', username: 'ada' };
    const grace = { id: 'U1GRACE', username: 'grace' };
    const linus = { id: 'U1LINUS', username: 'linus' };
    slack.setProfile(ada.id, { displayName: 'Ada Lovelace', realName: 'Augusta Ada King', handle: 'ada' });
    slack.setProfile(grace.id, { displayName: '', realName: 'Grace Hopper', handle: 'grace' });
    slack.setProfile(linus.id, { handle: 'linus' });
    const blocks = await quiz('C1NAMES');
    for (const who of [ada, grace, linus]) await answer(blocks, who, 'C1NAMES');

    for (const period of ['week', 'all'] as const) {
      const { text, blocks: shown } = await board('C1NAMES', period);
      expect(text).toMatch(/Ada Lovelace \d+/);
      expect(text).toMatch(/Grace Hopper \d+/);
      expect(text).toMatch(/linus \d+/);
      expect(text).not.toMatch(/\bada\b|\bgrace\b|Augusta/);
      expect(shown).toMatch(/\*Ada Lovelace\* — \d+ pts?/);
      expect(shown).toMatch(/\*Grace Hopper\* — \d+ pts?/);
      expect(`${text}${shown}`).not.toMatch(/<@|U1ADA|U1GRACE|U1LINUS/);
    }
    expect((await memberItem('C1NAMES', ada.id))?.userName).toBe('Ada Lovelace');
  });

  it('asks users.info at most once per person within the cache TTL, however many clicks', async () => {
    const ada = { id: 'U2ADA', username: 'ada' };
    slack.setProfile(ada.id, { displayName: 'Ada Lovelace', handle: 'ada' });
    for (let i = 0; i < 3; i++) {
      const blocks = await quiz('C2CACHE');
      await answer(blocks, ada, 'C2CACHE');
      // A repeated click of the same answer is one more click, and no more lookups.
      await answer(blocks, ada, 'C2CACHE');
      await command('leaderboard', { channel_id: 'C2CACHE', user_id: ada.id });
      advance(5 * 60 * 1000);
    }
    expect(lookups(ada.id)).toHaveLength(1);

    advance(NAME_TTL_MS);
    await answer(await quiz('C2CACHE'), ada, 'C2CACHE');
    expect(lookups(ada.id)).toHaveLength(2);
  });

  it('shows a rename on the board after the person’s next answer, in every view', async () => {
    const kj = { id: 'U3KJ', username: 'kj' };
    slack.setProfile(kj.id, { displayName: 'Katherine Johnson', handle: 'kj' });
    await answer(await quiz('C3RENAME'), kj, 'C3RENAME');
    expect((await board('C3RENAME', 'week')).text).toContain('Katherine Johnson');

    slack.setProfile(kj.id, { displayName: 'Katherine G. Johnson', handle: 'kj' });
    advance(NAME_TTL_MS + 60 * 1000);
    // Looking at the board does not rename anyone; the next answer does.
    expect((await board('C3RENAME', 'week')).text).toContain('Katherine Johnson');
    await answer(await quiz('C3RENAME'), kj, 'C3RENAME');
    for (const period of ['week', 'all'] as const) {
      const { text, blocks } = await board('C3RENAME', period);
      expect(text).toContain('Katherine G. Johnson');
      expect(`${text}${blocks}`).not.toContain('Katherine Johnson');
    }
    expect((await memberItem('C3RENAME', kj.id))?.userName).toBe('Katherine G. Johnson');

    // A changed handle is a rename Slack has told us about: looked up at once, inside the TTL.
    slack.setProfile(kj.id, { displayName: 'K. Johnson', handle: 'kjohnson' });
    await answer(await quiz('C3RENAME'), { id: kj.id, username: 'kjohnson' }, 'C3RENAME');
    expect((await board('C3RENAME', 'all')).text).toContain('K. Johnson');
    expect((await board('C3RENAME', 'all')).text).not.toContain('Katherine');
  });

  it('still records the answer when users.info fails: the handle for someone new, the last name for someone known', async () => {
    const margaret = { id: 'U4MH', username: 'margaret' };
    slack.setProfile(margaret.id, { displayName: 'Margaret Hamilton', handle: 'margaret' });
    slack.fail('users.info', { status: 429, retryAfter: 1 });
    const feedback = await answer(await quiz('C4FAIL'), margaret, 'C4FAIL');
    expect(feedback).toMatch(/correct/i);
    expect(feedback).not.toMatch(/slow down|try again/i);
    const first = await board('C4FAIL', 'all');
    expect(first.text).toMatch(/margaret [1-9]/);

    // The next answer after the failure window shows the real name.
    advance(2 * 60 * 1000);
    await answer(await quiz('C4FAIL'), margaret, 'C4FAIL');
    expect((await board('C4FAIL', 'all')).text).toMatch(/Margaret Hamilton [1-9]/);

    // Known, cache expired, Slack erroring: the answer counts and the name stays.
    advance(NAME_TTL_MS + 60 * 1000);
    slack.fail('users.info', { error: 'internal_error' });
    const before = Number(/Margaret Hamilton (\d+)/.exec((await board('C4FAIL', 'all')).text)?.[1]);
    await answer(await quiz('C4FAIL'), margaret, 'C4FAIL');
    const after = (await board('C4FAIL', 'all')).text;
    expect(Number(/Margaret Hamilton (\d+)/.exec(after)?.[1])).toBeGreaterThan(before);
    expect(after).not.toMatch(/\bmargaret\b/);
    expect(lookups(margaret.id)).toHaveLength(3);
  });

  it('shows the same name in the daily recap’s top 3 and on the App Home boards', async () => {
    const dv = { id: 'U5DV', username: 'dorothy' };
    slack.setProfile(dv.id, { displayName: 'Dorothy Vaughan', handle: 'dorothy' });
    clock = new Date('2026-03-03T08:00:00Z'); // Tuesday
    await command('subscribe 09:00 UTC daily', { channel_id: 'C5DAILY', user_id: 'UADMIN' });
    const runner = createDailyRunnerFromConfig(local.config);

    clock = new Date('2026-03-03T09:01:00Z');
    await runLocalPass(runner, clock);
    const today = slack
      .calls('chat.postMessage')
      .filter((c) => c.args.channel === 'C5DAILY')
      .at(-1);
    expect(JSON.stringify(today?.args.blocks)).toContain('Question of the day');
    await answer(today!.args.blocks, dv, 'C5DAILY');

    clock = new Date('2026-03-04T09:01:00Z'); // Wednesday: today's post carries yesterday's recap
    await runLocalPass(runner, clock);
    const recap = slack
      .calls('chat.postMessage')
      .filter((c) => c.args.channel === 'C5DAILY')
      .at(-1);
    const recapText = JSON.stringify(recap?.args.blocks);
    expect(recapText).toContain('top 3');
    expect(recapText).toMatch(/\*Dorothy Vaughan\* — [1-9]\d* pts?/);
    expect(recapText).not.toMatch(/\bdorothy\b|<@/);

    const home = JSON.stringify({
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: 'Ev5',
      event_time: ts(),
      event: { type: 'app_home_opened', user: dv.id, channel: 'D5', tab: 'home', event_ts: '1.2' },
    });
    const res = await postSlack(local.url, home, { timestamp: ts(), contentType: 'application/json' });
    expect(res.status).toBe(200);
    const view = JSON.stringify(slack.calls('views.publish').at(-1)?.args.view);
    expect(view).toContain('<#C5DAILY>');
    expect(view).toMatch(/\*Dorothy Vaughan\* — [1-9]\d* pts?/);
    expect(view).not.toMatch(/\bdorothy\b|<@/);
  });
});
