import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionsById } from '../../../src/content/index.ts';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';
import { PICKER_BLOCK_ID, PICKER_CHECKBOXES_ID } from '../../../src/platforms/slack/render.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef, PersonRef } from '../../../src/store/store.ts';
import { createDocumentClient } from '../../../src/store/table.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../support/fake-discord-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';
import {
  blockActionsBody,
  discordCommand,
  discordKeys,
  postDiscord,
  postSlack,
  slashCommandBody,
} from '../../support/platform-requests.ts';
import { testConfig } from '../../support/test-config.ts';

/**
 * The same quiz-and-answer flow through Slack and through Discord, on one local server and one
 * store: a channel quiz, a right answer from one person and a wrong one from another, a retry of
 * the right answer, then the leaderboard. Each platform may draw a different question (the draw is
 * seeded per channel), so the comparison is of what the engine decided and stored: correctness,
 * points, streaks, post counts, and the FSRS card state after one rating.
 */
const keys = discordKeys();
const NOW = new Date('2026-03-04T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

interface Flow {
  platform: 'slack' | 'discord';
  channel: ChannelRef;
  people: [PersonRef, PersonRef];
  questionId: string;
  postId: string;
}

/** One answer: pick the right or a wrong set of choice ids for the question. */
function choiceFor(questionId: string, right: boolean): string[] {
  const q = questionsById.get(questionId)!;
  if (right) return [...q.answer];
  const wrong = q.choices.map((c) => c.id).filter((id) => !q.answer.includes(id));
  return wrong.slice(0, q.answer.length);
}

type SlackElement = { type: string; action_id?: string };
function slackElements(blocks: unknown): SlackElement[] {
  return ((blocks ?? []) as { elements?: SlackElement[]; accessory?: SlackElement }[]).flatMap((b) => [
    ...(b.accessory ? [b.accessory] : []),
    ...(b.elements ?? []).filter((e) => 'action_id' in e),
  ]);
}

describe.each(dynamoTargets)('Slack and Discord parity on $name', (target) => {
  let slack: FakeSlackApi;
  let discord: FakeDiscordApi;
  let local: LocalBot;
  let store: DynamoStudyStore;
  const flows: Record<'slack' | 'discord', Flow | undefined> = { slack: undefined, discord: undefined };
  const feedback: Record<'slack' | 'discord', string[]> = { slack: [], discord: [] };

  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
    discord = await startFakeDiscordApi();
    const config = testConfig(target, {
      SLACK_API_URL: slack.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: discord.api,
    });
    local = await startLocalBot(config, { persist: false, now: () => NOW });
    store = new DynamoStudyStore(
      createDocumentClient({ endpoint: local.dynamoEndpoint, region: 'us-east-1' }),
      config.tableName,
    );
  });
  afterAll(async () => {
    await local.close();
    await slack.close();
    await discord.close();
  });

  async function slackFlow(): Promise<Flow> {
    const res = await postSlack(local.url, slashCommandBody({ text: 'quiz autoscaling' }), { timestamp: TS });
    expect(res.status).toBe(200);
    const [post] = slack.calls('chat.postMessage');
    const els = slackElements(post?.args.blocks);
    const first = els.find((e) => e.action_id?.startsWith('q:'))!.action_id!;
    const [, postId = '', questionId = ''] = first.split(':');
    const hasCheckboxes = els.some((e) => e.type === 'checkboxes');
    const people: [PersonRef, PersonRef] = [
      { platform: 'slack', tenantId: 'T0001', userId: 'U0001' },
      { platform: 'slack', tenantId: 'T0001', userId: 'U0002' },
    ];
    const answer = async (person: PersonRef, right: boolean) => {
      const chosen = choiceFor(questionId, right);
      const before = slack.calls('response_url').length;
      const body = blockActionsBody({
        action: {
          type: 'button',
          action_id: hasCheckboxes ? `q:${postId}:${questionId}` : `q:${postId}:${questionId}:${chosen[0]}`,
        },
        responseUrl: slack.responseUrl(person.userId),
        user: { id: person.userId, username: person.userId === 'U0001' ? 'ada' : 'alan' },
        ...(hasCheckboxes
          ? {
              state: {
                [PICKER_BLOCK_ID]: {
                  [PICKER_CHECKBOXES_ID]: {
                    type: 'checkboxes',
                    selected_options: chosen.map((value) => ({ value })),
                  },
                },
              },
            }
          : {}),
      });
      expect((await postSlack(local.url, body, { timestamp: TS })).status).toBe(200);
      // Bolt acks first and answers through response_url; wait for that answer.
      for (let i = 0; i < 200 && slack.calls('response_url').length === before; i++)
        await new Promise((r) => setTimeout(r, 20));
      feedback.slack.push(JSON.stringify(slack.calls('response_url').at(-1)?.args));
    };
    await answer(people[0], true);
    await answer(people[1], false);
    await answer(people[0], true); // a retry
    return {
      platform: 'slack',
      channel: { platform: 'slack', tenantId: 'T0001', channelId: 'C0001' },
      people,
      questionId,
      postId,
    };
  }

  async function discordFlow(): Promise<Flow> {
    const res = await postDiscord(
      local.url,
      discordCommand('quiz', [{ name: 'topic', type: 3, value: 'autoscaling' }]),
      keys,
      { timestamp: TS },
    );
    expect(res.status).toBe(200);
    const [post] = discord.callsTo('POST /channels/:channel/messages');
    const components = (post!.body as { components: { components: { type: number; custom_id: string }[] }[] })
      .components;
    const first = components[0]!.components[0]!;
    const [, postId = '', questionId = ''] = first.custom_id.split(':');
    const people: [PersonRef, PersonRef] = [
      { platform: 'discord', tenantId: 'G0001', userId: 'D0001' },
      { platform: 'discord', tenantId: 'G0001', userId: 'D0002' },
    ];
    const answer = async (person: PersonRef, right: boolean) => {
      const chosen = choiceFor(questionId, right);
      const select = first.type === 3;
      const interaction = {
        id: `13${Math.floor(Math.random() * 1e15)}`,
        application_id: '100000000000000001',
        type: 3,
        token: 'tok',
        version: 1,
        guild_id: 'G0001',
        channel_id: 'C0001',
        member: {
          user: { id: person.userId, username: person.userId === 'D0001' ? 'ada' : 'alan' },
          permissions: '0',
        },
        message: { id: 'M-posted', flags: 0 },
        data: select
          ? { custom_id: first.custom_id, component_type: 3, values: chosen }
          : { custom_id: `q:${postId}:${questionId}:${chosen[0]}`, component_type: 2 },
      };
      const r = await postDiscord(local.url, interaction, keys, { timestamp: TS });
      expect(r.status).toBe(200);
      feedback.discord.push(JSON.stringify(((await r.json()) as { data: unknown }).data));
    };
    await answer(people[0], true);
    await answer(people[1], false);
    await answer(people[0], true); // a retry
    return {
      platform: 'discord',
      channel: { platform: 'discord', tenantId: 'G0001', channelId: 'C0001' },
      people,
      questionId,
      postId,
    };
  }

  it('runs the flow on both platforms', async () => {
    flows.slack = await slackFlow();
    flows.discord = await discordFlow();
    expect(flows.slack.postId).not.toBe('');
    expect(flows.discord.postId).not.toBe('');
  });

  it('gives the same feedback verdicts, points and streaks', () => {
    /** What the engine decided, read from the private feedback: verdict words and numbers. */
    const verdict = (s: string) => ({
      right: /correct|right/i.test(s) && !/not quite|incorrect|wrong/i.test(s),
      points: /\+(\d+)/.exec(s)?.[1] ?? (/already answered/i.test(s) ? 'repeat' : 'none'),
      streak: /streak[^0-9]{0,20}(\d+)/i.exec(s)?.[1] ?? 'none',
    });
    expect(feedback.slack).toHaveLength(3);
    expect(feedback.discord.map(verdict)).toEqual(feedback.slack.map(verdict));
    expect(verdict(feedback.discord[0]!).right).toBe(true);
    expect(verdict(feedback.discord[1]!).right).toBe(false);
  });

  it('stores the same post counts, member scores and FSRS cards', async () => {
    const snapshot = async (f: Flow) => {
      const post = await store.getPost(f.channel, f.postId);
      const members = await Promise.all(f.people.map((p) => store.getMember(f.channel, p.userId)));
      const cards = await Promise.all(f.people.map((p) => store.getCard(p, f.questionId)));
      return {
        post: { answered: post?.answered, correct: post?.correct, counted: post?.counted.length },
        members: members.map((m) => ({
          score: m?.score,
          weekScore: m?.weekScore,
          streak: m?.streak,
          answered: m?.answered,
          correct: m?.correct,
        })),
        cards: cards.map((c) => ({
          version: c?.version,
          answers: c?.answers.map((a) => ({ correct: a.correct, at: a.at })),
          srs: c?.srs,
        })),
      };
    };
    const s = await snapshot(flows.slack!);
    const d = await snapshot(flows.discord!);
    expect(s.post).toEqual({ answered: 2, correct: 1, counted: 2 });
    expect(s.members[0]!.score).toBeGreaterThan(0);
    expect(d).toEqual(s);
  });

  it('shows the same leaderboard scores', async () => {
    const board = await postDiscord(
      local.url,
      discordCommand('leaderboard', [{ name: 'period', type: 3, value: 'all' }], {
        member: { user: { id: 'D0001', username: 'ada' }, permissions: '0' },
      }),
      keys,
      { timestamp: TS },
    );
    const slackBoard = await postSlack(local.url, slashCommandBody({ text: 'leaderboard all' }), {
      timestamp: TS,
    });
    const discordText = JSON.stringify(((await board.json()) as { data: unknown }).data);
    const slackText = JSON.stringify(await slackBoard.json());
    const scores = (t: string) => [...t.matchAll(/(\d+) pts?\b/g)].map((m) => m[1]);
    expect(scores(discordText).length).toBeGreaterThan(0);
    expect(scores(discordText)).toEqual(scores(slackText));
  });
});
