import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudyService } from '../../../src/app/study.ts';
import { questionsById } from '../../../src/content/index.ts';
import { slackSees } from '../../support/as-seen.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type PlatformHarness, startPlatformHarness } from '../../support/platform-harness.ts';
import {
  blockActionsBody,
  discordCommand,
  postDiscord,
  postSlack,
  slashCommandBody,
} from '../../support/platform-requests.ts';

/**
 * Inputs the server must check itself: review ids only for cards the bot issued to that person,
 * retention in range on both platforms, and a replayed delivery acted on once. Signed requests to
 * the local server, on every DynamoDB-compatible server the suite has.
 */
const NOW = new Date('2026-03-04T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const Q = [...questionsById.values()].find((q) => q.type === 'single')!;

describe.each(dynamoTargets)('inputs checked by the server on $name', (target) => {
  let h: PlatformHarness;

  beforeAll(async () => {
    h = await startPlatformHarness(target, { now: () => NOW });
  });
  afterAll(async () => h?.close());

  async function click(actionId: string, user: string): Promise<string> {
    const before = h.slack.calls('response_url').length;
    const body = blockActionsBody({
      action: { type: 'button', action_id: actionId },
      responseUrl: h.slack.responseUrl(user),
      user: { id: user, username: user.toLowerCase() },
      ephemeral: true,
    });
    expect((await postSlack(h.local.url, body, { timestamp: TS })).status).toBe(200);
    for (let i = 0; i < 200 && h.slack.calls('response_url').length === before; i++)
      await new Promise((r) => setTimeout(r, 20));
    return slackSees(h.slack.calls('response_url').at(-1)?.args);
  }

  const person = (userId: string) => ({ platform: 'slack' as const, tenantId: 'T0001', userId });

  it('refuses a crafted review id for a card never shown, and stores nothing', async () => {
    for (const id of [`r:${Q.id}:0:a`, `r:${Q.id}:0:AAAAAAAAAA:a`, `r:${Q.id}:0:${'x'.repeat(10)}`]) {
      expect(await click(id, 'U0CRAFT')).toMatch(/That card has expired/);
    }
    expect(await h.store.getCard(person('U0CRAFT'), Q.id)).toBeUndefined();
  });

  it("refuses one person's issued card id clicked by another", async () => {
    const res = await postSlack(h.local.url, slashCommandBody({ text: 'study', user_id: 'U0OWNER' }), {
      timestamp: TS,
    });
    const issued = /"(r:[^:"]+:0:[\w-]{10})/.exec(await res.text())?.[1];
    expect(issued).toBeDefined();
    const questionId = issued!.split(':')[1]!;
    expect(await click(`${issued}:a`, 'U0THIEF')).toMatch(/That card has expired/);
    expect(await h.store.getCard(person('U0THIEF'), questionId)).toBeUndefined();
    // The owner's own click is taken.
    expect(await click(`${issued}:a`, 'U0OWNER')).toMatch(/Correct|Not quite/);
  });

  it('refuses an answer to a card that is not due, without rescheduling it', async () => {
    const study = new StudyService(h.store);
    const who = person('U0EARLY');
    const first = await study.answerStudy(who, Q.id, 0, [Q.answer[0]!], NOW);
    expect('error' in first).toBe(false);
    const card = await h.store.getCard(who, Q.id);
    const early = await study.answerStudy(who, Q.id, card!.version, [Q.answer[0]!], NOW);
    expect(early).toEqual({ error: 'not-due' });
    expect(await h.store.getCard(who, Q.id)).toEqual(card);
  });

  it.each([5, -1, 0, 1.5])('refuses retention %s on Discord and stores nothing', async (value) => {
    const res = await postDiscord(
      h.local.url,
      discordCommand('study', [{ name: 'retention', type: 10, value }], {
        member: { user: { id: 'D0RET', username: 'ret' }, permissions: '0' },
      }),
      h.keys,
      { timestamp: TS },
    );
    const text = JSON.stringify(await res.json());
    expect(text).toMatch(/from 0\.7 to 0\.97/);
    const profile = await h.store.getProfile({ platform: 'discord', tenantId: 'G0001', userId: 'D0RET' });
    expect(profile.retention).toBe(0.9);
  });

  it('keeps a retention to whole percent on both platforms', async () => {
    await postSlack(h.local.url, slashCommandBody({ text: 'study retention 0.8549', user_id: 'U0PCT' }), {
      timestamp: TS,
    });
    expect((await h.store.getProfile(person('U0PCT'))).retention).toBe(0.85);
  });

  it('posts once for a replayed Slack quiz command (same signed delivery, sent again)', async () => {
    const body = slashCommandBody({ text: 'quiz', channel_id: 'C0REPLAY' });
    const before = h.slack.calls('chat.postMessage').length;
    const first = await postSlack(h.local.url, body, { timestamp: TS });
    expect(first.status).toBe(200);
    const again = await postSlack(h.local.url, body, { timestamp: TS });
    expect(again.status).toBe(200);
    expect(slackSees(await again.json())).toMatch(/reached me twice/);
    expect(h.slack.calls('chat.postMessage').length - before).toBe(1);
  });

  it('posts once for a replayed Discord quiz interaction', async () => {
    const interaction = discordCommand('quiz', [], { channel_id: 'C0REPLAYD' });
    const before = h.discord.callsTo('POST /channels/:channel/messages').length;
    await postDiscord(h.local.url, interaction, h.keys, { timestamp: TS });
    const again = await postDiscord(h.local.url, interaction, h.keys, { timestamp: TS });
    expect(JSON.stringify(await again.json())).toMatch(/reached me twice/);
    expect(h.discord.callsTo('POST /channels/:channel/messages').length - before).toBe(1);
  });
});
