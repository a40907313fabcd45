import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { content, questionsById } from '../../../src/content/index.ts';
import { createDailyRunner, type DailyRunner, platformsFor } from '../../../src/daily/runner.ts';
import { commandDefinitions } from '../../../src/platforms/discord/command-definitions.ts';
import { slackManifest } from '../../../src/platforms/slack/manifest.ts';
import type { PersonRef } from '../../../src/store/store.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type PlatformHarness, startPlatformHarness } from '../../support/platform-harness.ts';
import {
  blockActionsBody,
  discordCommand,
  actionIds as ids,
  postDiscord,
  postSlack,
  slashCommandBody,
  waitFor,
} from '../../support/platform-requests.ts';

/**
 * `/studybot remind` as each platform drives it: signed slash commands and interactions to the
 * local server, a scheduler pass that sends the DM through the fake Slack and Discord APIs, and the
 * clicks on that DM (from the Slack Messages tab; from a Discord DM, which has `user`, no `member`
 * and no guild) that start the same study session as `/studybot study`, in the deck the reminder
 * counted.
 */
const TARGET = dynamoTargets[0]!;
const NOW = new Date('2026-03-04T10:00:00Z'); // a Wednesday
const TS = Math.floor(NOW.getTime() / 1000);

let h: PlatformHarness;
let runner: DailyRunner;

beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => NOW });
  runner = createDailyRunner({
    store: h.store,
    platforms: platformsFor(
      {
        slackBotToken: 'xoxb-test',
        slackApiUrl: h.slack.apiUrl,
        discordBotToken: 'bot-test',
        discordApiUrl: h.discord.api,
      },
      h.store,
    ),
  });
});
afterAll(async () => h?.close());

/** Cards the person answered before and that are due now (the reminder counts these). */
async function dueCards(person: PersonRef, n: number) {
  for (const q of content.questions.slice(0, n)) {
    const srs = {
      due: '2026-03-01T00:00:00.000Z',
      stability: 1,
      difficulty: 5,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      lastReview: '2026-02-28T00:00:00.000Z',
    };
    await h.store.putCard(person, { questionId: q.id, topic: q.topic, srs, version: 1, answers: [] }, 0);
  }
}

describe('Slack: a reminder in the Messages tab', () => {
  const me: PersonRef = { platform: 'slack', tenantId: 'T0001', userId: 'U0042' };
  const slash = async (text: string) => {
    const res = await postSlack(h.local.url, slashCommandBody({ text, user_id: me.userId }), {
      timestamp: TS,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { text: string };
  };

  it('turns on in the person’s Slack time zone, and says so', async () => {
    expect((await slash('remind')).text).toMatch(/^You have no study reminder\./);
    h.slack.setUser(me.userId, { tz: 'America/New_York' });
    const set = await slash('remind 7:30');
    expect(set.text).toContain('Reminder set: 07:30 America/New_York (your Slack time zone).');
    expect(set.text).toContain('First check: Wed 4 Mar, 07:30 America/New_York');
    expect((await slash('remind')).text).toMatch(/^Reminder on: 07:30 America\/New_York/);
    // Unreadable input: one sentence that says what to type.
    expect((await slash('remind 25:00')).text).toBe('I couldn\'t read "25:00" as a time of day; try 08:30.');
    expect((await slash('remind 07:30 Mars/Base')).text).toBe(
      'I don\'t know the time zone "Mars/Base"; use an IANA name such as Europe/Berlin.',
    );
  });

  it('sends one DM when cards are due; Start review there starts the study session', async () => {
    await dueCards(me, 3);
    const at = new Date('2026-03-04T12:30:00Z'); // 07:30 in New York
    expect((await runner.pass(new Date(at.getTime() - 60_000))).reminded).toBe(0);
    expect((await runner.pass(at)).reminded).toBe(1);
    expect((await runner.pass(new Date(at.getTime() + 60_000))).reminded).toBe(0);
    const dms = h.slack.calls('chat.postMessage').filter((c) => c.args.channel === me.userId);
    expect(dms).toHaveLength(1);
    const dm = dms[0]!;
    expect(dm.args.text).toBe('You have 3 cards due for review in StudyBot.');
    expect(JSON.stringify(dm.args.blocks)).toContain('/studybot remind off');
    // The reminder's buttons, by what they say (their ids are the bot's business).
    const button = (label: string) =>
      (dm.args.blocks as { elements?: { text?: { text?: string }; action_id?: string }[] }[])
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.text?.text === label)?.action_id;
    const [start, stop] = [button('Start review'), button('Stop reminders')];
    // The click comes from the DM channel (D…), not from a channel the bot was invited to.
    const click = (actionId: string, responseId: string) =>
      postSlack(
        h.local.url,
        blockActionsBody({
          action: { type: 'button', action_id: actionId },
          responseUrl: h.slack.responseUrl(responseId),
          channelId: 'D0042',
          user: { id: me.userId, username: 'lin' },
        }),
        { timestamp: TS },
      );
    // The session stays in the Messages tab: the card is a normal message in the DM, not an ephemeral.
    const posted = () => h.slack.calls('chat.postMessage').filter((c) => c.args.channel === 'D0042');
    expect((await click(start!, 'start')).status).toBe(200);
    const card = await waitFor(() => posted()[0]);
    expect(h.slack.calls('response_url').filter((c) => c.path === 'start')).toEqual([]);
    expect(JSON.stringify(card.args.blocks)).toContain('Review · 3 due');
    // Answer it: the card is rescheduled in the person's deck in this workspace.
    const choice = ids(card.args.blocks, 'r:')[0]!;
    const questionId = choice.split(':')[1]!;
    const text = JSON.stringify(card.args.blocks);
    const ticks = text.includes('picker-checkboxes')
      ? [...questionsById.get(questionId)!.answer].map((value) => ({ value }))
      : [];
    await postSlack(
      h.local.url,
      blockActionsBody({
        action: { type: 'button', action_id: choice },
        ...(ticks.length ? { state: { picker: { 'picker-checkboxes': { selected_options: ticks } } } } : {}),
        responseUrl: h.slack.responseUrl('answer'),
        messageTs: '1700000500.000100',
        channelId: 'D0042',
        user: { id: me.userId, username: 'lin' },
      }),
      { timestamp: TS },
    );
    // The feedback takes the card's place in the DM.
    const feedback = await waitFor(() =>
      h.slack.calls('chat.update').find((c) => c.args.ts === '1700000500.000100'),
    );
    expect(feedback.args.channel).toBe('D0042');
    expect((await h.store.getCard(me, questionId))?.version).toBe(2);
    // Stop reminders, on the DM itself: the answer is a message there too.
    await click(stop!, 'stop');
    const stopped = await waitFor(() => posted()[1]);
    expect(stopped.args.text).toMatch(/^Reminders off/);
    expect(await h.store.getReminder(me)).toBeUndefined();
    expect((await slash('remind off')).text).toBe('You had no study reminder; nothing changed.');
  });

  it('sends nothing on a day with no cards due', async () => {
    const idle: PersonRef = { ...me, userId: 'U0043' };
    const res = await postSlack(
      h.local.url,
      slashCommandBody({ text: 'remind 08:00 UTC', user_id: idle.userId }),
      { timestamp: TS },
    );
    expect(((await res.json()) as { text: string }).text).toMatch(/^Reminder set: 08:00 UTC\./);
    const before = h.slack.calls('chat.postMessage').length;
    await runner.pass(new Date('2026-03-05T08:00:00Z'));
    expect(h.slack.calls('chat.postMessage').length).toBe(before);
    expect((await h.store.getReminder(idle))?.nextAt).toBe('2026-03-06T08:00:00.000Z');
  });

  it('the manifest turns the Messages tab on, where reminders arrive', () => {
    const m = slackManifest('https://bot.example.com') as {
      features: { app_home: Record<string, boolean> };
      oauth_config: { scopes: { bot: string[] } };
    };
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(m.oauth_config.scopes.bot).toContain('chat:write');
  });
});

describe('Discord: a reminder in a DM with the bot', () => {
  const me: PersonRef = { platform: 'discord', tenantId: 'G0001', userId: '500000000000000042' };
  const member = { member: { user: { id: me.userId, username: 'lin' }, permissions: '0' } };
  type Body = {
    type: number;
    data: {
      flags?: number;
      embeds: { title?: string; description?: string; footer?: { text: string } }[];
      components: { components: { type: number; custom_id: string }[] }[];
    };
  };
  const send = async (interaction: unknown) => {
    const res = await postDiscord(h.local.url, interaction, h.keys, { timestamp: TS });
    expect(res.status).toBe(200);
    return (await res.json()) as Body;
  };
  const remind = (options: { name: string; value: string }[]) =>
    send(
      discordCommand(
        'remind',
        options.map((o) => ({ ...o, type: 3 })),
        member,
      ),
    );
  /** A click in the DM: no guild, `user` instead of `member`, the DM channel. */
  const dmClick = (dmChannel: string, customId: string, values?: string[]) =>
    send({
      id: `13${Math.floor(Math.random() * 1e15)}`,
      application_id: '100000000000000001',
      type: 3,
      token: 'dm-token',
      version: 1,
      channel_id: dmChannel,
      user: { id: me.userId, username: 'lin', global_name: 'Lin' },
      message: { id: '1400000000000000001', flags: 0 },
      data: { custom_id: customId, component_type: values ? 3 : 2, ...(values ? { values } : {}) },
    });

  it('registers remind with a time and the time-zone search', async () => {
    const remindDef = (commandDefinitions()[0]!.options ?? []).find(
      (o) => o.name === 'remind',
    ) as unknown as {
      options: { name: string; autocomplete?: boolean }[];
    };
    expect(remindDef.options.map((o) => [o.name, o.autocomplete ?? false])).toEqual([
      ['time', false],
      ['timezone', true],
    ]);
    const res = await postDiscord(
      h.local.url,
      {
        ...discordCommand('remind', [{ name: 'timezone', type: 3, value: 'tokyo', focused: true } as never]),
        type: 4,
      },
      h.keys,
      { timestamp: TS },
    );
    expect(((await res.json()) as { data: { choices: { value: string }[] } }).data.choices[0]?.value).toBe(
      'Asia/Tokyo',
    );
  });

  it('turns on from the server, DMs once, and the DM’s buttons study the server’s deck', async () => {
    const set = await remind([
      { name: 'time', value: '21:15' },
      { name: 'timezone', value: 'asia/tokyo' },
    ]);
    expect(set.data.flags).toBe(64);
    expect(set.data.embeds[0]?.description).toContain('Reminder set: 21:15 Asia/Tokyo.');
    await dueCards(me, 60);
    const at = new Date('2026-03-04T12:15:00Z'); // 21:15 in Tokyo
    await Promise.all([runner.pass(at), runner.pass(at)]);
    expect(h.discord.callsTo('POST /users/@me/channels').at(-1)?.body).toEqual({ recipient_id: me.userId });
    const dmChannel = h.discord.dmChannelOf(me.userId)!;
    const sent = h.discord.calls.filter(
      (c) => c.method === 'POST' && c.path === `/channels/${dmChannel}/messages`,
    );
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as Body['data'] & { nonce: string; enforce_nonce: boolean };
    expect(body.enforce_nonce).toBe(true);
    expect(body.embeds[0]?.description).toContain('You have **50+ cards** due for review');
    // One reminder per Discord person: `remind off` works in any server or the DM.
    expect(body.embeds[0]?.footer?.text).toContain('Stop reminders, or /studybot remind off.');
    const [start, stop] = body.components[0]!.components.map((c) => c.custom_id);

    // Start review, clicked in the DM: a private card from the person's one deck.
    const card = await dmClick(dmChannel, start!);
    expect(card.data.flags).toBe(64);
    expect(card.data.embeds[0]?.title).toContain('Review · ');
    const first = card.data.components[0]!.components[0]!;
    expect(first.custom_id).toMatch(/^r:/);
    const questionId = first.custom_id.split(':')[1]!;
    const q = questionsById.get(questionId)!;
    const answer =
      first.type === 3
        ? await dmClick(dmChannel, first.custom_id, [...q.answer])
        : await dmClick(
            dmChannel,
            card.data.components[0]!.components.find((b) => b.custom_id.endsWith(`:${q.answer[0]}`))!
              .custom_id,
          );
    expect(answer.data.embeds[0]?.title ?? '').not.toMatch(/expired/i);
    expect((await h.store.getCard(me, questionId))?.version).toBe(2);
    // One deck per Discord person: the DM reads the same card, not a second deck.
    expect(await h.store.getCard({ ...me, tenantId: `dm-${dmChannel}` }, questionId)).toEqual(
      await h.store.getCard(me, questionId),
    );
    // Next review continues in the same deck.
    const next = answer.data.components
      .flatMap((r) => r.components)
      .find((b) => b.custom_id.startsWith('next'));
    expect(next?.custom_id).toMatch(/^next/);
    expect((await dmClick(dmChannel, next!.custom_id)).data.embeds[0]?.title).toContain('Review · ');

    // Stop reminders from the DM turns off the server's reminder.
    const off = await dmClick(dmChannel, stop!);
    expect(off.data.embeds[0]?.description).toMatch(/^Reminders off/);
    expect(await h.store.getReminder(me)).toBeUndefined();
  });

  it('remind alone shows the setting; remind off stops it; bad input gets one sentence', async () => {
    // Turned off earlier, so no zone is kept: this server's channel has none either, so UTC, said so.
    const set = await remind([{ name: 'time', value: '06:00' }]);
    expect(set.data.embeds[0]?.description).toContain('Reminder set: 06:00 UTC (UTC, as no zone was given;');
    const shown = await remind([]);
    expect(shown.data.embeds[0]?.description).toMatch(/^Reminder on: 06:00 UTC, a direct message/);
    expect((await remind([{ name: 'time', value: 'off' }])).data.embeds[0]?.description).toMatch(
      /^Reminders off/,
    );
    expect((await remind([{ name: 'time', value: 'soon' }])).data.embeds[0]?.description).toContain(
      'I couldn\'t read "soon" as a reminder time; try `remind 08:30 Europe/Berlin` or `remind off`.',
    );
  });
});
