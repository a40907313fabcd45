import { content, type Question, questionsById } from '../content/index.ts';
import { type ChoiceError, choiceError, grade, validChoices } from '../engines/quiz/grade.ts';
import { isDue, recallNow } from '../engines/srs/scheduler.ts';
import type { CardRecord, PersonRef, ReviewRecord, StudyStore } from '../store/store.ts';
import type { StudyCard, StudyService } from './study.ts';

/**
 * Study modes beside the schedule, like Anki's filtered decks: "my mistakes" (cards answered wrong
 * recently, most recent first) and "my weakest topic" (the topic of lowest recall). A card of the
 * drill that is due is reviewed as usual; any other is practice: graded and logged, but its FSRS
 * schedule is left as it is, so drilling never pulls a review forward or pushes it back.
 */
export const STUDY_MODES = { mistakes: 'mistakes', weakest: 'weakest' } as const;
export type StudyMode = (typeof STUDY_MODES)[keyof typeof STUDY_MODES];

export function studyMode(word: string | undefined): StudyMode | undefined {
  const w = word?.trim().toLowerCase();
  if (w === 'mistakes' || w === 'mistake' || w === 'wrong') return 'mistakes';
  if (w === 'weakest' || w === 'weak' || w === 'weakest topic') return 'weakest';
  return undefined;
}

/** How far back "recent" mistakes go. */
export const MISTAKES_DAYS = 30;
/** A card practised this recently goes to the back of the drill, so it does not come straight back. */
const PRACTISED_RECENTLY_MS = 10 * 60 * 1000;
/** The weakest-topic drill practises a card at most once in this time. */
const WEAKEST_REPEAT_MS = 12 * 60 * 60 * 1000;

export interface PracticeCard {
  question: Question;
  practice: true;
  mode: StudyMode;
  /** Cards left in the drill, this one included. */
  left: number;
  /** The weakest topic's name (weakest mode). */
  topicName?: string;
}

export type DrillCard =
  | (StudyCard & { mode: StudyMode; left: number; topicName?: string })
  | PracticeCard
  | { none: true; mode: StudyMode; reason: string };

interface Latest {
  at: string;
  correct: boolean;
  practisedAt?: string;
}

/** Each question's latest answer, from the log and from the cards' own answers. */
function latestAnswers(cards: readonly CardRecord[], log: readonly ReviewRecord[]): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  const see = (questionId: string, at: string, correct: boolean, practice: boolean) => {
    const prev = latest.get(questionId);
    const practisedAt = practice && (!prev?.practisedAt || at > prev.practisedAt) ? at : prev?.practisedAt;
    if (!prev || at >= prev.at)
      latest.set(questionId, { at, correct, ...(practisedAt ? { practisedAt } : {}) });
    else if (practisedAt) latest.set(questionId, { ...prev, practisedAt });
  };
  for (const c of cards) for (const a of c.answers) see(c.questionId, a.at, a.correct, false);
  for (const r of log) see(r.questionId, r.at, r.correct, r.kind === 'practice');
  return latest;
}

/** The next card of a drill. One read of the cards (bounded by the bank) and one of the recent log. */
export async function nextDrill(
  service: StudyService,
  store: StudyStore,
  person: PersonRef,
  mode: StudyMode,
  now: Date,
): Promise<DrillCard> {
  const since = new Date(now.getTime() - MISTAKES_DAYS * 86_400_000);
  const [cards, log] = await Promise.all([store.listCards(person), store.reviewsSince(person, since)]);
  const live = cards.filter((c) => questionsById.has(c.questionId));
  const byQuestion = new Map(live.map((c) => [c.questionId, c]));
  const latest = latestAnswers(live, log);
  const recently = (l: Latest | undefined, ms: number) =>
    l?.practisedAt !== undefined && now.getTime() - new Date(l.practisedAt).getTime() < ms;
  const serve = (questionId: string, left: number, topicName?: string): DrillCard => {
    const question = questionsById.get(questionId)!;
    const card = byQuestion.get(questionId);
    const extra = { mode, left, ...(topicName ? { topicName } : {}) };
    if (card && isDue(card.srs, now))
      return { question, version: card.version, isNew: false, dueCount: left, ...extra };
    return { question, practice: true, ...extra };
  };

  if (mode === 'mistakes') {
    const wrong = [...latest.entries()]
      .filter(([id, l]) => !l.correct && byQuestion.has(id) && l.at >= since.toISOString())
      .sort(
        ([, a], [, b]) =>
          Number(recently(a, PRACTISED_RECENTLY_MS)) - Number(recently(b, PRACTISED_RECENTLY_MS)) ||
          b.at.localeCompare(a.at),
      );
    if (wrong.length === 0)
      return {
        none: true,
        mode,
        reason: `No mistakes to review: every card you answered in the last ${MISTAKES_DAYS} days, your latest answer was right.`,
      };
    return serve(wrong[0]![0], wrong.length);
  }

  // Weakest: the studied topic whose cards you are least likely to recall now.
  const profile = await service.profile(person);
  const recall = (c: CardRecord) =>
    recallNow(c.srs, latest.get(c.questionId)?.correct ?? false, now, profile.retention);
  const topics = content.topics
    .map((t) => {
      const inTopic = live.filter((c) => c.topic === t.id);
      const mean = inTopic.length ? inTopic.reduce((a, c) => a + recall(c), 0) / inTopic.length : 1;
      return { topic: t, cards: inTopic, mean };
    })
    .filter((t) => t.cards.length > 0)
    .sort((a, b) => a.mean - b.mean || a.topic.id.localeCompare(b.topic.id));
  const weakest = topics[0];
  if (!weakest)
    return {
      none: true,
      mode,
      reason: 'No weakest topic yet: answer a few cards first (`/studybot study`).',
    };
  const name = weakest.topic.name;
  const due = weakest.cards
    .filter((c) => isDue(c.srs, now))
    .sort((a, b) => a.srs.due.localeCompare(b.srs.due));
  const practice = weakest.cards
    .filter((c) => !isDue(c.srs, now) && !recently(latest.get(c.questionId), WEAKEST_REPEAT_MS))
    .sort((a, b) => recall(a) - recall(b));
  const next = due[0] ?? practice[0];
  if (next) return serve(next.questionId, due.length + practice.length, name);
  // Every card of the topic is practised: a new card of the topic, if today's limit allows.
  const fresh = await service.nextStudy(person, now, { topic: weakest.topic.id });
  if (!('none' in fresh)) return { ...fresh, mode, left: 1, topicName: name };
  return {
    none: true,
    mode,
    reason: `You have practised every card of your weakest topic, ${name}, today (recall ${Math.round(weakest.mean * 100)}%). It comes back tomorrow, or study it as it falls due.`,
  };
}

/**
 * A practice answer: graded and logged, no schedule changed. The log entry is keyed by the moment the
 * card was shown, so a double click or a retry counts once.
 */
export async function answerPractice(
  store: StudyStore,
  person: PersonRef,
  questionId: string,
  shownAt: Date,
  chosenRaw: readonly string[],
): Promise<
  | { question: Question; chosen: string[]; correct: boolean; repeated: boolean }
  | { error: 'unknown-question' | ChoiceError }
> {
  const question = questionsById.get(questionId);
  if (!question) return { error: 'unknown-question' };
  const chosen = validChoices(question, chosenRaw);
  const refused = choiceError(question, chosen);
  if (refused) return { error: refused };
  const g = grade(question, chosen);
  const at = shownAt.toISOString();
  const written = await store.logReview(person, {
    at,
    questionId,
    topic: question.topic,
    correct: g.correct,
    key: `x:${at}`,
    kind: 'practice',
  });
  return { question, chosen: g.chosen, correct: g.correct, repeated: written === 'conflict' };
}
