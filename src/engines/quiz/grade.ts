import type { Question } from '../../content/schema.ts';

export interface Grade {
  correct: boolean;
  chosen: string[];
  answer: string[];
}

/** Single answer: the one chosen must be the answer. Several: exactly the answer set, in any order. */
export function grade(question: Question, chosen: readonly string[]): Grade {
  const picked = [...new Set(chosen)].sort();
  const answer = [...question.answer].sort();
  const correct = picked.length === answer.length && picked.every((id, i) => id === answer[i]);
  return { correct, chosen: picked, answer };
}

/** Only ids that are choices of this question survive; anything else in a payload is dropped. */
export function validChoices(question: Question, chosen: readonly string[]): string[] {
  const ids = new Set(question.choices.map((c) => c.id));
  return chosen.filter((c) => ids.has(c));
}

/** Why a set of picks cannot be graded yet: nothing picked, or not as many as the question asks. */
export type ChoiceError = 'no-choice' | 'wrong-count';

/**
 * A "choose two" answer with one box ticked is refused, not graded wrong: the first answer is the
 * one that counts, so it must be a whole answer. Ids are deduplicated first.
 */
export function choiceError(question: Question, chosen: readonly string[]): ChoiceError | undefined {
  const picked = new Set(chosen).size;
  if (picked === 0) return 'no-choice';
  return picked === question.answer.length ? undefined : 'wrong-count';
}
