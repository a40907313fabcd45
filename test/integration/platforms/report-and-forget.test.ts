import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordSees, slackSees } from '../../support/as-seen.ts';
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
 * "Report a problem" on a question's feedback, and `/studybot forget-me`, as each platform drives
 * them: signed requests to the local server, the fake Slack and Discord APIs, the store on dynalite.
 */
const TARGET = dynamoTargets[0]!;
const NOW = new Date('2026-03-04T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => NOW });
});
afterAll(async () => h?.close());

/** Slack: `/studybot study`, then a click on the first choice; returns the feedback as posted. */
async function slackStudyFeedback(user: string, responseId: string) {
  const res = await postSlack(h.local.url, slashCommandBody({ text: 'study', user_id: user }), {
    timestamp: TS,
  });
  const card = await res.json();
  const choice = actionIds(card, 'r:')[0]!;
  // A "choose two" card has checkboxes: their ticks come in the state, the submit is the button.
  const text = JSON.stringify(card);
  const ticks = text.includes('picker-checkboxes')
    ? [...text.matchAll(/"value":"([a-z])"/g)].slice(0, 2).map((m) => ({ value: m[1]! }))
    : [];
  const before = h.slack.calls('response_url').length;
  const click = blockActionsBody({
    action: { type: 'button', action_id: choice },
    ...(ticks.length ? { state: { picker: { 'picker-checkboxes': { selected_options: ticks } } } } : {}),
    responseUrl: h.slack.responseUrl(responseId),
    ephemeral: true,
    user: { id: user, username: user.toLowerCase() },
  });
  expect((await postSlack(h.local.url, click, { timestamp: TS })).status).toBe(200);
  return waitFor(() =>
    h.slack
      .calls('response_url')
      .slice(before)
      .find((c) => c.path === responseId),
  );
}

function slackSubmission(
  view: { callback_id: string; private_metadata: string },
  user: string,
  reason: string,
) {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'T0001' },
      user: { id: user, team_id: 'T0001' },
      view: {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { reason: { reason: { type: 'plain_text_input', value: reason } } } },
      },
    }),
  }).toString();
}

async function discordStudyFeedback(user: string) {
  const res = await postDiscord(
    h.local.url,
    discordCommand('study', [], { member: { user: { id: user, username: 'g' }, permissions: '0' } }),
    h.keys,
    {
      timestamp: TS,
    },
  );
  const card = ((await res.json()) as { data: unknown }).data;
  const choice = actionIds(card, 'r:')[0]!;
  // A "choose two" card is a select whose picks come as values.
  type Row = { components: { type: number; min_values?: number; options?: { value: string }[] }[] };
  const select = (card as { components: Row[] }).components
    .flatMap((r) => r.components)
    .find((c) => c.type === 3);
  const data = select
    ? {
        custom_id: choice,
        component_type: 3,
        values: select.options!.slice(0, select.min_values).map((o) => o.value),
      }
    : { custom_id: choice, component_type: 2 };
  const answered = (await (
    await postDiscord(h.local.url, discordInteraction(data, 3, user), h.keys, {
      timestamp: TS,
    })
  ).json()) as { data: unknown };
  return answered.data;
}

describe('Report a problem', () => {
  it('on Slack: the feedback has the button, it opens a form, and the submission is stored once and thanked for', async () => {
    const feedback = await slackStudyFeedback('U0101', 'fb1');
    expect(slackSees(feedback.args)).toMatch(/\[Report a problem\]/);
    const flag = actionIds(feedback.args, 'flag:')[0]!;
    const questionId = flag.split(':')[1]!;

    const click = blockActionsBody({
      action: { type: 'button', action_id: flag },
      responseUrl: h.slack.responseUrl('fb1'),
      ephemeral: true,
      user: { id: 'U0101', username: 'ada' },
    });
    expect((await postSlack(h.local.url, click, { timestamp: TS })).status).toBe(200);
    const open = h.slack.calls('views.open').at(-1)!;
    const view = open.args.view as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: { block_id: string; element: { max_length: number } }[];
    };
    expect(view.title.text).toBe('Report a problem');
    expect(view.blocks[0]!.block_id).toBe('reason');
    expect(view.blocks[0]!.element.max_length).toBe(300);

    const submission = slackSubmission(view, 'U0101', 'The answer quotes the old 15-minute limit.');
    // A forged copy (wrong signing secret) is refused and stores nothing.
    expect(
      (await postSlack(h.local.url, submission, { timestamp: TS, secret: 'not-the-secret' })).status,
    ).toBe(401);
    expect((await h.store.listReports()).filter((r) => r.questionId === questionId)).toEqual([]);

    const before = h.slack.calls('response_url').length;
    expect((await postSlack(h.local.url, submission, { timestamp: TS })).status).toBe(200);
    const thanks = await waitFor(() => h.slack.calls('response_url').at(before));
    expect(thanks.args.replace_original).toBe(false);
    expect(slackSees(thanks.args)).toMatch(/^Thank you: your report is saved/);

    // The same submission delivered again counts once; a second report replaces the reason.
    expect((await postSlack(h.local.url, submission, { timestamp: TS })).status).toBe(200);
    await waitFor(() => h.slack.calls('response_url').at(before + 1));
    const changed = slackSubmission(view, 'U0101', 'Choice B is also right.');
    expect((await postSlack(h.local.url, changed, { timestamp: TS })).status).toBe(200);
    await waitFor(() => h.slack.calls('response_url').at(before + 2));
    const stored = (await h.store.listReports()).filter((r) => r.questionId === questionId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.reason).toBe('Choice B is also right.');
  });

  it('on Discord: the button answers with a modal (type 9), and the submission is thanked for privately', async () => {
    const feedback = await discordStudyFeedback('D0101');
    expect(discordSees(feedback)).toMatch(/\[Report a problem\]/);
    const flag = actionIds(feedback, 'flag:')[0]!;
    const questionId = flag.split(':')[1]!;
    const modal = (await (
      await postDiscord(
        h.local.url,
        discordInteraction({ custom_id: flag, component_type: 2 }, 3, 'D0101'),
        h.keys,
        {
          timestamp: TS,
        },
      )
    ).json()) as {
      type: number;
      data: {
        custom_id: string;
        title: string;
        components: { components: { custom_id: string; max_length: number }[] }[];
      };
    };
    expect(modal.type).toBe(9);
    expect(modal.data.title).toBe('Report a problem');
    expect(modal.data.components[0]!.components[0]).toMatchObject({ custom_id: 'reason', max_length: 300 });

    const submit = discordInteraction(
      {
        custom_id: modal.data.custom_id,
        components: [{ type: 1, components: [{ type: 4, custom_id: 'reason', value: 'Typo in choice C.' }] }],
      },
      5,
      'D0101',
      '1300000000000000077',
    );
    const forged = await postDiscord(h.local.url, submit, h.keys, {
      timestamp: TS,
      headers: { 'x-signature-ed25519': '00'.repeat(64) },
    });
    expect(forged.status).toBe(401);
    const answered = (await (await postDiscord(h.local.url, submit, h.keys, { timestamp: TS })).json()) as {
      type: number;
      data: { flags: number };
    };
    expect(answered.type).toBe(4);
    expect(answered.data.flags).toBe(64);
    expect(discordSees(answered.data)).toMatch(/^Thank you: your report is saved/);
    // Replayed: still one report.
    await postDiscord(h.local.url, submit, h.keys, { timestamp: TS });
    const stored = (await h.store.listReports()).filter(
      (r) => r.questionId === questionId && r.platform === 'discord',
    );
    expect(stored).toHaveLength(1);
  });

  it('refuses an empty or over-long reason with a sentence, storing nothing', async () => {
    const feedback = await slackStudyFeedback('U0102', 'fb2');
    const flag = actionIds(feedback.args, 'flag:')[0]!;
    const view = {
      callback_id: flag.replace(/^flag:/, 'flagd:'),
      private_metadata: JSON.stringify({ responseUrl: h.slack.responseUrl('fb2'), channelId: 'C0001' }),
    };
    const before = h.slack.calls('response_url').length;
    await postSlack(h.local.url, slackSubmission(view, 'U0102', 'x'.repeat(301)), { timestamp: TS });
    const refusal = await waitFor(() => h.slack.calls('response_url').at(before));
    expect(slackSees(refusal.args)).toMatch(/at most 300 characters/);
    expect((await h.store.listReports()).some((r) => r.reason.startsWith('xxx'))).toBe(false);
  });
});

describe('forget-me', () => {
  it('on Slack: asks to confirm with a button, then deletes everything about the person and says what', async () => {
    // Data to delete: a card from study, a channel answer (member row, answer fact), a report.
    await slackStudyFeedback('U0201', 'fm1');
    const quiz = await postSlack(h.local.url, slashCommandBody({ text: 'quiz', user_id: 'U0201' }), {
      timestamp: TS,
    });
    expect(quiz.status).toBe(200);
    const posted = h.slack.calls('chat.postMessage').at(-1)!;
    const choice = actionIds(posted.args.blocks, 'q:')[0]!;
    await postSlack(
      h.local.url,
      blockActionsBody({
        action: { type: 'button', action_id: choice },
        responseUrl: h.slack.responseUrl('fm2'),
        user: { id: 'U0201', username: 'ada' },
      }),
      { timestamp: TS },
    );
    await waitFor(() => h.slack.calls('response_url').find((c) => c.path === 'fm2'));
    await h.store.saveReport(
      { platform: 'slack', tenantId: 'T0001', userId: 'U0201' },
      's000-scheduled-plus-target-tracking',
      'typo',
      NOW,
    );
    // Someone else's data in the same workspace stays.
    await slackStudyFeedback('U0202', 'fm3');

    const res = await postSlack(h.local.url, slashCommandBody({ text: 'forget-me', user_id: 'U0201' }), {
      timestamp: TS,
    });
    const confirm = await res.json();
    expect(slackSees(confirm)).toMatch(/Delete your StudyBot data\?/);
    expect(slackSees(confirm)).toMatch(/\[Delete my data\]/);
    expect(slackSees(confirm)).toMatch(/\[Keep my data\]/);
    const forget = actionIds(confirm, 'forget:')[0]!;
    const person = { platform: 'slack' as const, tenantId: 'T0001', userId: 'U0201' };
    expect((await h.store.listCards(person)).length).toBeGreaterThan(0);

    const click = blockActionsBody({
      action: { type: 'button', action_id: forget },
      responseUrl: h.slack.responseUrl('fm4'),
      ephemeral: true,
      user: { id: 'U0201', username: 'ada' },
      triggerId: 'forget-trigger-1',
    });
    // Forged: refused, and nothing is deleted.
    expect((await postSlack(h.local.url, click, { timestamp: TS, secret: 'forged' })).status).toBe(401);
    expect((await h.store.listCards(person)).length).toBeGreaterThan(0);

    expect((await postSlack(h.local.url, click, { timestamp: TS })).status).toBe(200);
    const done = await waitFor(() => h.slack.calls('response_url').find((c) => c.path === 'fm4'));
    expect(done.args.replace_original).toBe(true);
    expect(slackSees(done.args)).toMatch(
      /^Done: StudyBot deleted 2 review cards with their schedule and answers, your study settings, your points and streaks in 1 channel, 1 recorded answer to channel questions, your review history \(2 answers\) and 1 question report from this workspace/,
    );
    expect(await h.store.listCards(person)).toEqual([]);
    expect(
      await h.store.getMember({ platform: 'slack', tenantId: 'T0001', channelId: 'C0001' }, 'U0201'),
    ).toBeUndefined();
    expect((await h.store.listReports()).some((r) => r.reason === 'typo')).toBe(false);
    expect((await h.store.listCards({ ...person, userId: 'U0202' })).length).toBe(1);

    // The same click delivered again deletes nothing more and says so.
    await postSlack(h.local.url, click, { timestamp: TS });
    const again = await waitFor(() =>
      h.slack
        .calls('response_url')
        .filter((c) => c.path === 'fm4')
        .at(1),
    );
    expect(slackSees(again.args)).toMatch(/reached me twice/);
  });

  it('on Discord: the confirm replaces itself with what was deleted; Keep my data deletes nothing', async () => {
    await discordStudyFeedback('D0201');
    const person = { platform: 'discord' as const, tenantId: 'G0001', userId: 'D0201' };
    const ask = async () =>
      (
        (await (
          await postDiscord(
            h.local.url,
            discordCommand('forget-me', [], {
              member: { user: { id: 'D0201', username: 'g' }, permissions: '0' },
            }),
            h.keys,
            { timestamp: TS },
          )
        ).json()) as { data: unknown }
      ).data;
    const keep = (await (
      await postDiscord(
        h.local.url,
        discordInteraction({ custom_id: 'forget-keep', component_type: 2 }, 3, 'D0201'),
        h.keys,
        { timestamp: TS },
      )
    ).json()) as { type: number; data: unknown };
    expect(keep.type).toBe(7);
    expect(discordSees(keep.data)).toMatch(/Nothing was deleted/);
    expect((await h.store.listCards(person)).length).toBe(1);

    const forget = actionIds(await ask(), 'forget:')[0]!;
    const done = (await (
      await postDiscord(
        h.local.url,
        discordInteraction({ custom_id: forget, component_type: 2 }, 3, 'D0201'),
        h.keys,
        { timestamp: TS },
      )
    ).json()) as { type: number; data: unknown };
    expect(done.type).toBe(7);
    expect(discordSees(done.data)).toMatch(
      /^Done: StudyBot deleted 1 review card .* from every server and DM on Discord/,
    );
    expect(await h.store.listCards(person)).toEqual([]);
  });

  it('refuses a confirm older than 15 minutes', async () => {
    const old = `forget:${(NOW.getTime() - 16 * 60_000).toString(36)}`;
    const res = (await (
      await postDiscord(
        h.local.url,
        discordInteraction({ custom_id: old, component_type: 2 }, 3, 'D0202'),
        h.keys,
        { timestamp: TS },
      )
    ).json()) as { data: unknown };
    expect(discordSees(res.data)).toMatch(/That confirm has expired; nothing was deleted/);
  });
});
