import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { content } from '../../../src/content/index.ts';
import { discordModalSees, discordSees, slackModalSees, slackSees } from '../../support/as-seen.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type PlatformHarness, startPlatformHarness } from '../../support/platform-harness.ts';
import {
  actionIds,
  blockActionsBody,
  discordCommand,
  discordInteraction,
  postDiscord,
  postSlack,
  slashCommandBody,
  waitFor,
} from '../../support/platform-requests.ts';

/**
 * Study settings (a form on both platforms), the review history in progress, and the mistakes
 * drill, as each platform drives them: signed requests to the local server, the fake platform APIs,
 * the store on dynalite.
 */
const TARGET = dynamoTargets[0]!;
let now = new Date('2026-03-04T10:00:00Z');
const ts = () => Math.floor(now.getTime() / 1000);

let h: PlatformHarness;
beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => now });
});
afterAll(async () => h?.close());

const wrongChoiceOf = (questionId: string) => {
  const q = content.questions.find((x) => x.id === questionId)!;
  return q.choices.find((c) => !q.answer.includes(c.id))!.id;
};

describe('study settings', () => {
  it('on Slack: `/studybot settings` opens a form with the current settings; the submission saves them', async () => {
    const res = await postSlack(
      h.local.url,
      slashCommandBody({
        text: 'settings',
        user_id: 'U0301',
        trigger_id: 'settings-trigger',
        response_url: h.slack.responseUrl('st1'),
      }),
      { timestamp: ts() },
    );
    expect(res.status).toBe(200);
    const open = await waitFor(() =>
      h.slack.calls('views.open').find((c) => c.args.trigger_id === 'settings-trigger'),
    );
    const view = open.args.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: { block_id: string; element: { initial_value?: string } }[];
    };
    // What the person sees: the current settings filled in, the zone a menu to search.
    expect(slackModalSees(view)).toBe(
      [
        'Study settings',
        'Desired retention, % (70–97): [90]',
        'New cards a day (0–100): [20]',
        'Your time zone (optional): ▾ Type a city, e.g. Berlin',
        '  Your day for new cards and the forecast; an IANA name such as Europe/Berlin',
        'Daily reminder (optional): 🕘 --:--',
        '  A direct message at this time on days you have cards due; leave it empty for none',
        '[Cancel] [Save]',
      ].join('\n'),
    );
    const submit = (values: Record<string, string>) =>
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'view_submission',
          team: { id: 'T0001' },
          user: { id: 'U0301', team_id: 'T0001' },
          view: {
            callback_id: view.callback_id,
            private_metadata: view.private_metadata,
            state: {
              // The zone comes from the menu (external_select), the others are typed.
              values: Object.fromEntries(
                Object.entries(values).map(([k, v]) => [
                  k,
                  {
                    [k]:
                      k === 'timeZone'
                        ? { type: 'external_select', selected_option: v ? { value: v } : null }
                        : k === 'remindAt'
                          ? { type: 'timepicker', selected_time: v || null }
                          : { type: 'plain_text_input', value: v },
                  },
                ]),
              ),
            },
          },
        }),
      }).toString();
    const person = { platform: 'slack' as const, tenantId: 'T0001', userId: 'U0301' };
    // A bad value: one sentence, nothing saved.
    const replies = () => h.slack.calls('response_url').filter((c) => c.path === 'st1');
    await postSlack(h.local.url, submit({ retention: '90', newPerDay: 'lots', timeZone: '' }), {
      timestamp: ts(),
    });
    const refusal = await waitFor(() => replies()[0]);
    expect(slackSees(refusal.args)).toMatch(
      /^New cards a day is a whole number from 0 .* Nothing was changed\./,
    );
    expect(await h.store.getProfile(person)).toEqual({ retention: 0.9, channels: [] });
    // A forged submission changes nothing either.
    const good = submit({ retention: '85', newPerDay: '5', timeZone: 'asia/tokyo', remindAt: '07:15' });
    expect((await postSlack(h.local.url, good, { timestamp: ts(), secret: 'nope' })).status).toBe(401);
    expect(await h.store.getProfile(person)).toEqual({ retention: 0.9, channels: [] });
    expect((await postSlack(h.local.url, good, { timestamp: ts() })).status).toBe(200);
    const saved = await waitFor(() => replies()[1]);
    expect(slackSees(saved.args)).toMatch(/Your time zone: \*?Asia\/Tokyo/);
    // The same form set the daily reminder, in the zone it chose.
    expect(slackSees(saved.args)).toMatch(/Reminder set: 07:15 Asia\/Tokyo/);
    expect(await h.store.getReminder(person)).toMatchObject({ time: '07:15', timeZone: 'Asia/Tokyo' });
    expect(await h.store.getProfile(person)).toMatchObject({
      retention: 0.85,
      newPerDay: 5,
      timeZone: 'Asia/Tokyo',
    });
  });

  it('on Slack: typed settings are saved and said back', async () => {
    const res = await postSlack(
      h.local.url,
      slashCommandBody({ text: 'settings new 12 zone Europe/Berlin', user_id: 'U0302' }),
      { timestamp: ts() },
    );
    const seen = slackSees(await res.json());
    expect(seen).toMatch(/New cards a day: \*?12/);
    expect(seen).toMatch(/Your time zone: \*?Europe\/Berlin/);
  });

  it('on Discord: the settings subcommand with options saves; alone it answers with a modal (type 9)', async () => {
    const typed = await postDiscord(
      h.local.url,
      discordCommand(
        'settings',
        [
          { name: 'new', type: 4, value: 7 },
          { name: 'timezone', type: 3, value: 'America/New_York' },
        ],
        { member: { user: { id: 'D0301', username: 'g' }, permissions: '0' } },
      ),
      h.keys,
      { timestamp: ts() },
    );
    const saved = ((await typed.json()) as { data: unknown }).data;
    expect(discordSees(saved)).toMatch(/New cards a day: \*?\*?7/);
    const alone = await postDiscord(
      h.local.url,
      discordCommand('settings', [], { member: { user: { id: 'D0301', username: 'g' }, permissions: '0' } }),
      h.keys,
      { timestamp: ts() },
    );
    const modal = (await alone.json()) as {
      type: number;
      data: { title: string; components: { components: { custom_id: string; value?: string }[] }[] };
    };
    expect(modal.type).toBe(9);
    expect(discordModalSees(modal.data)).toBe(
      [
        'Study settings',
        'Desired retention, % (70–97)*: [90]',
        'New cards a day (0–100)*: [7]',
        'Your time zone: [America/New_York]',
        '  Your day for new cards and the forecast; an IANA name such as Europe/Berlin',
        'Daily reminder: []',
        '  A direct message at this time on days you have cards due; leave it empty for none',
        '[Cancel] [Submit]',
      ].join('\n'),
    );
    // Submitted (a modal submission, type 5): settings saved and a reminder turned on.
    const custom = (modal.data as unknown as { custom_id: string }).custom_id;
    const input = (id: string, value: string) => ({ type: 18, component: { type: 4, custom_id: id, value } });
    const submitted = (await (
      await postDiscord(
        h.local.url,
        discordInteraction(
          {
            custom_id: custom,
            components: [
              input('retention', '80'),
              input('newPerDay', '7'),
              input('timeZone', 'America/New_York'),
              input('remindAt', '18:30'),
            ],
          },
          5,
          'D0301',
        ),
        h.keys,
        { timestamp: ts() },
      )
    ).json()) as { data: unknown };
    expect(discordSees(submitted.data)).toMatch(/Desired retention: \*?\*?80%/);
    expect(discordSees(submitted.data)).toMatch(/Reminder set: 18:30 America\/New_York/);
    const person = { platform: 'discord' as const, tenantId: 'G0001', userId: 'D0301' };
    expect(await h.store.getReminder(person)).toMatchObject({ time: '18:30', timeZone: 'America/New_York' });
  });
});

describe('mistakes drill and history', () => {
  it('on Discord: a wrong answer comes back in `study mode:mistakes` as practice; progress shows retention and the week ahead', async () => {
    const user = 'D0401';
    const member = { member: { user: { id: user, username: 'g' }, permissions: '0' } };
    const card = (
      (await (
        await postDiscord(h.local.url, discordCommand('study', [], member), h.keys, { timestamp: ts() })
      ).json()) as {
        data: unknown;
      }
    ).data;
    const review = actionIds(card, 'r:')[0]!;
    const questionId = review.split(':')[1]!;
    // Answer wrong: the button of a wrong choice (single-answer card) or a wrong pick in the select.
    const wrong = wrongChoiceOf(questionId);
    const base = review.split(':').slice(0, 4).join(':');
    const q = content.questions.find((x) => x.id === questionId)!;
    const data =
      q.type === 'single'
        ? { custom_id: `${base}:${wrong}`, component_type: 2 }
        : {
            custom_id: base,
            component_type: 3,
            values: q.choices
              .filter((c) => !q.answer.includes(c.id))
              .slice(0, q.answer.length)
              .map((c) => c.id),
          };
    const fb = (await (
      await postDiscord(h.local.url, discordInteraction(data, 3, user), h.keys, { timestamp: ts() })
    ).json()) as { data: unknown };
    expect(discordSees(fb.data)).toMatch(/Not quite/);

    now = new Date(now.getTime() + 20_000);
    const drill = (
      (await (
        await postDiscord(
          h.local.url,
          discordCommand('study', [{ name: 'mode', type: 3, value: 'mistakes' }], member),
          h.keys,
          { timestamp: ts() },
        )
      ).json()) as { data: unknown }
    ).data;
    const seen = discordSees(drill);
    expect(seen).toMatch(/Practice · Your mistakes · 1 left/);
    expect(seen).toContain(q.prompt.slice(0, 40));
    expect(seen).toMatch(/does not move your review schedule/);
    const practice = actionIds(drill, 'x:')[0]!;
    const right =
      q.type === 'single'
        ? { custom_id: `${practice}:${q.answer[0]}`, component_type: 2 }
        : { custom_id: practice, component_type: 3, values: q.answer };
    const cardBefore = await h.store.getCard(
      { platform: 'discord', tenantId: 'G0001', userId: user },
      questionId,
    );
    const answered = (await (
      await postDiscord(h.local.url, discordInteraction(right, 3, user), h.keys, { timestamp: ts() })
    ).json()) as { data: unknown };
    expect(discordSees(answered.data)).toMatch(/Correct/);
    expect(discordSees(answered.data)).toMatch(/Practice: your review schedule did not change/);
    expect(
      await h.store.getCard({ platform: 'discord', tenantId: 'G0001', userId: user }, questionId),
    ).toEqual(cardBefore);

    const progress = (
      (await (
        await postDiscord(h.local.url, discordCommand('progress', [], member), h.keys, { timestamp: ts() })
      ).json()) as {
        data: unknown;
      }
    ).data;
    const p = discordSees(progress);
    expect(p).toMatch(/Measured retention shows after 10 reviews in 30 days \(you have 0\)/);
    expect(p).toMatch(/Due in the next 7 days/);
    expect(p).toMatch(/Today \*?\*?1/);
    expect(p).toMatch(/\[Review my mistakes\]/);
    expect(p).toMatch(/\[Study settings\]/);
  });

  it('on Slack: `/studybot study weakest` drills the weakest topic, by name', async () => {
    const user = 'U0401';
    const res = await postSlack(h.local.url, slashCommandBody({ text: 'study', user_id: user }), {
      timestamp: ts(),
    });
    const card = await res.json();
    const review = actionIds(card, 'r:')[0]!;
    const questionId = review.split(':')[1]!;
    const q = content.questions.find((x) => x.id === questionId)!;
    const topic = content.topics.find((t) => t.id === q.topic)!;
    // Answer it (right), so the person has a studied topic.
    const click = blockActionsBody({
      action: { type: 'button', action_id: q.type === 'single' ? `${review}:${q.answer[0]}` : review },
      ...(q.type === 'single'
        ? {}
        : {
            state: {
              picker: { 'picker-checkboxes': { selected_options: q.answer.map((value) => ({ value })) } },
            },
          }),
      responseUrl: h.slack.responseUrl('wk1'),
      ephemeral: true,
      user: { id: user, username: 'ada' },
    });
    await postSlack(h.local.url, click, { timestamp: ts() });
    await waitFor(() => h.slack.calls('response_url').find((c) => c.path === 'wk1'));
    now = new Date(now.getTime() + 60_000);
    const drill = await postSlack(h.local.url, slashCommandBody({ text: 'study weakest', user_id: user }), {
      timestamp: ts(),
    });
    const seen = slackSees(await drill.json());
    expect(seen).toContain(`Weakest topic: ${topic.name}`);
  });
});
