import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudyService } from '../../../src/app/study.ts';
import { content, questionsById } from '../../../src/content/index.ts';
import type { PersonRef } from '../../../src/store/store.ts';
import { slackModalSees, slackProblems, slackSees } from '../../support/as-seen.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import type { SlackCall } from '../../support/fake-slack-api.ts';
import { type PlatformHarness, startPlatformHarness } from '../../support/platform-harness.ts';
import {
  blockActionsBody,
  homeActionsBody,
  postSlack,
  slashCommandBody,
  waitFor,
} from '../../support/platform-requests.ts';

/**
 * Slack's App Home as the study desk (issue 15, item 2), driven as Slack drives it: app_home_opened
 * publishes the Home; its buttons come back as block_actions from the view (no channel, no
 * response_url, a trigger id); a study card goes to the person's DM with the app (the Messages
 * tab) as a normal message, and the session continues there. Signed requests to the local server,
 * the fake Slack API, the store on dynalite.
 */
const TARGET = dynamoTargets[0]!;
let now = new Date('2026-03-04T10:00:00Z');
const ts = () => Math.floor(now.getTime() / 1000);

let h: PlatformHarness;
beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => now });
});
afterAll(async () => h?.close());

type Block = { type: string; elements?: { type?: string; text?: { text?: string }; action_id?: string }[] };

/** Opens the Home tab as the person would; resolves to the view Slack was given. */
async function openHome(userId: string): Promise<{ blocks: Block[] }> {
  const before = h.slack.calls('views.publish').length;
  const res = await postSlack(
    h.local.url,
    JSON.stringify({
      token: 'x',
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: `EvHome${Math.random()}`,
      event_time: ts(),
      event: { type: 'app_home_opened', user: userId, channel: 'D0HOME', tab: 'home', event_ts: '1.2' },
    }),
    { timestamp: ts(), contentType: 'application/json' },
  );
  expect(res.status).toBe(200);
  const publish = await waitFor(() => h.slack.calls('views.publish')[before]);
  expect(publish.args.user_id).toBe(userId);
  return publish.args.view as { blocks: Block[] };
}

/** The action id of the button that says `label` (on a view or a message). */
function button(payload: { blocks?: unknown }, label: string): string {
  const found = ((payload.blocks ?? []) as Block[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.type === 'button' && e.text?.text === label)?.action_id;
  if (!found) throw new Error(`no button "${label}" in ${slackSees(payload)}`);
  return found;
}

function clickHome(userId: string, actionId: string, triggerId?: string) {
  return postSlack(
    h.local.url,
    homeActionsBody({ actionId, user: { id: userId, username: 'ada' }, ...(triggerId ? { triggerId } : {}) }),
    { timestamp: ts() },
  );
}

/** The blocks' answer to a card: the right (or a wrong) choice, as the click Slack sends. */
function answerClick(card: SlackCall, userId: string, dm: string, messageTs: string, right: boolean) {
  const blocks = JSON.stringify(card.args.blocks);
  const review = [...blocks.matchAll(/"(r:[^"]*)"/g)].map((m) => m[1]!)[0]!;
  const questionId = review.split(':')[1]!;
  const q = questionsById.get(questionId)!;
  const base = review.split(':').slice(0, 4).join(':');
  const wrong = q.choices.filter((c) => !q.answer.includes(c.id)).map((c) => c.id);
  const picks = right ? [...q.answer] : wrong.slice(0, q.answer.length);
  return {
    questionId,
    body: blockActionsBody({
      action: { type: 'button', action_id: q.type === 'single' ? `${base}:${picks[0]}` : base },
      ...(q.type === 'single'
        ? {}
        : {
            state: {
              picker: { 'picker-checkboxes': { selected_options: picks.map((value) => ({ value })) } },
            },
          }),
      responseUrl: h.slack.responseUrl(`dm-${messageTs}`),
      messageTs,
      channelId: dm,
      user: { id: userId, username: 'ada' },
    }),
  };
}

/** A form's submission as Slack sends it, from the view that views.open was given. */
function submission(
  view: { callback_id: string; private_metadata: string; title: { text: string } },
  userId: string,
  values: Record<string, Record<string, unknown>>,
): string {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'T0001' },
      user: { id: userId, team_id: 'T0001' },
      view: {
        id: 'V0MODAL',
        type: 'modal',
        title: view.title,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { [k]: v }])),
        },
      },
    }),
  }).toString();
}

/** Cards the person answered (right) before and that are due now. */
async function dueCards(person: PersonRef, n: number) {
  for (const q of content.questions.filter((x) => x.type === 'single').slice(0, n)) {
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
    const answers = [{ at: srs.lastReview, chosen: [...q.answer], correct: true, key: 's:0' }];
    await h.store.putCard(person, { questionId: q.id, topic: q.topic, srs, version: 1, answers }, 0);
  }
}

describe('Slack App Home: the study desk', () => {
  const me: PersonRef = { platform: 'slack', tenantId: 'T0001', userId: 'U0H01' };

  it('shows progress with working study buttons, settings, the reminder and the Messages tab hint', async () => {
    await dueCards(me, 3);
    const view = await openHome(me.userId);
    const home = slackSees(view);
    expect(home).toMatch(/Your progress/);
    expect(home).toMatch(/\[Review 3 due\]/);
    expect(home).toMatch(/\[Drill my weakest topic\]/);
    // Nothing answered wrong yet: no mistakes to review.
    expect(home).not.toMatch(/\[Review my mistakes\]/);
    expect(home).toMatch(/\[Study settings\]/);
    expect(home).toMatch(/Settings and reminders/);
    expect(home).toMatch(/Desired retention: 90%/);
    expect(home).toMatch(/You have no study reminder/);
    expect(home).toMatch(/\[Set a reminder\]/);
    expect(home).not.toMatch(/\[Stop reminders\]/);
    expect(home).toMatch(/send your card to the Messages tab/);
    expect(home).toMatch(/No channel boards yet/);
    expect(slackProblems(view, 'home')).toEqual([]);
  });

  it('Study on the Home posts the card to the DM; answering it there replaces it, Next review follows', async () => {
    const view = await openHome(me.userId);
    h.slack.reset();
    const res = await clickHome(me.userId, button(view, 'Review 3 due'));
    expect(res.status).toBe(200);
    // A normal message in the person's DM with the app (chat.postMessage to the user id).
    const card = await waitFor(() =>
      h.slack.calls('chat.postMessage').find((c) => c.args.channel === me.userId),
    );
    expect(slackSees(card.args)).toMatch(/Review · 3 due/);
    expect(slackSees(card.args)).toMatch(/\[A\]/);
    expect(h.slack.calls('chat.postEphemeral')).toEqual([]);
    expect(h.slack.calls('response_url')).toEqual([]);

    // Answered (wrong) from the DM: Slack's click names the DM channel and the card's ts.
    const answer = answerClick(card, me.userId, 'D0H01', '1700000100.000100', false);
    h.slack.reset();
    expect((await postSlack(h.local.url, answer.body, { timestamp: ts() })).status).toBe(200);
    const replaced = await waitFor(() => h.slack.calls('chat.update')[0]);
    expect(replaced.args).toMatchObject({ channel: 'D0H01', ts: '1700000100.000100' });
    const feedback = slackSees(replaced.args);
    expect(feedback).toMatch(/Not quite/);
    expect(feedback).toMatch(/\[Next review\]/);
    expect(h.slack.calls('chat.postMessage')).toEqual([]);
    expect(h.slack.calls('response_url')).toEqual([]);
    expect((await h.store.getCard(me, answer.questionId))?.version).toBe(2);

    // Next review on the feedback: the next card is a new message below it; the feedback stays.
    h.slack.reset();
    now = new Date(now.getTime() + 1000);
    const next = blockActionsBody({
      action: { type: 'button', action_id: button(replaced.args, 'Next review') },
      responseUrl: h.slack.responseUrl('next'),
      messageTs: '1700000100.000100',
      channelId: 'D0H01',
      user: { id: me.userId, username: 'ada' },
    });
    expect((await postSlack(h.local.url, next, { timestamp: ts() })).status).toBe(200);
    const second = await waitFor(() => h.slack.calls('chat.postMessage')[0]);
    expect(second.args.channel).toBe('D0H01');
    expect(slackSees(second.args)).toMatch(/Review · 2 due/);
    expect(h.slack.calls('chat.update')).toEqual([]);
    expect(h.slack.calls('response_url')).toEqual([]);

    // A card that cannot be answered (a forged id) is refused below it; the card is not replaced.
    h.slack.reset();
    const forged = blockActionsBody({
      action: { type: 'button', action_id: `r:${answer.questionId}:2:AAAAAAAAAA:a` },
      responseUrl: h.slack.responseUrl('forged'),
      messageTs: '1700000200.000100',
      channelId: 'D0H01',
      user: { id: me.userId, username: 'ada' },
    });
    await postSlack(h.local.url, forged, { timestamp: ts() });
    const refusal = await waitFor(() => h.slack.calls('chat.postMessage')[0]);
    expect(slackSees(refusal.args)).toMatch(/That card has expired/);
    expect(h.slack.calls('chat.update')).toEqual([]);

    // Back on the Home (app_home_opened again): the numbers are today's, and the drills are offered.
    const after = slackSees(await openHome(me.userId));
    expect(after).toMatch(/\[Review 2 due\]/);
    expect(after).toMatch(/Missed\n1/);
    expect(after).toMatch(/\[Review my mistakes\]/);
    expect(after).toMatch(/\[Drill my weakest topic\]/);
  });

  it('Review my mistakes on the Home posts the drill card to the DM', async () => {
    const view = await openHome(me.userId);
    h.slack.reset();
    await clickHome(me.userId, button(view, 'Review my mistakes'));
    const card = await waitFor(() =>
      h.slack.calls('chat.postMessage').find((c) => c.args.channel === me.userId),
    );
    expect(slackSees(card.args)).toMatch(/Your mistakes · 1 left/);
  });

  it('Study settings on the Home opens the form; saving answers in the modal and republishes the Home', async () => {
    const view = await openHome(me.userId);
    h.slack.reset();
    await clickHome(me.userId, button(view, 'Study settings'), 'home-settings-trigger');
    const open = await waitFor(() =>
      h.slack.calls('views.open').find((c) => c.args.trigger_id === 'home-settings-trigger'),
    );
    const modal = open.args.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
    };
    expect(slackModalSees(modal)).toMatch(/Study settings\n.*Desired retention, % \(70–97\): \[90\]/s);
    expect(h.slack.calls('chat.postMessage')).toEqual([]);

    const good = submission(modal, me.userId, {
      retention: { type: 'plain_text_input', value: '85' },
      newPerDay: { type: 'plain_text_input', value: '5' },
      timeZone: { type: 'plain_text_input', value: 'Europe/Berlin' },
    });
    // A forged submission changes nothing.
    expect((await postSlack(h.local.url, good, { timestamp: ts(), secret: 'nope' })).status).toBe(401);
    expect((await h.store.getProfile(me)).retention).toBe(0.9);

    const res = await postSlack(h.local.url, good, { timestamp: ts() });
    expect(res.status).toBe(200);
    // No message to answer under: the modal itself shows the answer.
    const ack = (await res.json()) as { response_action: string; view: unknown };
    expect(ack.response_action).toBe('update');
    expect(slackModalSees(ack.view)).toMatch(/Study settings saved/);
    expect(slackModalSees(ack.view)).toMatch(/\[Done\]/);
    expect(await h.store.getProfile(me)).toMatchObject({
      retention: 0.85,
      newPerDay: 5,
      timeZone: 'Europe/Berlin',
    });
    // ...and the Home behind it is up to date at once (one views.publish).
    const published = h.slack.calls('views.publish');
    expect(published).toHaveLength(1);
    const home = slackSees(published[0]!.args.view);
    expect(home).toMatch(/Desired retention: 85%/);
    expect(home).toMatch(/New cards a day: 5/);
    expect(home).toMatch(/target 85%/);

    // A bad value: the modal says why, nothing is saved.
    const bad = await postSlack(
      h.local.url,
      submission(modal, me.userId, {
        retention: { type: 'plain_text_input', value: '50' },
        newPerDay: { type: 'plain_text_input', value: '5' },
        timeZone: { type: 'plain_text_input', value: '' },
      }),
      { timestamp: ts() },
    );
    const refused = (await bad.json()) as { view: unknown };
    expect(slackModalSees(refused.view)).toMatch(/Nothing was changed/);
    expect((await h.store.getProfile(me)).retention).toBe(0.85);
  });

  it('the reminder: set from the Home in the person’s Slack zone, then stopped from the Home', async () => {
    h.slack.setUser(me.userId, { tz: 'America/New_York' });
    // The person's StudyBot zone (set above) comes first; this one has none.
    const other: PersonRef = { ...me, userId: 'U0H02' };
    h.slack.setUser(other.userId, { tz: 'America/New_York' });
    const view = await openHome(other.userId);
    h.slack.reset();
    h.slack.setUser(other.userId, { tz: 'America/New_York' });
    await clickHome(other.userId, button(view, 'Set a reminder'), 'home-remind-trigger');
    const open = await waitFor(() =>
      h.slack.calls('views.open').find((c) => c.args.trigger_id === 'home-remind-trigger'),
    );
    const modal = open.args.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
    };
    const form = slackModalSees(modal);
    expect(form).toMatch(/^Study reminder/);
    expect(form).toMatch(/Time of day: 🕘 08:30/);
    expect(form).toMatch(/Time zone: ▾ America\/New York/);

    const res = await postSlack(
      h.local.url,
      submission(modal, other.userId, {
        time: { type: 'timepicker', selected_time: '07:30' },
        zone: { type: 'external_select', selected_option: { value: 'America/New_York' } },
      }),
      { timestamp: ts() },
    );
    const ack = (await res.json()) as { view: unknown };
    expect(slackModalSees(ack.view)).toMatch(/Reminder set: 07:30 America\/New_York/);
    expect((await h.store.getReminder(other))?.time).toBe('07:30');
    const republished = await waitFor(() => h.slack.calls('views.publish')[0]);
    const home = slackSees(republished.args.view);
    expect(home).toMatch(/Reminder on: 07:30 America\/New_York/);
    expect(home).toMatch(/\[Change reminder\]/);

    // Stop reminders on the Home: the Home shows it at once; no message is sent for it.
    h.slack.reset();
    await clickHome(other.userId, button(republished.args.view as { blocks: Block[] }, 'Stop reminders'));
    const stopped = await waitFor(() => h.slack.calls('views.publish')[0]);
    const shown = slackSees(stopped.args.view);
    expect(shown).toMatch(/^Reminders off/);
    expect(shown).toMatch(/You have no study reminder/);
    expect(shown).toMatch(/\[Set a reminder\]/);
    expect(h.slack.calls('chat.postMessage')).toEqual([]);
    expect(await h.store.getReminder(other)).toBeUndefined();
  });

  it('forged Home clicks reach nothing', async () => {
    const view = await openHome(me.userId);
    h.slack.reset();
    const body = homeActionsBody({ actionId: button(view, 'Review 2 due'), user: { id: me.userId } });
    const stale = ts() - 6 * 60;
    const forged = [
      postSlack(h.local.url, body, { timestamp: ts(), secret: 'not-the-secret' }),
      postSlack(h.local.url, body, { timestamp: stale }),
      postSlack(h.local.url, homeActionsBody({ actionId: 'rmoff', user: { id: me.userId } }), {
        timestamp: ts(),
        headers: { 'x-slack-signature': `v0=${'0'.repeat(64)}` },
      }),
    ];
    for (const res of await Promise.all(forged)) expect(res.status).toBe(401);
    expect(h.slack.calls()).toEqual([]);
  });

  it('`/studybot study` typed in the app’s DM answers with a normal message there; elsewhere privately', async () => {
    h.slack.reset();
    const res = await postSlack(
      h.local.url,
      slashCommandBody({
        text: 'study',
        user_id: me.userId,
        channel_id: 'D0H01',
        channel_name: 'directmessage',
      }),
      { timestamp: ts() },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const posted = await waitFor(() => h.slack.calls('chat.postMessage')[0]);
    expect(posted.args.channel).toBe('D0H01');
    expect(slackSees(posted.args)).toMatch(/Review · \d due/);

    // A DM between two people: the bot is not in it, Slack refuses the post, the card is ephemeral.
    h.slack.reset();
    h.slack.fail('chat.postMessage', { error: 'channel_not_found' });
    const elsewhere = await postSlack(
      h.local.url,
      slashCommandBody({
        text: 'study',
        user_id: me.userId,
        channel_id: 'D0PEOPLE',
        channel_name: 'directmessage',
      }),
      { timestamp: ts() },
    );
    const body = (await elsewhere.json()) as { response_type: string };
    expect(body.response_type).toBe('ephemeral');
    expect(slackSees(body)).toMatch(/Review · \d due/);
  });

  it('fits Slack’s 100 blocks for a person who studies in many channels, and names every channel', async () => {
    const busy: PersonRef = { ...me, userId: 'U0H03' };
    const study = new StudyService(h.store);
    const channels = Array.from({ length: 30 }, (_, i) => `C0MANY${String(i).padStart(2, '0')}`);
    for (const channelId of channels) {
      const channel = { platform: 'slack' as const, tenantId: 'T0001', channelId };
      const posted = (await study.postQuestion(channel, now))!;
      await study.answerPost(
        channel,
        busy,
        posted.post.postId,
        posted.question.id,
        [...posted.question.answer],
        now,
      );
    }
    const view = await openHome(busy.userId);
    expect(slackProblems(view, 'home')).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const home = slackSees(view);
    // Three boards in full, the others by name.
    expect(home.match(/Your streak here/g)).toHaveLength(3);
    expect(home).toMatch(/Also studying in #C0MANY03, #C0MANY04, .*#C0MANY29\./);
    expect(home).toMatch(/\[Study settings\]/);
  });
});
