import type { Question } from '../../content/schema.ts';
import { fnv1a, mulberry32 } from './seeded.ts';

/**
 * The question with its choices in the order one post (or one study card) shows them. The order
 * comes from a seed, so every view of that post (the question, the feedback, the recap, the closed
 * post) letters the choices the same way, while the next post of the same question shows another
 * order: "it was B" stops being something to remember. Ids do not change, so grading and
 * explanations are untouched; the letters follow the shown order.
 */
export function shuffled(q: Question, seed: string): Question {
  const rnd = mulberry32(fnv1a(`${seed}\0${q.id}`));
  const choices = [...q.choices];
  // Fisher–Yates with the seeded generator.
  for (let i = choices.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [choices[i], choices[j]] = [choices[j]!, choices[i]!];
  }
  return { ...q, choices };
}
