import { describe, expect, it } from 'vitest';
import { encodeAction, type Message } from '../../../src/app/reply.ts';
import {
  closedNotice,
  closedQuestionMessage,
  feedbackMessage,
  leaderboardMessage,
  progressMessage,
  questionMessage,
  recommendationMessage,
  studyDoneMessage,
} from '../../../src/app/views.ts';
import { content, type Question } from '../../../src/content/index.ts';
import { dailyMessage } from '../../../src/daily/message.ts';
import { recommend, renderRecommendation } from '../../../src/engines/recommend/index.ts';
import { toMessageBody } from '../../../src/platforms/discord/render.ts';
import { homeView, toSlackMessage } from '../../../src/platforms/slack/render.ts';
import { discordProblems, discordSees, slackProblems, slackSees } from '../../support/as-seen.ts';

/**
 * Every kind of message the bot sends, for the longest content the bank has, rendered as each
 * platform receives it and read as its client shows it: within the platform's limits, with every
 * choice's text, the person's name, and times in the reader's zone (never a bare "UTC").
 */
const bank = content.questions;
const longest = (type: Question['type']) =>
  [...bank]
    .filter((q) => q.type === type)
    .sort(
      (a, b) =>
        b.prompt.length +
        b.choices.reduce((n, c) => n + c.text.length, 0) -
        (a.prompt.length + a.choices.reduce((n, c) => n + c.text.length, 0)),
    )[0]!;
const single = longest('single');
const multiple = longest('multiple');
const CLOSES = '2026-03-05T09:00:00.000Z';

const everyTopic = content.topics.map((t, i) => ({
  topicId: t.id,
  name: t.name,
  total: 12,
  seen: i % 3 === 0 ? 0 : 5,
  recall: (i % 5) / 5,
  readiness: (i % 5) / 12,
}));
const progress = (inChannel: boolean) =>
  progressMessage({
    due: 3,
    learned: 4,
    seen: 30,
    lapses: 1,
    missed: 2,
    reviews: 40,
    readiness: 0.31,
    retention: 0.9,
    topics: everyTopic,
    domains: content.domains.map((d, i) => ({
      domainId: d.id,
      name: d.name,
      weight: d.weight,
      total: i === 0 ? 0 : 60,
      readiness: i / 10,
    })),
    inChannel,
    streak: 4,
    bestStreak: 6,
    score: 11,
    answersPerDay: [],
    measured: { retention: 0.84, reviews: 42, days: 30 },
    forecast: [
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ].map((day, i) => ({ day, count: i * 3 })),
  });
const rows = Array.from({ length: 10 }, (_, i) => ({
  userId: `U${i}`,
  userName: i === 0 ? 'Ada Lovelace' : `Person number ${i} with a long display name`,
  score: 10 - i,
}));

const VIEWS: { name: string; message: Message; mustShow: (string | RegExp)[] }[] = [
  {
    name: 'a single-answer question',
    message: questionMessage(single, {
      title: 'Question',
      action: encodeAction('q', 'p1', single.id),
      answered: 0,
      closesAt: CLOSES,
    }),
    mustShow: [...single.choices.map((c) => c.text), /Answers close Mar 5, 2026, 4:00 AM/],
  },
  {
    name: 'a "choose two" question',
    message: questionMessage(multiple, {
      title: 'Question',
      action: encodeAction('q', 'p1', multiple.id),
      answered: 3,
    }),
    mustShow: [...multiple.choices.map((c) => c.text), /3 answered/],
  },
  {
    name: 'a study card',
    message: questionMessage(single, {
      title: 'Review · 3 due',
      action: encodeAction('r', single.id, '4', 'abcdefghij'),
      footer: 'Only you can see this.',
    }),
    mustShow: single.choices.map((c) => c.text),
  },
  {
    name: 'feedback on a right answer',
    message: feedbackMessage(
      single,
      { chosen: [...single.answer], correct: true, repeated: false },
      { points: 1, streak: 1, weekScore: 1, nextDue: CLOSES },
    ),
    mustShow: [/Correct/, /\+1/, /1 day/, /This week\n1 pt\b/, /Next review\nMar 5, 2026, 4:00 AM/],
  },
  {
    name: 'feedback on a wrong answer',
    message: feedbackMessage(
      single,
      {
        chosen: [single.choices.find((c) => !single.answer.includes(c.id))!.id],
        correct: false,
        repeated: false,
      },
      { points: 0 },
    ),
    mustShow: [/Not quite/, ...single.answer.map((a) => single.choices.find((c) => c.id === a)!.text)],
  },
  {
    name: 'the weekly board',
    message: leaderboardMessage(rows, 'week', '2026-W10', { rank: 1, score: 10 }),
    mustShow: [
      /Ada Lovelace — 10 pts/,
      /Person number 9 with a long display name — 1 pt$/m,
      /You: 10 pts · #1/,
    ],
  },
  {
    name: 'progress in a channel',
    message: progress(true),
    mustShow: [
      /Missed\n2/,
      /Streak here\n4 \(best 6\)/,
      /Points here\n11 pts/,
      /Recall: FSRS/,
      /Domain 3: Deployment and Orchestration of ML Workflows \(22% of the exam\) — 20% of 60 questions/,
      /Not in this bank: Domain 1: Data Preparation for ML \(28%\)/,
    ],
  },
  {
    name: 'progress on App Home',
    message: progress(false),
    mustShow: [/Missed\n2/, /Readiness: recall × share/],
  },
  {
    name: 'all caught up',
    message: studyDoneMessage(CLOSES, false),
    mustShow: [/Next review due Mar 5, 2026, 4:00 AM/],
  },
  {
    name: 'a recommendation',
    message: recommendationMessage(
      renderRecommendation(recommend('20 MB documents, results within 30 minutes, 500 a day')),
      'share:x',
    ),
    mustShow: [/async/i],
  },
  {
    name: 'a daily post with its recap',
    message: dailyMessage(
      multiple,
      'd20260305',
      {
        question: single,
        post: {
          postId: 'd20260304',
          questionId: single.id,
          postedAt: '2026-03-04T09:00:00Z',
          timeZone: 'UTC',
          daily: true,
          answered: 4,
          correct: 1,
          counted: [],
        },
        top: rows.slice(0, 3),
      },
      CLOSES,
    ),
    mustShow: [
      /Yesterday/,
      /4 answered, 1 right \(25%\)/,
      /Ada Lovelace — 10 pts/,
      ...multiple.choices.map((c) => c.text),
    ],
  },
  {
    name: 'a closed post',
    message: closedQuestionMessage(single, { answered: 4, correct: 1 }),
    mustShow: [/closed/, /✅/, ...single.choices.map((c) => c.text)],
  },
  {
    name: 'a click on a closed post',
    message: closedNotice(single),
    mustShow: [/has closed/, single.choices.find((c) => c.id === single.answer[0])!.text],
  },
];

describe.each(VIEWS)('$name, as each client shows it', ({ message, mustShow }) => {
  const slack = toSlackMessage(message);
  const discord = toMessageBody(message);
  const shown = { slack: slackSees(slack), discord: discordSees(discord) };

  it('stays within Slack and Discord limits', () => {
    expect(slackProblems(slack)).toEqual([]);
    expect(discordProblems(discord)).toEqual([]);
  });

  it.each(['slack', 'discord'] as const)('shows what the person needs on %s', (platform) => {
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    for (const want of mustShow) {
      if (typeof want === 'string') expect(squash(shown[platform])).toContain(squash(want));
      else expect(shown[platform]).toMatch(want);
    }
    // Times are tokens each client shows in the reader's zone; a bare UTC only in plain-text spots.
    expect(shown[platform].replace(/\(.*UTC\)/g, '')).not.toMatch(/\d{2}:\d{2} UTC/);
  });
});

describe('App Home, as Slack shows it', () => {
  it('fits Slack’s 100 blocks with progress and three channel boards', () => {
    const boards = [1, 2, 3].map((n) => ({
      ...leaderboardMessage(rows, 'week', '2026-W10', { rank: 1, score: 10 }),
      sections: [{ lines: [`<#C${n}>`, 'Your streak here: 4 days · 11 pts all time'] }],
    }));
    const view = homeView([progress(false), ...boards]);
    expect(slackProblems(view, 'home')).toEqual([]);
    const shown = slackSees(view);
    expect(shown).toMatch(/#C3\nYour streak here: 4 days/);
    expect(shown).not.toMatch(/Streak here|Points here/);
  });
});
