import { type Card, createEmptyCard, type FSRS, fsrs, Rating, State } from 'ts-fsrs';

/**
 * Spaced repetition through ts-fsrs: no hand-written scheduling here, only the translation between
 * FSRS cards and the plain records the store keeps (dates as ISO strings). Time is always passed in.
 */
export interface SrsCard {
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview?: string;
}

export const DEFAULT_RETENTION = 0.9;

// One short learning step: a missed card comes back within the same chat session, not a minute later.
const SCHEDULER_OPTIONS = { learning_steps: ['10m'], relearning_steps: ['10m'], enable_fuzz: true } as const;

const schedulers = new Map<number, FSRS>();
function scheduler(retention: number): FSRS {
  // Whole percent within the allowed range: at most 28 schedulers are ever cached.
  const r = Math.round(Math.min(0.97, Math.max(0.7, retention)) * 100) / 100;
  let f = schedulers.get(r);
  if (!f) {
    f = fsrs({
      ...SCHEDULER_OPTIONS,
      learning_steps: [...SCHEDULER_OPTIONS.learning_steps],
      relearning_steps: [...SCHEDULER_OPTIONS.relearning_steps],
      request_retention: r,
    });
    schedulers.set(r, f);
  }
  return f;
}

function toFsrs(card: SrsCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
  };
}

function fromFsrs(card: Card): SrsCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
  };
}

/** A wrong answer rates Again and a right one Good. A card starts at its first answer. */
export function review(
  card: SrsCard | undefined,
  correct: boolean,
  now: Date,
  retention = DEFAULT_RETENTION,
): SrsCard {
  const current = card ? toFsrs(card) : createEmptyCard(now);
  return fromFsrs(scheduler(retention).next(current, now, correct ? Rating.Good : Rating.Again).card);
}

/** Predicted probability of recalling the card now (FSRS retrievability), 0..1. */
export function retrievability(card: SrsCard, now: Date, retention = DEFAULT_RETENTION): number {
  if (card.state === State.New) return 0;
  return scheduler(retention).get_retrievability(toFsrs(card), now, false);
}

export function isDue(card: SrsCard, now: Date): boolean {
  return new Date(card.due).getTime() <= now.getTime();
}

/** Learned: graduated to long-term review at least once. */
export function isLearned(card: SrsCard): boolean {
  return card.state === State.Review;
}

/**
 * Recall as progress shows it: FSRS retrievability now, except that a card whose last answer was
 * wrong counts 0 until it is answered right again. Right after a miss FSRS predicts high recall
 * (the answer was just shown), which reads as "recall 100%" next to a wrong answer.
 */
export function recallNow(
  card: SrsCard,
  lastAnswerCorrect: boolean,
  now: Date,
  retention = DEFAULT_RETENTION,
): number {
  return lastAnswerCorrect ? retrievability(card, now, retention) : 0;
}

/** One line that says how progress's numbers are computed, shown under them. */
export const PROGRESS_FORMULA =
  'Recall: FSRS predicted recall now, averaged over the cards you have seen (a card you last missed counts 0). Readiness: recall × share of the questions seen. Missed: cards whose last answer was wrong.';
