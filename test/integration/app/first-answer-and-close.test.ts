import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriptionService } from '../../../src/app/subscriptions.ts';
import { type Question, questionsById } from '../../../src/content/index.ts';
import { createDailyRunner } from '../../../src/daily/runner.ts';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import { createDocumentClient } from '../../../src/store/table.ts';
import { slackSees } from '../../support/as-seen.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';
import { blockActionsBody, postSlack, slashCommandBody } from '../../support/platform-requests.ts';
import { testConfig } from '../../support/test-config.ts';
import { startChaosFakes } from '../daily/harness.ts';

/**
 * A person's first answer to a post is a durable fact, and posts close. Driven through signed Slack
 * requests to the local server, with a clock the test moves, on every DynamoDB-compatible server.
 */
const START = new Date('2026-11-06T09:00:00Z'); // a Friday

describe.each(dynamoTargets)('first answers and closed posts on $name', (target) => {
  let slack: FakeSlackApi;
  let local: LocalBot;
  let store: DynamoStudyStore;
  let clock = START;
  const channel = { platform: 'slack' as const, tenantId: 'T0001', channelId: 'C0FARM' };
  const person = { platform: 'slack' as const, tenantId: 'T0001', userId: 'U0FARM' };

  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
    const config = testConfig(target, { SLACK_API_URL: slack.apiUrl });
    local = await startLocalBot(config, { persist: false, now: () => clock });
    store = new DynamoStudyStore(
      createDocumentClient({ endpoint: local.dynamoEndpoint, region: 'us-east-1' }),
      config.tableName,
    );
  });
  afterAll(async () => {
    await local?.close();
    await slack?.close();
  });

  const ts = () => Math.floor(clock.getTime() / 1000);

  async function click(actionId: string, checked?: string[]): Promise<{ seen: string; args: unknown }> {
    const before = slack.calls('response_url').length;
    const body = blockActionsBody({
      action: { type: 'button', action_id: actionId },
      responseUrl: slack.responseUrl(person.userId),
      user: { id: person.userId, username: 'farmer' },
      channelId: channel.channelId,
      ...(checked
        ? {
            state: {
              picker: {
                'picker-checkboxes': {
                  type: 'checkboxes',
                  selected_options: checked.map((value) => ({ value })),
                },
              },
            },
          }
        : {}),
    });
    expect((await postSlack(local.url, body, { timestamp: ts() })).status).toBe(200);
    for (let i = 0; i < 200 && slack.calls('response_url').length === before; i++)
      await new Promise((r) => setTimeout(r, 20));
    const args = slack.calls('response_url').at(-1)?.args;
    return { seen: slackSees(args), args };
  }

  /** Answers with the given choices: one button, or the checkboxes and submit. */
  const answer = (prefix: string, q: Question, choices: string[]) =>
    q.type === 'multiple' ? click(prefix, choices) : click(`${prefix}:${choices[0]}`);
  const wrongOf = (q: Question) =>
    q.choices
      .map((c) => c.id)
      .filter((id) => !q.answer.includes(id))
      .slice(0, q.answer.length);

  it('a right click on an old post, after the card was reviewed past its history and two days passed, scores nothing', async () => {
    // A weekday daily post on Friday stays open until Monday's: the window the farming used.
    const q = [...questionsById.values()].find((x) => x.type === 'single' && x.difficulty === 'hard')!;
    await store.createPost(channel, {
      postId: 'd20261106',
      questionId: q.id,
      postedAt: clock.toISOString(),
      timeZone: 'UTC',
      daily: true,
      answered: 0,
      correct: 0,
      counted: [],
      closesAt: new Date(START.getTime() + 3 * 86_400_000).toISOString(),
    });
    const first = await answer(`q:d20261106:${q.id}`, q, wrongOf(q));
    expect(first.seen).toMatch(/Not quite/);

    // Review the missed card in study until more answers were kept than the card holds (8).
    for (let i = 0; i < 10; i++) {
      clock = new Date(clock.getTime() + 11 * 60_000);
      const res = await postSlack(
        local.url,
        slashCommandBody({ text: 'study', user_id: person.userId, channel_id: channel.channelId }),
        { timestamp: ts() },
      );
      const review = new RegExp(`"(r:${q.id}:\\d+:[\\w-]{10})`).exec(await res.text())?.[1];
      if (!review) break;
      await click(`${review}:${wrongOf(q)[0]}`);
    }
    expect((await store.getCard(person, q.id))?.answers.some((a) => a.key === 'p:d20261106')).toBe(false);

    // Two days later, the bot's own right button on the old post.
    clock = new Date(START.getTime() + 2 * 86_400_000 + 3_600_000);
    const before = await store.getMember(channel, person.userId);
    for (let cycle = 0; cycle < 3; cycle++) {
      const late = await answer(`q:d20261106:${q.id}`, q, [...q.answer]);
      expect(late.seen).toMatch(/Your first answer stands/);
      expect(late.seen).toMatch(/Points\n0 \(already answered\)/);
    }
    const after = await store.getMember(channel, person.userId);
    expect(after?.score).toBe(before?.score);
    expect(after?.answered).toBe(before?.answered);
    expect((await store.getPost(channel, 'd20261106'))?.answered).toBe(1);
  });

  it('a click after a quiz post closed says so, shows the answer, changes no score and closes the post on screen', async () => {
    clock = new Date('2026-11-10T09:00:00Z');
    const before = slack.calls('chat.postMessage').length;
    const res = await postSlack(
      local.url,
      slashCommandBody({ text: 'quiz autoscaling', user_id: 'U0OTHER', channel_id: channel.channelId }),
      { timestamp: ts() },
    );
    expect(res.status).toBe(200);
    const posted = slack.calls('chat.postMessage').slice(before).at(-1)?.args;
    const seenPost = slackSees(posted);
    // Each reader sees the close time in their own zone (Slack's date token), not in UTC.
    expect(seenPost).toMatch(/Answers close Nov 11, 2026, 4:00 AM/);
    const action = /"(q:[^:"]+:[^:"]+)/.exec(JSON.stringify(posted))![1]!;
    const q = questionsById.get(action.split(':')[2]!)!;
    const member = await store.getMember(channel, person.userId);

    clock = new Date('2026-11-11T09:00:01Z');
    const late = await answer(action, q, [...q.answer]);
    expect(late.seen).toMatch(/This question has closed/);
    for (const a of q.answer) expect(late.seen).toContain(q.choices.find((c) => c.id === a)!.text);
    expect(await store.getMember(channel, person.userId)).toEqual(member);
    expect((await store.getPost(channel, action.split(':')[1]!))?.answered).toBe(0);
    // The shared post is replaced by its closed form: no buttons, the answer marked.
    const update = slack.calls('chat.update').at(-1)?.args as { blocks?: unknown[] } | undefined;
    expect(update).toBeDefined();
    const closed = slackSees(update);
    expect(closed).toMatch(/Question \(closed\)/);
    expect(closed).toMatch(/✅/);
    expect(JSON.stringify(update?.blocks)).not.toMatch(/"type":"button"/);
  });
});

describe.each(dynamoTargets)('daily posts close when the next one goes out, on $name', (target) => {
  it("edits yesterday's message to drop its buttons and show the answer", async () => {
    const fakes = await startChaosFakes();
    try {
      const { client, tableName } = await freshTable(target);
      const store = new DynamoStudyStore(client, tableName);
      await new SubscriptionService(store).command(
        { platform: 'slack', tenantId: 'T1', channelId: 'CDAILY', userId: 'U1', canManageChannel: true },
        { name: 'subscribe', time: '09:00', timezone: 'UTC', days: 'daily' },
        new Date('2026-11-02T06:00:00Z'),
      );
      const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'test' });
      await runner.pass(new Date('2026-11-02T09:00:30Z'));
      const ch = { platform: 'slack' as const, tenantId: 'T1', channelId: 'CDAILY' };
      const firstPost = await store.getPost(ch, 'd20261102');
      expect(firstPost?.closesAt).toBe('2026-11-03T09:00:00.000Z');
      expect(firstPost?.messageRef).toMatch(/^\d+\.\d+$/);
      expect(fakes.slack.calls('chat.update')).toHaveLength(0);

      await runner.pass(new Date('2026-11-03T09:00:30Z'));
      const [update] = fakes.slack.calls('chat.update');
      expect(update?.args.ts).toBe(firstPost?.messageRef);
      const seen = slackSees(update?.args);
      expect(seen).toMatch(/Yesterday’s question \(closed\)/);
      expect(seen).toMatch(/Closed · Nobody answered\./);
      expect(JSON.stringify(update?.args.blocks)).not.toMatch(/"type":"button"/);
    } finally {
      await fakes.close();
    }
  });
});
