import { type Question, topicsById } from '../content/index.ts';
import type { RenderedAnswer } from '../engines/recommend/index.ts';
import { PROGRESS_FORMULA } from '../engines/srs/scheduler.ts';
import type { LeaderRow } from '../store/store.ts';
import { STUDY_MODES } from './drills.ts';
import { type Button, type Message, type Section, timeToken } from './reply.ts';
import { reportButton } from './reports.ts';
import { SETTINGS_BUTTON } from './settings.ts';
import { type AnswerResult, MIN_MEASURED_REVIEWS, type Progress } from './study.ts';

/** Platform-neutral messages for the study flows; the adapters render them. */
const LETTERS = ['A', 'B', 'C', 'D', 'E'];
/** The letter a choice is shown under (A for the first shown choice). */
export const letter = (q: Question, id: string) =>
  LETTERS[q.choices.findIndex((c) => c.id === id)] ?? id.toUpperCase();
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "1 pt", "5 pts": every view that shows points says it this way. */
export const points = (n: number) => `${n} pt${n === 1 || n === -1 ? '' : 's'}`;

const MEDALS = ['🥇', '🥈', '🥉'];

/** One leaderboard row as every board shows it (weekly, all time, the daily recap, App Home). */
export function boardLine(row: LeaderRow, index: number): string {
  return `${MEDALS[index] ?? `${index + 1}.`} **${row.userName ?? row.userId}** — ${points(row.score)}`;
}

function topicLine(q: Question): string {
  return `_${topicsById.get(q.topic)?.name ?? q.topic} · ${q.difficulty}${q.type === 'multiple' ? ` · choose ${q.answer.length}` : ''}_`;
}

export function questionMessage(
  q: Question,
  options: { title: string; action: string; answered?: number; footer?: string; closesAt?: string },
): Message {
  const footer =
    options.footer ??
    (options.answered === undefined
      ? undefined
      : `${options.answered} answered · answers are private · first answer counts`);
  return {
    text: `${options.title}: ${q.prompt}`,
    title: options.title,
    // The choices travel in the picker; each platform lays them out with their buttons.
    sections: [
      {
        lines: [
          topicLine(q),
          '',
          q.prompt,
          ...(options.closesAt ? ['', `_Answers close ${timeToken(options.closesAt)}._`] : []),
        ],
      },
    ],
    picker: {
      mode: q.type === 'multiple' ? 'multiple' : 'single',
      action: options.action,
      choices: q.choices.map((c, i) => ({ id: c.id, label: LETTERS[i]!, text: c.text })),
      ...(q.type === 'multiple' ? { pick: q.answer.length } : {}),
    },
    ...(footer ? { footer } : {}),
  };
}

/** A post that takes no more answers: the question with its answer shown and no buttons. */
export function closedQuestionMessage(
  q: Question,
  post: { answered: number; correct: number },
  title = 'Question (closed)',
): Message {
  const tally =
    post.answered === 0
      ? 'Nobody answered.'
      : `${post.answered} answered, ${post.correct} right (${Math.round((post.correct / post.answered) * 100)}%).`;
  return {
    text: `${title}: ${q.prompt}`,
    title,
    sections: [
      { lines: [topicLine(q), '', q.prompt] },
      {
        lines: q.choices.map(
          (c) => `${q.answer.includes(c.id) ? '✅' : '▫️'} **${letter(q, c.id)}.** ${c.text}`,
        ),
      },
      { heading: 'Why', lines: [q.explanation.correct] },
    ],
    footer: `Closed · ${tally}`,
  };
}

/** What a click on a closed post tells the person: it has closed, and what the answer was. */
export function closedNotice(q: Question): Message {
  const answer = q.answer.map(
    (id) => `**${letter(q, id)}** ${q.choices.find((c) => c.id === id)?.text ?? ''}`,
  );
  return {
    text: `This question has closed. The answer: ${answer.join('; ')}`,
    title: 'This question has closed',
    sections: [
      {
        lines: [
          `The answer: ${answer.join('; ')}`,
          'No points change now; try `/studybot study` to review it.',
        ],
      },
      { heading: 'Why', lines: [q.explanation.correct] },
      { heading: 'Sources', lines: sourceLines(q) },
    ],
  };
}

function sourceLines(q: Question): string[] {
  const links = [...new Set(q.sources.map((s) => s.url).filter(Boolean))] as string[];
  const notes = [...new Set(q.sources.map((s) => s.section))];
  return [
    ...links.map(
      (u) =>
        `[${
          new URL(u).pathname
            .split('/')
            .pop()
            ?.replace(/\.html$/, '') || u
        }](${u})`,
    ),
    `Notes: ${notes.join('; ')}`,
  ];
}

/** What one person sees after answering: right or wrong, why, and where to read more. */
export function feedbackMessage(
  q: Question,
  r: { chosen: string[]; correct: boolean; repeated: boolean },
  extra: {
    points?: number;
    streak?: number;
    weekScore?: number;
    nextLabel?: string;
    nextAction?: string;
    nextDue?: string;
  },
): Message {
  const chosen = r.chosen.map((id) => letter(q, id)).join(' + ') || '—';
  const answer = q.answer.map(
    (id) => `**${letter(q, id)}** ${q.choices.find((c) => c.id === id)?.text ?? ''}`,
  );
  const wrongNotes = r.correct
    ? []
    : r.chosen
        .filter((id) => !q.answer.includes(id))
        .map((id) => `**${letter(q, id)}:** ${q.explanation.wrong[id] ?? ''}`);
  const fields = [
    ...(extra.points !== undefined
      ? [{ label: 'Points', value: r.repeated ? '0 (already answered)' : `+${extra.points}` }]
      : []),
    ...(extra.streak !== undefined
      ? [{ label: 'Streak', value: `${extra.streak} day${extra.streak === 1 ? '' : 's'}` }]
      : []),
    ...(extra.weekScore !== undefined ? [{ label: 'This week', value: points(extra.weekScore) }] : []),
    ...(extra.nextDue ? [{ label: 'Next review', value: timeToken(extra.nextDue) }] : []),
  ];
  const buttons: Button[] = [
    ...(extra.nextAction
      ? [{ action: extra.nextAction, label: extra.nextLabel ?? 'Next review', style: 'primary' as const }]
      : []),
    // Every answered question can be flagged; the form asks what is wrong.
    reportButton(q.id),
  ];
  return {
    text: `${r.correct ? 'Correct' : 'Not quite'}: you chose ${chosen}.`,
    title: r.correct ? '✅ Correct' : '❌ Not quite',
    sections: [
      {
        lines: [
          `${r.repeated ? 'Your first answer stands: ' : 'You chose '}**${chosen}**.`,
          ...(r.correct ? [] : [`The answer: ${answer.join('; ')}`]),
        ],
      },
      { heading: 'Why', lines: [q.explanation.correct] },
      ...(wrongNotes.length ? [{ heading: 'Your choice', lines: wrongNotes }] : []),
      { heading: 'Sources', lines: sourceLines(q) },
    ],
    ...(fields.length ? { fields } : {}),
    ...(buttons.length ? { buttons } : {}),
  };
}

export function answerFeedback(r: AnswerResult): Message {
  return feedbackMessage(r.question, r, {
    points: r.points,
    streak: r.streak,
    weekScore: r.weekScore,
    nextAction: 'next',
    nextLabel: 'Study next',
  });
}

export function leaderboardMessage(
  rows: LeaderRow[],
  period: 'week' | 'all',
  weekKey: string,
  you?: { rank?: number; score: number },
): Message {
  const lines = rows.length
    ? rows.map(boardLine)
    : ['No points yet. Answer a question with `/studybot quiz` to get on the board.'];
  return {
    text: `Leaderboard (${period === 'week' ? `week ${weekKey}` : 'all time'}): ${rows.map((r) => `${r.userName ?? r.userId} ${r.score}`).join(', ') || 'no points yet'}`,
    title: period === 'week' ? `🏆 This week (${weekKey})` : '🏆 All time',
    sections: [{ lines }],
    ...(you ? { footer: `You: ${points(you.score)}${you.rank ? ` · #${you.rank}` : ''}` } : {}),
  };
}

function bar(x: number): string {
  const n = Math.round(x * 10);
  return `${'█'.repeat(n)}${'░'.repeat(10 - n)}`;
}

export function progressMessage(p: Progress): Message {
  const studied = p.topics.filter((t) => t.seen > 0).sort((a, b) => b.readiness - a.readiness);
  const untouched = p.topics.filter((t) => t.seen === 0).map((t) => t.name);
  const total = p.topics.reduce((a, t) => a + t.total, 0);
  return {
    text: `Progress: readiness ${pct(p.readiness)}, ${p.due} due, ${p.learned} learned, ${p.missed} missed${p.inChannel ? `, streak ${p.streak}` : ''}.`,
    title: '📈 Your progress',
    sections: [
      { lines: [`Exam readiness **${pct(p.readiness)}** across all ${total} questions`] },
      {
        heading: 'Readiness per topic',
        lines: studied.length
          ? studied.map(
              (t) =>
                `\`${bar(t.readiness)}\` ${t.name} — readiness ${pct(t.readiness)} · recall ${pct(t.recall)} · ${t.seen}/${t.total} seen`,
            )
          : ['Nothing studied yet: try `/studybot study`.'],
      },
      ...(untouched.length ? [{ heading: 'Not started', lines: [untouched.join(', ')] }] : []),
      ...domainSections(p),
      { heading: 'Retention', lines: [retentionLine(p)] },
      {
        heading: `Due in the next ${p.forecast.length} days`,
        lines: [p.forecast.map((f, i) => `${i === 0 ? 'Today' : weekday(f.day)} **${f.count}**`).join(' · ')],
      },
    ],
    fields: [
      { label: 'Due now', value: String(p.due) },
      { label: 'Learned', value: String(p.learned) },
      { label: 'Missed', value: String(p.missed) },
      // Streaks and points belong to a channel; App Home shows them on each channel's board.
      ...(p.inChannel
        ? [
            { label: 'Streak here', value: `${p.streak} (best ${p.bestStreak})` },
            { label: 'Points here', value: points(p.score) },
          ]
        : []),
    ],
    footer: PROGRESS_FORMULA,
    buttons: [
      { action: 'next', label: p.due > 0 ? `Review ${p.due} due` : 'Study', style: 'primary' },
      ...(p.missed > 0 ? [{ action: `next:${STUDY_MODES.mistakes}`, label: 'Review my mistakes' }] : []),
      ...(p.seen > 0 ? [{ action: `next:${STUDY_MODES.weakest}`, label: 'Drill my weakest topic' }] : []),
      { action: SETTINGS_BUTTON, label: 'Study settings' },
    ],
  };
}

/** Measured retention beside the target, or how many reviews it still needs. */
function retentionLine(p: Progress): string {
  const target = `target ${pct(p.retention)}`;
  const { retention, reviews, days } = p.measured;
  if (retention === undefined)
    return `Measured retention shows after ${MIN_MEASURED_REVIEWS} reviews in ${days} days (you have ${reviews}) · ${target} (\`/studybot settings\` to change)`;
  const gap = retention - p.retention;
  const verdict =
    Math.abs(gap) < 0.03 ? 'on target' : gap < 0 ? 'below target: more reviews will come' : 'above target';
  return `Measured **${pct(retention)}** of ${reviews} reviews in the last ${days} days · ${target} · ${verdict}`;
}

/** `Mon` for a `YYYY-MM-DD` day (a calendar date: read in UTC so no zone shifts it). */
function weekday(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
}

/** Readiness per exam domain, and the domains this bank does not teach, said plainly. */
function domainSections(p: Progress): Section[] {
  const covered = p.domains.filter((d) => d.total > 0);
  const missing = p.domains.filter((d) => d.total === 0);
  if (p.domains.length === 0) return [];
  return [
    {
      heading: 'Readiness per exam domain',
      lines: [
        ...covered.map(
          (d) => `${d.name} (${d.weight}% of the exam) — ${pct(d.readiness)} of ${d.total} questions`,
        ),
        ...(missing.length
          ? [`_Not in this bank: ${missing.map((d) => `${d.name} (${d.weight}%)`).join('; ')}._`]
          : []),
      ],
    },
  ];
}

export function studyDoneMessage(nextDue: string | undefined, newLimitReached: boolean): Message {
  const lines = [
    newLimitReached
      ? 'Nothing due, and you have met today’s new-card limit. Well done.'
      : 'Nothing due right now. Well done.',
    ...(nextDue ? [`Next review due ${timeToken(nextDue)}.`] : []),
  ];
  return { text: lines.join(' '), title: '🎉 All caught up', sections: [{ lines }] };
}

export function recommendationMessage(
  r: RenderedAnswer,
  shareAction?: string,
  adjustAction?: string,
): Message {
  return {
    text: `${r.title}: ${r.summary}`,
    title: r.title,
    sections: [
      { lines: [`**${r.summary}**`] },
      ...r.sections.map((s) => ({ heading: s.heading, lines: s.lines })),
    ],
    ...(shareAction || adjustAction
      ? {
          buttons: [
            ...(adjustAction ? [{ action: adjustAction, label: 'Adjust' }] : []),
            ...(shareAction ? [{ action: shareAction, label: 'Share to channel' }] : []),
          ],
        }
      : {}),
  };
}
