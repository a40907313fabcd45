import type { Fact, Question } from './schema.ts';

/**
 * Rules that keep the bank a test of knowledge rather than of test-taking: an answer must not
 * stand out by its length, every question rests on an AWS page, two questions must not ask the
 * same thing, and an id must fit the platforms' button ids. Pure functions; `check.ts` reports.
 */

/**
 * The longest question id: a review button's id is `r:<id>:<version>:<mac>:<choice>` (about
 * id + 22 characters) and Discord allows 100 in a custom_id.
 */
export const MAX_QUESTION_ID = 60;

/** "Clearly longer": the answer is over a third longer than the longest wrong choice, and by 15+ characters. */
export const GIVEAWAY_RATIO = 4 / 3;
export const GIVEAWAY_MIN_CHARS = 15;

/** Bank-wide: the share of single-answer questions whose answer is the longest choice. */
export const MAX_KEY_LONGEST_SHARE = 0.3;

/**
 * Two questions ask the same thing when their prompt-and-answer words overlap this much, or, when
 * they rest on exactly the same facts in the same topic, this much less (measured on the v1 bank:
 * every pair flagged was a near-duplicate a reviewer had listed).
 */
export const SIMILARITY_THRESHOLD = 0.3;
export const SAME_FACTS_THRESHOLD = 0.15;

export function keyIsLongest(q: Question): boolean {
  if (q.type !== 'single') return false;
  const key = q.choices.find((c) => c.id === q.answer[0]);
  if (!key) return false;
  return q.choices.every((c) => c.id === key.id || c.text.length < key.text.length);
}

/** Why the answer gives itself away by length, or undefined. */
export function lengthGiveaway(q: Question): string | undefined {
  if (q.type !== 'single') return undefined;
  const key = q.choices.find((c) => c.id === q.answer[0]);
  const others = q.choices.filter((c) => c.id !== key?.id);
  if (!key || others.length === 0) return undefined;
  const longestOther = Math.max(...others.map((c) => c.text.length));
  const k = key.text.length;
  if (k >= longestOther * GIVEAWAY_RATIO && k - longestOther >= GIVEAWAY_MIN_CHARS) {
    return `the answer is clearly longer than every other choice (${k} vs at most ${longestOther} characters): lengthen a distractor or tighten the answer`;
  }
  return undefined;
}

/** Whether the question cites an AWS page, itself or through a fact it rests on. */
export function hasAwsSource(q: Question, factsById: ReadonlyMap<string, Fact>): boolean {
  const isAws = (url: string | undefined) =>
    url !== undefined && /^https:\/\/(docs\.)?aws\.amazon\.com\//.test(url);
  return (
    q.sources.some((s) => isAws(s.url)) || (q.facts ?? []).some((id) => isAws(factsById.get(id)?.source))
  );
}

const STOP = new Set(
  'a an and are as at be by can for from has have in is it its of on or that the this to was which with what when how does do you your their they them its not no one two should most best will would team company uses use using need needs wants want'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .split(' ')
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w));
}

/** The word pairs of what a question asks and answers: its prompt and its right choices. */
export function shingles(q: Question): Set<string> {
  const answer = q.choices.filter((c) => q.answer.includes(c.id)).map((c) => c.text);
  const w = words([q.prompt, ...answer].join(' '));
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  for (const x of w) out.add(x);
  return out;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

export interface SimilarPair {
  a: string;
  b: string;
  score: number;
}

/** Every pair of questions at or over the threshold, most similar first. */
export function similarPairs(questions: readonly Question[]): SimilarPair[] {
  const sets = questions.map((q) => ({
    q,
    s: shingles(q),
    facts: [...(q.facts ?? [])].sort().join(','),
  }));
  const pairs: SimilarPair[] = [];
  for (const [i, x] of sets.entries())
    for (const y of sets.slice(i + 1)) {
      const score = similarity(x.s, y.s);
      const sameFacts = x.facts !== '' && x.facts === y.facts && x.q.topic === y.q.topic;
      if (score >= SIMILARITY_THRESHOLD || (sameFacts && score >= SAME_FACTS_THRESHOLD))
        pairs.push({ a: x.q.id, b: y.q.id, score });
    }
  return pairs.sort((p, q) => q.score - p.score);
}
