import type { Question } from '../../content/schema.ts';

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

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
