import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordModalSees, discordSees, slackModalSees, slackSees } from '../../support/as-seen.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type PlatformHarness, startPlatformHarness } from '../../support/platform-harness.ts';
import {
  blockActionsBody,
  discordCommand,
  postDiscord,
  postSlack,
  slashCommandBody,
  waitFor,
} from '../../support/platform-requests.ts';

/**
 * The forms of issue 15 as each platform drives them, through signed requests to the local server:
 * `/studybot subscribe` alone opens a form (Slack views.open with a time picker, a time-zone menu
 * fed by block_suggestion and radio buttons; Discord a modal of Labels), its submission subscribes
 * as the typed command does; `unsubscribe` asks to confirm; `recommend` alone opens a workload form.
 */
const TARGET = dynamoTargets[0]!;
const NOW = new Date('2026-03-04T10:00:00Z'); // a Wednesday
const TS = Math.floor(NOW.getTime() / 1000);
const MANAGE_CHANNELS = String(1 << 4);
const WORKLOAD = '20 MB documents, results within 30 minutes, 500 a day';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => NOW });
  h.slack.setUser('UADMIN1', { is_admin: true, tz: 'Europe/Berlin' });
  h.slack.setUser('UMEMBER1', { is_admin: false, tz: 'Asia/Tokyo' });
});
afterAll(async () => h?.close());

const slackChannel = (channelId: string) => ({ platform: 'slack' as const, tenantId: 'T0001', channelId });
const discordChannel = (channelId: string) => ({
  platform: 'discord' as const,
  tenantId: 'G0001',
  channelId,
});

async function slash(text: string, user: string, channel: string, extra: Record<string, string> = {}) {
  const res = await postSlack(
    h.local.url,
    // A form's answer goes to the response_url of the command that opened it: the fake's, by trigger.
    slashCommandBody({
      text,
      user_id: user,
      channel_id: channel,
      response_url: h.slack.responseUrl(extra.trigger_id ?? 'cmd'),
      ...extra,
    }),
    { timestamp: TS },
  );
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
}

type SlackView = {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; element?: Record<string, unknown> }[];
};

/** The view the last views.open call opened with this trigger id. */
function openedWith(triggerId: string): SlackView {
  const call = h.slack.calls('views.open').find((c) => c.args.trigger_id === triggerId);
  expect(call, `views.open with ${triggerId}`).toBeDefined();
  return call!.args.view as SlackView;
}

/** What went back through the response_url of the command with this trigger id. */
const answersTo = (triggerId: string) => h.slack.calls('response_url').filter((c) => c.path === triggerId);

function viewSubmission(
  view: SlackView,
  user: string,
  values: Record<string, Record<string, unknown>>,
  triggerId = `sub-${Math.random()}`,
) {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'T0001' },
      user: { id: user, team_id: 'T0001' },
      trigger_id: triggerId,
      view: {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values },
      },
    }),
  }).toString();
}

/** What Slack sends for the subscribe form's three inputs. */
const subscribeState = (time: string | null, zone: string | null, days: string | null) => ({
  time: { time: { type: 'timepicker', selected_time: time } },
  zone: {
    'options:timezone': {
      type: 'external_select',
      selected_option: zone ? { text: { type: 'plain_text', text: zone }, value: zone } : null,
    },
  },
  days: { days: { type: 'radio_buttons', selected_option: days ? { value: days } : null } },
});

function blockSuggestion(value: string, user = 'UADMIN1', actionId = 'options:timezone') {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_suggestion',
      user: { id: user, name: 'ada', team_id: 'T0001' },
      team: { id: 'T0001', domain: 'acme' },
      api_app_id: 'A0001',
      token: 'legacy',
      container: { type: 'view', view_id: 'V0001' },
      block_id: 'zone',
      action_id: actionId,
      value,
    }),
  }).toString();
}

describe('the subscribe form on Slack', () => {
  it('opens for an admin, pre-filled with 09:00 on weekdays in their own Slack time zone', async () => {
    const answer = await slash('subscribe', 'UADMIN1', 'C0FORM1', { trigger_id: 'trig-open-1' });
    // The form is the answer: nothing is posted or said in the channel.
    expect(answer).toBeUndefined();
    const view = openedWith('trig-open-1');
    expect(slackModalSees(view)).toBe(
      [
        'Daily question',
        'This channel has no daily question yet. StudyBot will post one question here at this time, with yesterday’s answer and the week’s top 3.',
        'Time of day: 🕘 09:00',
        '  24-hour, in the time zone below, e.g. 09:00',
        'Time zone: ▾ Europe/Berlin (UTC+1)',
        '  An IANA name such as Europe/Berlin or America/New_York',
        'Days: (•) Monday to Friday  ( ) Every day',
        '[Cancel] [Subscribe]',
      ].join('\n'),
    );
    // A searchable menu (more than 400 zones: a static menu holds 100), asked as soon as it opens.
    const zone = view.blocks.find((b) => b.block_id === 'zone')!.element!;
    expect(zone).toMatchObject({ type: 'external_select', min_query_length: 0 });
  });

  it('answers the time-zone menu’s options requests (block_suggestion) from the zone list', async () => {
    const ask = async (typed: string) => {
      const res = await postSlack(h.local.url, blockSuggestion(typed), { timestamp: TS });
      expect(res.status).toBe(200);
      return ((await res.json()) as { options: { text: { text: string }; value: string }[] }).options;
    };
    expect((await ask('new y'))[0]).toEqual({
      text: { type: 'plain_text', text: 'America/New York (UTC-5)' },
      value: 'America/New_York',
    });
    expect((await ask('berlin')).map((o) => o.value)).toEqual(['Europe/Berlin']);
    // Nothing typed yet: the common zones, UTC first.
    const common = await ask('');
    expect(common[0]?.value).toBe('UTC');
    expect(common.map((o) => o.value)).toContain('America/Los_Angeles');
    // At most Slack's 100 options, each text within 75 characters.
    const many = await ask('a');
    expect(many.length).toBeLessThanOrEqual(100);
    for (const o of many) expect(o.text.text.length).toBeLessThanOrEqual(75);
    expect(await ask('zzzz-nowhere')).toEqual([]);
    // A forged request is refused before anything reads it.
    const forged = await postSlack(h.local.url, blockSuggestion('berlin'), {
      timestamp: TS,
      secret: 'not-the-secret',
    });
    expect(forged.status).toBe(401);
  });

  it('subscribes on submit exactly as the typed command does, once, and the channel sees it', async () => {
    const view = openedWith('trig-open-1');
    const submission = viewSubmission(
      view,
      'UADMIN1',
      subscribeState('07:30', 'America/New_York', 'daily'),
      'trig-submit-1',
    );
    const forged = await postSlack(h.local.url, submission, { timestamp: TS, secret: 'forged' });
    expect(forged.status).toBe(401);
    expect((await h.store.getChannel(slackChannel('C0FORM1')))?.subscription).toBeUndefined();

    const posts = h.slack.calls('chat.postMessage').length;
    expect((await postSlack(h.local.url, submission, { timestamp: TS })).status).toBe(200);
    const posted = await waitFor(() => h.slack.calls('chat.postMessage').at(posts));
    expect(posted.args.channel).toBe('C0FORM1');
    const formSaid = slackSees(posted.args);
    expect(formSaid).toMatch(/^📅 Daily question\nDaily question at 07:30 America\/New_York, every day\./);

    // The same in another channel, typed.
    expect(await slash('subscribe 07:30 America/New_York daily', 'UADMIN1', 'C0FORM2')).toBeUndefined();
    const typedSaid = slackSees(h.slack.calls('chat.postMessage').at(-1)!.args);
    expect(formSaid).toBe(typedSaid);
    const viaForm = await h.store.getChannel(slackChannel('C0FORM1'));
    const viaTyped = await h.store.getChannel(slackChannel('C0FORM2'));
    expect(viaForm?.subscription).toEqual({ time: '07:30', timeZone: 'America/New_York', days: 'daily' });
    expect(viaForm?.subscription).toEqual(viaTyped?.subscription);
    expect(viaForm?.nextPostAt).toBe(viaTyped?.nextPostAt);
    expect(viaForm?.timeZone).toBe('America/New_York');

    // Delivered again (a retry of the same submission): not posted twice.
    const before = h.slack.calls('chat.postMessage').length;
    const replies = answersTo('trig-open-1').length;
    expect((await postSlack(h.local.url, submission, { timestamp: TS })).status).toBe(200);
    const replayed = await waitFor(() => answersTo('trig-open-1').at(replies));
    expect(slackSees(replayed.args)).toMatch(/reached me twice/);
    expect(h.slack.calls('chat.postMessage')).toHaveLength(before);
  });

  it('opens again with the channel’s subscription, and says what it is now', async () => {
    await slash('subscribe', 'UADMIN1', 'C0FORM1', { trigger_id: 'trig-open-2' });
    const seen = slackModalSees(openedWith('trig-open-2'));
    expect(seen).toMatch(
      /^Now: 07:30 America\/New_York, every day\. Next one: Mar 4, 2026, 7:30 AM your time\./m,
    );
    expect(seen).toContain('Time of day: 🕘 07:30');
    expect(seen).toContain('Time zone: ▾ America/New York (UTC-5)');
    expect(seen).toContain('Days: ( ) Monday to Friday  (•) Every day');
    expect(seen).toMatch(/\[Save\]$/);
  });

  it('shows a member the subscription instead, and refuses a member’s submission', async () => {
    const shown = await slash('subscribe', 'UMEMBER1', 'C0FORM1', { trigger_id: 'trig-member' });
    expect(h.slack.calls('views.open').some((c) => c.args.trigger_id === 'trig-member')).toBe(false);
    expect(String(shown?.text)).toMatch(/^Daily question here at 07:30 America\/New_York, every day\./);

    const before = await h.store.getChannel(slackChannel('C0FORM1'));
    const view = openedWith('trig-open-2');
    const submission = viewSubmission(view, 'UMEMBER1', subscribeState('06:00', 'UTC', 'weekdays'));
    const replies = answersTo('trig-open-2').length;
    await postSlack(h.local.url, submission, { timestamp: TS });
    const refused = await waitFor(() => answersTo('trig-open-2').at(replies));
    expect(slackSees(refused.args)).toMatch(
      /^Only workspace admins and owners .* can change the daily question here\./,
    );
    expect(slackSees(refused.args)).toMatch(/Nothing was changed\.$/);
    expect(await h.store.getChannel(slackChannel('C0FORM1'))).toEqual(before);
  });

  it('refuses an unknown zone in a submission with a sentence that suggests close ones', async () => {
    const view = openedWith('trig-open-2');
    const replies = answersTo('trig-open-2').length;
    const before = await h.store.getChannel(slackChannel('C0FORM1'));
    await postSlack(
      h.local.url,
      viewSubmission(view, 'UADMIN1', subscribeState('07:00', 'Europe/Berln', 'weekdays')),
      { timestamp: TS },
    );
    const refused = await waitFor(() => answersTo('trig-open-2').at(replies));
    expect(refused.args.replace_original).toBe(false);
    expect(slackSees(refused.args)).toBe(
      "I don't know the time zone Europe/Berln; did you mean Europe/Berlin?\nNothing was changed.\n[Open the form again]",
    );
    expect(await h.store.getChannel(slackChannel('C0FORM1'))).toEqual(before);
  });
});

describe('the subscribe form where the bot may not post', () => {
  it('on Slack: says so privately, with the schedule, when the channel post is refused', async () => {
    await slash('subscribe', 'UADMIN1', 'C0FORM5', { trigger_id: 'trig-open-5' });
    h.slack.fail('chat.postMessage', { error: 'not_in_channel' });
    await postSlack(
      h.local.url,
      viewSubmission(openedWith('trig-open-5'), 'UADMIN1', subscribeState('09:00', 'UTC', 'weekdays')),
      { timestamp: TS },
    );
    const said = slackSees((await waitFor(() => answersTo('trig-open-5').at(0))).args);
    expect(said).toMatch(/Daily question at 09:00 UTC, Monday to Friday\./);
    expect(said).toMatch(
      /I can't post in this channel yet\. Invite me with `\/invite @StudyBot` and try again\.$/,
    );
  });
});

describe('the subscribe form on Discord', () => {
  const member = (id: string, permissions: string) => ({
    member: { user: { id, username: id }, permissions },
  });
  const interaction = (data: Record<string, unknown>, type: number, user: string, permissions: string) => ({
    id: `13${Math.floor(Math.random() * 1e15)}`,
    application_id: '100000000000000001',
    type,
    token: 'tok',
    version: 1,
    guild_id: 'G0001',
    channel_id: 'C0FORM3',
    ...member(user, permissions),
    data,
  });
  const send = async (body: unknown) =>
    (await (await postDiscord(h.local.url, body, h.keys, { timestamp: TS })).json()) as {
      type: number;
      data: Record<string, unknown> & { custom_id: string; components: Record<string, unknown>[] };
    };
  const submit = (custom_id: string, time: string, zone: string, days: string[]) =>
    interaction(
      {
        custom_id,
        components: [
          { type: 10, id: 1 },
          { type: 18, id: 2, component: { type: 4, id: 3, custom_id: 'time', value: time } },
          { type: 18, id: 4, component: { type: 4, id: 5, custom_id: 'zone', value: zone } },
          { type: 18, id: 6, component: { type: 3, id: 7, custom_id: 'days', values: days } },
        ],
      },
      5,
      'D0MANAGER',
      MANAGE_CHANNELS,
    );

  it('answers with a modal (type 9) of Labels: time, zone (UTC: no zone is known yet) and days', async () => {
    const modal = await send(
      discordCommand('subscribe', [], { channel_id: 'C0FORM3', ...member('D0MANAGER', MANAGE_CHANNELS) }),
    );
    expect(modal.type).toBe(9);
    expect(discordModalSees(modal.data)).toBe(
      [
        'Daily question',
        'This channel has no daily question yet. StudyBot will post one question here at this time, with yesterday’s answer and the week’s top 3.',
        'Time of day*: [09:00]',
        '  24-hour, in the time zone below, e.g. 09:00',
        'Time zone*: [UTC]',
        '  An IANA name such as Europe/Berlin or America/New_York',
        'Days*: ▾ Monday to Friday {Monday to Friday | Every day}',
        '[Cancel] [Submit]',
      ].join('\n'),
    );
    expect(modal.data.components.map((c) => c.type)).toEqual([10, 18, 18, 18]);
  });

  it('says what is wrong with a typed time or zone, changes nothing, and offers the form again', async () => {
    const badZone = await send(submit('subd', '07:00', 'Europe/Berln', ['weekdays']));
    expect(badZone.type).toBe(4);
    expect(badZone.data.flags).toBe(64);
    expect(discordSees(badZone.data)).toBe(
      "I don't know the time zone Europe/Berln; did you mean Europe/Berlin?\nNothing was changed.\n[Open the form again]",
    );
    const badTime = await send(submit('subd', '25:99', 'Europe/Berlin', ['weekdays']));
    expect(discordSees(badTime.data)).toMatch(/^I couldn't read "25:99" as a time of day; try 09:00\./);
    expect((await h.store.getChannel(discordChannel('C0FORM3')))?.subscription).toBeUndefined();

    const again = await send(
      interaction({ custom_id: 'subf', component_type: 2 }, 3, 'D0MANAGER', MANAGE_CHANNELS),
    );
    expect(again.type).toBe(9);
  });

  it('subscribes on submit, as typed, and posts the schedule in the channel', async () => {
    const done = await send(submit('subd', '6:45', 'europe/berlin', ['weekdays']));
    expect(discordSees(done.data)).toBe('Posted in this channel for everyone.');
    const posted = h.discord.callsTo('POST /channels/:channel/messages').at(-1)!;
    expect(posted.path).toBe('/channels/C0FORM3/messages');
    expect(discordSees(posted.body)).toMatch(/Daily question at 06:45 Europe\/Berlin, Monday to Friday\./);
    expect((await h.store.getChannel(discordChannel('C0FORM3')))?.subscription).toEqual({
      time: '06:45',
      timeZone: 'Europe/Berlin',
      days: 'weekdays',
    });
  });

  it('shows a member without Manage Channels the subscription, not a form', async () => {
    const shown = await send(
      discordCommand('subscribe', [], { channel_id: 'C0FORM3', ...member('D0MEMBER', '0') }),
    );
    expect(shown.type).toBe(4);
    expect(discordSees(shown.data)).toMatch(
      /^Daily question here at 06:45 Europe\/Berlin, Monday to Friday\./,
    );
  });
});

describe('unsubscribe asks to confirm', () => {
  it('on Slack: says what will stop; Keep it keeps it; a member’s, a forged and a replayed click change nothing', async () => {
    const confirm = await slash('unsubscribe', 'UADMIN1', 'C0FORM2');
    expect(slackSees(confirm)).toBe(
      [
        '🛑 Stop the daily question?',
        'This stops the daily question here: 07:30 America/New_York, every day. The next one would be Mar 4, 2026, 7:30 AM your time.',
        'Points, streaks, leaderboards and everyone’s review cards stay; `/studybot subscribe` starts it again.',
        '[Unsubscribe]',
        '[Keep it]',
      ].join('\n'),
    );
    type Element = { action_id: string; style?: string };
    const buttons = ((confirm?.blocks ?? []) as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => [b.action_id.split(':')[0], b.style])).toEqual([
      ['unsub', 'danger'],
      ['unsub-keep', undefined],
    ]);
    const stop = buttons[0]!.action_id;
    const channel = slackChannel('C0FORM2');
    const click = (action: string, user: string, responseId: string, triggerId?: string) =>
      postSlack(
        h.local.url,
        blockActionsBody({
          action: { type: 'button', action_id: action },
          responseUrl: h.slack.responseUrl(responseId),
          ephemeral: true,
          user: { id: user, username: user.toLowerCase() },
          channelId: 'C0FORM2',
          ...(triggerId ? { triggerId } : {}),
        }),
        { timestamp: TS },
      );
    const reply = (id: string, n = 0) =>
      waitFor(() =>
        h.slack
          .calls('response_url')
          .filter((c) => c.path === id)
          .at(n),
      );

    await click('unsub-keep', 'UADMIN1', 'u-keep');
    expect(slackSees((await reply('u-keep')).args)).toBe(
      'Nothing changed: the daily question here stays (07:30 America/New_York, every day).',
    );
    expect((await h.store.getChannel(channel))?.subscription).toBeDefined();

    await click(stop, 'UMEMBER1', 'u-member');
    expect(slackSees((await reply('u-member')).args)).toMatch(
      /^Only workspace admins and owners .* can change the daily question here\. Nothing was changed\.$/,
    );
    expect((await h.store.getChannel(channel))?.subscription).toBeDefined();

    const forged = await postSlack(
      h.local.url,
      blockActionsBody({
        action: { type: 'button', action_id: stop },
        responseUrl: h.slack.responseUrl('u-forged'),
        ephemeral: true,
        user: { id: 'UADMIN1' },
        channelId: 'C0FORM2',
      }),
      { timestamp: TS, secret: 'forged' },
    );
    expect(forged.status).toBe(401);
    expect((await h.store.getChannel(channel))?.subscription).toBeDefined();

    await click(stop, 'UADMIN1', 'u-stop', 'trig-stop-1');
    const stopped = await reply('u-stop');
    expect(stopped.args.replace_original).toBe(true);
    expect(slackSees(stopped.args)).toBe(
      'Daily questions stopped in this channel. `/studybot subscribe` starts them again.',
    );
    expect((await h.store.getChannel(channel))?.subscription).toBeUndefined();

    // Delivered again, and clicked again later: nothing more happens, and it says so.
    await click(stop, 'UADMIN1', 'u-stop', 'trig-stop-1');
    expect(slackSees((await reply('u-stop', 1)).args)).toMatch(/reached me twice/);
    await click(stop, 'UADMIN1', 'u-stop', 'trig-stop-2');
    expect(slackSees((await reply('u-stop', 2)).args)).toBe(
      'The daily question here had already stopped; nothing changed.',
    );
  });

  it('on Discord: an old confirm does not stop a schedule changed since; a fresh one does, in place', async () => {
    const manager = { member: { user: { id: 'D0MANAGER', username: 'm' }, permissions: MANAGE_CHANNELS } };
    const ask = async () =>
      (
        (await (
          await postDiscord(
            h.local.url,
            discordCommand('unsubscribe', [], { channel_id: 'C0FORM3', ...manager }),
            h.keys,
            { timestamp: TS },
          )
        ).json()) as { type: number; data: { components: { components: Record<string, unknown>[] }[] } }
      ).data;
    const first = await ask();
    const buttons = first.components.flatMap((r) => r.components);
    expect(buttons.map((b) => [b.label, b.style])).toEqual([
      ['Unsubscribe', 4],
      ['Keep it', 2],
    ]);
    expect(discordSees(first)).toMatch(
      /This stops the daily question here: 06:45 Europe\/Berlin, Monday to Friday\./,
    );
    // Someone changes the time before the old confirm is clicked.
    await postDiscord(
      h.local.url,
      discordCommand('subscribe', [{ name: 'time', type: 3, value: '08:15' }], {
        channel_id: 'C0FORM3',
        ...manager,
      }),
      h.keys,
      { timestamp: TS },
    );
    const click = async (customId: string) =>
      (await (
        await postDiscord(
          h.local.url,
          {
            id: `13${Math.floor(Math.random() * 1e15)}`,
            application_id: '100000000000000001',
            type: 3,
            token: 'tok',
            version: 1,
            guild_id: 'G0001',
            channel_id: 'C0FORM3',
            ...manager,
            message: { id: 'M-confirm', flags: 64 },
            data: { custom_id: customId, component_type: 2 },
          },
          h.keys,
          { timestamp: TS },
        )
      ).json()) as { type: number; data: unknown };
    const stale = await click(String(buttons[0]!.custom_id));
    expect(stale.type).toBe(7);
    expect(discordSees(stale.data)).toMatch(
      /^The daily question here changed since you were asked \(now 08:15 Europe\/Berlin, Monday to Friday\); nothing was stopped\./,
    );
    expect((await h.store.getChannel(discordChannel('C0FORM3')))?.subscription?.time).toBe('08:15');

    const fresh = (await ask()).components.flatMap((r) => r.components)[0]!;
    const done = await click(String(fresh.custom_id));
    expect(done.type).toBe(7);
    expect(discordSees(done.data)).toMatch(/^Daily questions stopped in this channel\./);
    expect((await h.store.getChannel(discordChannel('C0FORM3')))?.subscription).toBeUndefined();
  });

  it('refuses a confirm older than 15 minutes', async () => {
    await slash('subscribe 09:00 UTC', 'UADMIN1', 'C0FORM4');
    const confirm = await slash('unsubscribe', 'UADMIN1', 'C0FORM4');
    const stop = /"action_id":"(unsub:[^"]+)"/.exec(JSON.stringify(confirm))![1]!;
    const [, , print] = stop.split(':');
    const old = `unsub:${(NOW.getTime() - 16 * 60_000).toString(36)}:${print}`;
    await postSlack(
      h.local.url,
      blockActionsBody({
        action: { type: 'button', action_id: old },
        responseUrl: h.slack.responseUrl('u-old'),
        ephemeral: true,
        user: { id: 'UADMIN1' },
        channelId: 'C0FORM4',
      }),
      { timestamp: TS },
    );
    const said = await waitFor(() => h.slack.calls('response_url').find((c) => c.path === 'u-old'));
    expect(slackSees(said.args)).toMatch(/^That confirm has expired; nothing was stopped\./);
    expect((await h.store.getChannel(slackChannel('C0FORM4')))?.subscription).toBeDefined();
  });
});

describe('the recommend form', () => {
  it('on Slack: `recommend` alone opens one multi-line field; submitting answers as the typed command', async () => {
    const answer = await slash('recommend', 'U0REC', 'C0REC', {
      trigger_id: 'trig-rec',
      response_url: h.slack.responseUrl('rec-form'),
    });
    expect(answer).toBeUndefined();
    const view = openedWith('trig-rec');
    expect(view.blocks.map((b) => b.type)).toEqual(['section', 'input']);
    expect(view.blocks[1]!.element).toMatchObject({
      type: 'plain_text_input',
      multiline: true,
      max_length: 3000,
    });
    expect(slackModalSees(view)).toMatch(/^SageMaker deployment\nDescribe the workload in plain words/);

    await postSlack(
      h.local.url,
      viewSubmission(view, 'U0REC', { text: { text: { type: 'plain_text_input', value: WORKLOAD } } }),
      { timestamp: TS },
    );
    const formAnswer = await waitFor(() => h.slack.calls('response_url').find((c) => c.path === 'rec-form'));
    expect(formAnswer.args.replace_original).toBe(false);
    const typed = await slash(`recommend ${WORKLOAD}`, 'U0REC', 'C0REC');
    // The same answer; only the ids of its Share and Adjust buttons differ.
    const strip = (s: string) => s.replace(/(share|adjust):[a-z0-9]+/g, '$1');
    expect(strip(slackSees(formAnswer.args))).toBe(strip(slackSees(typed)));
    expect(slackSees(formAnswer.args)).toMatch(
      /I read: 20 MB per request · results within 30 min · ~500 a day/,
    );

    // Submitted empty: a sentence, not an answer.
    await postSlack(
      h.local.url,
      viewSubmission(view, 'U0REC', { text: { text: { type: 'plain_text_input', value: '   ' } } }),
      { timestamp: TS },
    );
    const empty = await waitFor(() =>
      h.slack
        .calls('response_url')
        .filter((c) => c.path === 'rec-form')
        .at(1),
    );
    expect(slackSees(empty.args)).toBe('Describe the workload, then submit the form again.');
  });

  it('on Discord: `recommend` with no text answers with a modal; its submission answers privately', async () => {
    const modal = (await (
      await postDiscord(h.local.url, discordCommand('recommend', []), h.keys, { timestamp: TS })
    ).json()) as {
      type: number;
      data: { custom_id: string; components: { type: number; component?: Record<string, unknown> }[] };
    };
    expect(modal.type).toBe(9);
    expect(modal.data.components[1]).toMatchObject({
      type: 18,
      label: 'Your workload, in your words',
      component: { type: 4, custom_id: 'text', style: 2, required: true, max_length: 4000 },
    });
    const submitted = (await (
      await postDiscord(
        h.local.url,
        {
          id: `13${Math.floor(Math.random() * 1e15)}`,
          application_id: '100000000000000001',
          type: 5,
          token: 'tok',
          version: 1,
          guild_id: 'G0001',
          channel_id: 'C0001',
          member: { user: { id: 'D0001', username: 'grace' }, permissions: '0' },
          data: {
            custom_id: modal.data.custom_id,
            components: [
              { type: 10, id: 1 },
              { type: 18, id: 2, component: { type: 4, id: 3, custom_id: 'text', value: WORKLOAD } },
            ],
          },
        },
        h.keys,
        { timestamp: TS },
      )
    ).json()) as { type: number; data: { flags?: number } };
    expect(submitted.type).toBe(4);
    expect(submitted.data.flags).toBe(64);
    const typed = (await (
      await postDiscord(
        h.local.url,
        discordCommand('recommend', [{ name: 'text', type: 3, value: WORKLOAD }]),
        h.keys,
        { timestamp: TS },
      )
    ).json()) as { data: unknown };
    const strip = (s: string) => s.replace(/(share|adjust):[a-z0-9]+/g, '$1');
    expect(strip(discordSees(submitted.data))).toBe(strip(discordSees(typed.data)));
    expect(discordSees(submitted.data).split('\n')[0]).toMatch(/^SageMaker recommendation/);
  });
});
