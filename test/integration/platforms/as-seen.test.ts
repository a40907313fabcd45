import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Question, questionsById } from '../../../src/content/index.ts';
import { PICKER_BLOCK_ID, PICKER_CHECKBOXES_ID } from '../../../src/platforms/slack/render.ts';
import { discordProblems, discordSees, slackProblems, slackSees } from '../../support/as-seen.ts';
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
 * What a person reads, on both platforms: every reply is taken as the platform receives it (the
 * Slack command's response body, chat.postMessage, response_url, views.publish; Discord's
 * interaction response and channel messages), rendered to the text the client shows, and checked
 * for what the person needs and for the platform's limits. One table of inputs runs through both.
 */
const NOW = new Date('2026-03-04T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const TARGET = dynamoTargets[0]!;

type Seen = { text: string; problems: string[] };

let interactionSeq = 0;

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => NOW });
});
afterAll(async () => h?.close());

/** `/studybot <text>` on Slack: the private answer, or the channel post when it posts one. */
async function slackCommand(text: string, user = 'U0001', channel = 'C0001'): Promise<Seen> {
  const before = h.slack.calls('chat.postMessage').length;
  const res = await postSlack(h.local.url, slashCommandBody({ text, user_id: user, channel_id: channel }), {
    timestamp: TS,
  });
  expect(res.status).toBe(200);
  const raw = await res.text();
  const payload = raw ? JSON.parse(raw) : h.slack.calls('chat.postMessage').slice(before).at(-1)?.args;
  expect(payload, `no reply to "${text}"`).toBeDefined();
  return { text: slackSees(payload), problems: slackProblems(payload) };
}

/** A click on Slack: the private answer Bolt sends to response_url. */
async function slackClick(
  actionId: string,
  options: { user?: string; checked?: string[]; channel?: string } = {},
): Promise<Seen> {
  const user = options.user ?? 'U0001';
  const before = h.slack.calls('response_url').length;
  const body = blockActionsBody({
    action: { type: 'button', action_id: actionId },
    responseUrl: h.slack.responseUrl(user),
    user: { id: user, username: user.toLowerCase() },
    ...(options.channel ? { channelId: options.channel } : {}),
    ...(options.checked
      ? {
          state: {
            [PICKER_BLOCK_ID]: {
              [PICKER_CHECKBOXES_ID]: {
                type: 'checkboxes',
                selected_options: options.checked.map((value) => ({ value })),
              },
            },
          },
        }
      : {}),
  });
  expect((await postSlack(h.local.url, body, { timestamp: TS })).status).toBe(200);
  for (let i = 0; i < 200 && h.slack.calls('response_url').length === before; i++)
    await new Promise((r) => setTimeout(r, 20));
  const payload = h.slack.calls('response_url').at(-1)?.args;
  return { text: slackSees(payload), problems: slackProblems(payload) };
}

/** `/studybot <sub> …` on Discord: the interaction's answer, or the channel message it posted. */
async function discordCommandSeen(
  sub: string,
  options: { name: string; type: number; value: unknown }[] = [],
  user = 'D0001',
): Promise<Seen> {
  const before = h.discord.callsTo('POST /channels/:channel/messages').length;
  const res = await postDiscord(
    h.local.url,
    discordCommand(sub, options, {
      id: `11${String(++interactionSeq).padStart(16, '0')}`,
      member: { user: { id: user, username: user.toLowerCase() }, permissions: '0' },
    }),
    h.keys,
    { timestamp: TS },
  );
  expect(res.status).toBe(200);
  const data = ((await res.json()) as { data: unknown }).data;
  const posted = h.discord.callsTo('POST /channels/:channel/messages').slice(before).at(-1)?.body;
  const payload = posted ?? data;
  return { text: discordSees(payload), problems: discordProblems(payload) };
}

/** A click on Discord: the interaction's answer. */
async function discordClick(customId: string, values?: string[], user = 'D0001'): Promise<Seen> {
  const res = await postDiscord(
    h.local.url,
    {
      id: `13${String(++interactionSeq).padStart(16, '0')}`,
      application_id: '100000000000000001',
      type: 3,
      token: 'tok',
      version: 1,
      guild_id: 'G0001',
      channel_id: 'C0001',
      member: { user: { id: user, username: user.toLowerCase() }, permissions: '0' },
      message: { id: 'M-posted', flags: 0 },
      data: values
        ? { custom_id: customId, component_type: 3, values }
        : { custom_id: customId, component_type: 2 },
    },
    h.keys,
    { timestamp: TS },
  );
  expect(res.status).toBe(200);
  const data = ((await res.json()) as { data: unknown }).data;
  return { text: discordSees(data), problems: discordProblems(data) };
}

/** Posts `/studybot quiz <topic>` and returns the channel message as the platform received it (JSON). */
async function postQuiz(
  platform: 'slack' | 'discord',
  topic: string,
  user: string,
  channel: string,
): Promise<string> {
  if (platform === 'slack') {
    const n = h.slack.calls('chat.postMessage').length;
    await slackCommand(`quiz ${topic}`, user, channel);
    return JSON.stringify(h.slack.calls('chat.postMessage')[n]?.args);
  }
  const n = h.discord.callsTo('POST /channels/:channel/messages').length;
  await discordCommandSeen('quiz', [{ name: 'topic', type: 3, value: topic }], user);
  return JSON.stringify(h.discord.callsTo('POST /channels/:channel/messages')[n]?.body);
}

/** The lines a person reads, whatever the layout: the set compared across platforms. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\[.*\]$/.test(l))
    .sort();
}

function firstAction(text: string, prefix: string): string | undefined {
  return new RegExp(`${prefix}:[^"\\s]+`).exec(text)?.[0];
}

const LONG = `recommend ${'20 MB documents, results within 30 minutes. '.repeat(100)}`;

/** One input, typed on Slack and sent as Discord options: both must answer the same. */
const PARITY: {
  name: string;
  slack: string;
  discord: [string, { name: string; type: number; value: unknown }[]];
  expect: RegExp;
}[] = [
  {
    name: '/studybot alone shows help',
    slack: '',
    discord: ['help', []],
    expect: /StudyBot commands|Commands/,
  },
  { name: 'help', slack: 'help', discord: ['help', []], expect: /\/studybot quiz/ },
  {
    name: 'an unknown leaderboard period is refused with the choices',
    slack: 'leaderboard yearly',
    discord: ['leaderboard', [{ name: 'period', type: 3, value: 'yearly' }]],
    expect: /"yearly" is not a leaderboard period; use week or all/,
  },
  {
    name: 'an empty all-time board',
    slack: 'leaderboard all',
    discord: ['leaderboard', [{ name: 'period', type: 3, value: 'all' }]],
    expect: /All time/,
  },
  {
    name: 'a retention out of range is refused with the range',
    slack: 'study retention 5',
    discord: ['study', [{ name: 'retention', type: 10, value: 5 }]],
    expect: /from 0\.7 to 0\.97/,
  },
  {
    name: 'an unknown topic',
    slack: 'quiz nosuchtopic',
    discord: ['quiz', [{ name: 'topic', type: 3, value: 'nosuchtopic' }]],
    expect: /I don't know the topic "nosuchtopic"/,
  },
  {
    name: 'a workload over the limit says the limit',
    slack: LONG,
    discord: ['recommend', [{ name: 'text', type: 3, value: LONG.slice('recommend '.length) }]],
    expect: /at most 4,000 characters \(yours has 4,\d{3}\)/,
  },
  {
    name: 'a recommendation',
    slack: 'recommend 20 MB documents, results within 30 minutes, 500 a day',
    discord: [
      'recommend',
      [{ name: 'text', type: 3, value: '20 MB documents, results within 30 minutes, 500 a day' }],
    ],
    expect: /Asynchronous|async/i,
  },
  {
    name: 'a subscription shown to anyone',
    slack: 'subscribe',
    discord: ['subscribe', []],
    expect: /daily question/i,
  },
];

describe('what a person sees: the same input answered the same way on Slack and Discord', () => {
  it.each(PARITY)('$name', async (row) => {
    const s = await slackCommand(row.slack, 'U0009', 'C0PARITY');
    const d = await discordCommandSeen(row.discord[0], row.discord[1], 'D0009');
    expect(s.text).toMatch(row.expect);
    expect(d.text).toMatch(row.expect);
    expect(lines(d.text)).toEqual(lines(s.text));
    expect(s.problems).toEqual([]);
    expect(d.problems).toEqual([]);
  });
});

describe('what a person sees: questions, answers and progress', () => {
  /** The question behind a posted message, read from its first answer action. */
  const questionOf = (actionId: string): Question => {
    const q = questionsById.get(actionId.split(':')[2] ?? '');
    expect(q, actionId).toBeDefined();
    return q!;
  };

  it('a Slack channel question shows every choice in full, and the Discord one too', async () => {
    const before = h.slack.calls('chat.postMessage').length;
    const s = await slackCommand('quiz autoscaling');
    const posted = JSON.stringify(h.slack.calls('chat.postMessage').slice(before).at(-1)?.args);
    const sq = questionOf(firstAction(posted, 'q')!);
    for (const c of sq.choices) expect(s.text).toContain(c.text);
    expect(s.text).toContain(sq.prompt);

    const dBefore = h.discord.callsTo('POST /channels/:channel/messages').length;
    const d = await discordCommandSeen('quiz', [{ name: 'topic', type: 3, value: 'autoscaling' }]);
    const dPosted = JSON.stringify(
      h.discord.callsTo('POST /channels/:channel/messages').slice(dBefore).at(-1)?.body,
    );
    const dq = questionOf(firstAction(dPosted, 'q')!);
    for (const c of dq.choices) expect(d.text).toContain(c.text);
    expect(d.text).toContain(dq.prompt);
    expect(s.problems).toEqual([]);
    expect(d.problems).toEqual([]);
  });

  it('a wrong answer shows the right one in full and lowers that topic to recall 0%, the same on both', async () => {
    const seen: Record<string, { feedback: string; progress: string }> = {};
    for (const platform of ['slack', 'discord'] as const) {
      const user = platform === 'slack' ? 'U0100' : 'D0100';
      const posted = await postQuiz(platform, 'containers', user, 'C0WRONG');
      const action = firstAction(posted, 'q')!;
      const q = questionOf(action);
      const [, postId] = action.split(':');
      const wrong = q.choices
        .map((c) => c.id)
        .filter((id) => !q.answer.includes(id))
        .slice(0, q.answer.length);
      const id = `q:${postId}:${q.id}`;
      const multiple = q.type === 'multiple';
      const feedback =
        platform === 'slack'
          ? await slackClick(multiple ? id : `${id}:${wrong[0]}`, {
              user,
              channel: 'C0WRONG',
              ...(multiple ? { checked: wrong } : {}),
            })
          : await discordClick(multiple ? id : `${id}:${wrong[0]}`, multiple ? wrong : undefined, user);
      expect(feedback.text, platform).toMatch(/Not quite/);
      // The letters follow the order this post showed: the feedback names the letter clicked.
      if (!multiple) {
        const shown = platform === 'slack' ? slackSees(JSON.parse(posted)) : discordSees(JSON.parse(posted));
        const text = q.choices.find((c) => c.id === wrong[0])!.text;
        const shownLetter = shown
          .split('\n')
          .find((l) => l.includes(text))
          ?.match(/^([A-E])\. /)?.[1];
        expect(shownLetter, platform).toBeDefined();
        expect(feedback.text, platform).toContain(`You chose ${shownLetter}.`);
      }
      for (const a of q.answer) expect(feedback.text).toContain(q.choices.find((c) => c.id === a)!.text);
      const progress =
        platform === 'slack'
          ? await slackCommand('progress', user, 'C0WRONG')
          : await discordCommandSeen('progress', [], user);
      const topicName = progress.text.split('\n').find((l) => l.includes('recall'))!;
      expect(topicName).toMatch(/recall 0%/);
      expect(progress.text).toMatch(/Missed\n1/);
      expect(progress.text).toMatch(/Recall: FSRS predicted recall now/);
      expect(progress.text).not.toMatch(/\d{2}:\d{2} UTC/);
      expect(progress.problems).toEqual([]);
      seen[platform] = { feedback: feedback.text, progress: progress.text };
    }
    // The numbers are the engine's, not the platform's: both people see the same progress.
    expect(lines(seen.discord!.progress)).toEqual(lines(seen.slack!.progress));
  });

  it('a right answer shows the points as "N pt(s)" and the next review in the reader\'s own time', async () => {
    const n = h.slack.calls('chat.postMessage').length;
    await slackCommand('quiz autoscaling', 'U0200', 'C0RIGHT');
    const action = firstAction(JSON.stringify(h.slack.calls('chat.postMessage')[n]?.args), 'q')!;
    const q = questionOf(action);
    const [, postId] = action.split(':');
    const id = `q:${postId}:${q.id}`;
    const fb =
      q.type === 'multiple'
        ? await slackClick(id, { user: 'U0200', channel: 'C0RIGHT', checked: [...q.answer] })
        : await slackClick(`${id}:${q.answer[0]}`, { user: 'U0200', channel: 'C0RIGHT' });
    expect(fb.text).toMatch(/Correct/);
    expect(fb.text).toMatch(/This week\n\d+ pts?\b/);
    const board = await slackCommand('leaderboard', 'U0200', 'C0RIGHT');
    expect(board.text).toMatch(/— [123] pts?$/m);
    expect(board.text).not.toMatch(/\b1 pts\b/);

    // A study card's answer says when it comes back, as the reader's clock shows it.
    const raw = await postSlack(
      h.local.url,
      slashCommandBody({ text: 'study', user_id: 'U0200', channel_id: 'C0RIGHT' }),
      { timestamp: TS },
    );
    const rAction = /"(r:[^:"]+:\d+:[\w-]{10})(?::[a-e])?"/.exec(await raw.text())?.[1];
    expect(rAction).toBeDefined();
    const sq = questionsById.get(rAction!.split(':')[1]!)!;
    const done =
      sq.type === 'multiple'
        ? await slackClick(rAction!, { user: 'U0200', checked: [...sq.answer] })
        : await slackClick(`${rAction}:${sq.answer[0]}`, { user: 'U0200' });
    expect(done.text).toMatch(/Next review\n\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/);
    // The moment itself, not a question's text (which may well mention a cron time in UTC).
    expect(/Next review\n(.*)/.exec(done.text)?.[1]).not.toMatch(/UTC/);
  });

  it('"choose two" with one box ticked is refused with a hint and counts nothing, on Slack', async () => {
    const q = [...questionsById.values()].find((x) => x.type === 'multiple')!;
    const channel = { platform: 'slack' as const, tenantId: 'T0001', channelId: 'C0MULTI' };
    const postId = 'pMULTI1';
    await h.store.createPost(channel, {
      postId,
      questionId: q.id,
      postedAt: NOW.toISOString(),
      timeZone: 'UTC',
      daily: false,
      answered: 0,
      correct: 0,
      counted: [],
    });
    const body = (checked: string[]) =>
      blockActionsBody({
        action: { type: 'button', action_id: `q:${postId}:${q.id}` },
        responseUrl: h.slack.responseUrl('U0300'),
        user: { id: 'U0300', username: 'u0300' },
        channelId: 'C0MULTI',
        state: {
          [PICKER_BLOCK_ID]: {
            [PICKER_CHECKBOXES_ID]: {
              type: 'checkboxes',
              selected_options: checked.map((value) => ({ value })),
            },
          },
        },
      });
    const send = async (checked: string[]) => {
      const before = h.slack.calls('response_url').length;
      expect((await postSlack(h.local.url, body(checked), { timestamp: TS })).status).toBe(200);
      for (let i = 0; i < 200 && h.slack.calls('response_url').length === before; i++)
        await new Promise((r) => setTimeout(r, 20));
      return slackSees(h.slack.calls('response_url').at(-1)?.args);
    };
    const refused = await send([q.answer[0]!]);
    expect(refused).toMatch(
      new RegExp(`asks for ${q.answer.length} answers: tick exactly ${q.answer.length}`),
    );
    expect((await h.store.getPost(channel, postId))?.answered).toBe(0);
    expect(
      await h.store.getCard({ platform: 'slack', tenantId: 'T0001', userId: 'U0300' }, q.id),
    ).toBeUndefined();

    const graded = await send([...q.answer]);
    expect(graded).toMatch(/Correct/);
    expect((await h.store.getPost(channel, postId))?.answered).toBe(1);
  });

  it('App Home shows progress without channel-less zeros, and each channel board with your streak', async () => {
    await slackCommand('quiz autoscaling', 'U0400', 'C0HOMEA');
    const action = firstAction(JSON.stringify(h.slack.calls('chat.postMessage').at(-1)?.args), 'q')!;
    const q = questionOf(action);
    const id = `q:${action.split(':')[1]}:${q.id}`;
    if (q.type === 'multiple')
      await slackClick(id, { user: 'U0400', channel: 'C0HOMEA', checked: [...q.answer] });
    else await slackClick(`${id}:${q.answer[0]}`, { user: 'U0400', channel: 'C0HOMEA' });
    const before = h.slack.calls('views.publish').length;
    const res = await postSlack(
      h.local.url,
      JSON.stringify({
        token: 'x',
        team_id: 'T0001',
        api_app_id: 'A0001',
        type: 'event_callback',
        event_id: 'EvHome1',
        event_time: TS,
        event: { type: 'app_home_opened', user: 'U0400', channel: 'D0001', tab: 'home', event_ts: '1.2' },
      }),
      { timestamp: TS, contentType: 'application/json' },
    );
    expect(res.status).toBe(200);
    for (let i = 0; i < 200 && h.slack.calls('views.publish').length === before; i++)
      await new Promise((r) => setTimeout(r, 20));
    const view = h.slack.calls('views.publish').at(-1)?.args.view;
    const home = slackSees(view);
    expect(home).toMatch(/Your progress/);
    expect(home).not.toMatch(/Streak here|Points here/);
    expect(home).toMatch(/#C0HOMEA\nYour streak here: 1 day · [123] pts? all time/);
    expect(slackProblems(view, 'home')).toEqual([]);
  });
});
