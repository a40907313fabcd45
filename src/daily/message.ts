import type { Message, Section } from '../app/reply.ts';
import { encodeAction } from '../app/reply.ts';
import { boardLine, letter, questionMessage } from '../app/views.ts';
import type { Question } from '../content/index.ts';
import { shuffled } from '../engines/quiz/shuffle.ts';
import type { LeaderRow, PostRecord } from '../store/store.ts';

/** The previous daily post, for the recap at the top of today's. */
export interface Recap {
  question: Question;
  post: PostRecord;
  top: LeaderRow[];
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function recapSections(r: Recap): Section[] {
  // Lettered as yesterday's post showed its choices.
  const q = shuffled(r.question, r.post.postId);
  const answer = q.answer
    .map((id) => `**${letter(q, id)}** ${q.choices.find((c) => c.id === id)?.text ?? ''}`)
    .join('; ');
  const { answered, correct } = r.post;
  const tally =
    answered === 0
      ? 'Nobody answered.'
      : `${answered} answered, ${correct} right (${Math.round((correct / answered) * 100)}%).`;
  const top = r.top
    .filter((row) => row.score > 0)
    .slice(0, 3)
    .map(boardLine);
  return [
    {
      heading: 'Yesterday',
      // The explanation can be long; the recap keeps the channel readable and links nothing new.
      lines: [`_${clip(q.prompt, 200)}_`, `Answer: ${answer}`, clip(q.explanation.correct, 600), tally],
    },
    ...(top.length ? [{ heading: 'The week’s top 3', lines: top }] : []),
  ];
}

/** Today's question, with yesterday's answer, its tally and the week's top 3 above it. */
export function dailyMessage(
  question: Question,
  postId: string,
  recap: Recap | undefined,
  closesAt?: string,
): Message {
  const base = questionMessage(shuffled(question, postId), {
    title: '☀️ Question of the day',
    action: encodeAction('q', postId, question.id),
    answered: 0,
    ...(closesAt ? { closesAt } : {}),
  });
  if (!recap) return base;
  const [first, ...rest] = base.sections;
  return {
    ...base,
    sections: [...recapSections(recap), ...(first ? [{ ...first, heading: 'Today' }] : []), ...rest],
  };
}
