import type { Question } from '../../content/schema.ts';
import { fnv1a } from './seeded.ts';

/**
 * Choosing questions. Pure: the bank, what was asked and a seed go in; a question comes out.
 * The seed (e.g. channel and day) makes a choice reproducible in tests and stable across retries.
 */

function pickSeeded<T extends { id: string }>(items: T[], seed: string): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const item of items) {
    const score = fnv1a(`${seed}|${item.id}`);
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

// Difficulty cycles so a channel sees a mix rather than a run of hard questions.
const DIFFICULTY_CYCLE = ['easy', 'medium', 'hard', 'medium'] as const;

/**
 * The channel's next question: none repeats until the whole bank (or topic) has been asked,
 * topics rotate (the least recently asked topic goes next) and difficulty follows a mixed cycle.
 * `asked` is the channel's history, oldest first.
 */
export function pickChannelQuestion(
  bank: readonly Question[],
  asked: readonly string[],
  options: { seed: string; topic?: string },
): Question | undefined {
  const pool = options.topic ? bank.filter((q) => q.topic === options.topic) : [...bank];
  if (pool.length === 0) return undefined;
  const poolIds = new Set(pool.map((q) => q.id));
  // The current cycle: what was asked since the pool was last exhausted.
  const history = asked.filter((id) => poolIds.has(id));
  const cycleLength = history.length % pool.length;
  const cycle = new Set(history.slice(history.length - cycleLength));
  let candidates = pool.filter((q) => !cycle.has(q.id));
  if (candidates.length === 0) candidates = pool;

  // Topic rotation: prefer the topic whose last appearance is oldest (never asked is oldest of all).
  const lastSeen = new Map<string, number>();
  const byId = new Map(bank.map((q) => [q.id, q]));
  asked.forEach((id, i) => {
    const topic = byId.get(id)?.topic;
    if (topic) lastSeen.set(topic, i);
  });
  const topics = [...new Set(candidates.map((q) => q.topic))];
  const oldest = Math.min(...topics.map((t) => lastSeen.get(t) ?? -1));
  const freshTopics = topics.filter((t) => (lastSeen.get(t) ?? -1) === oldest);
  const topic = pickSeeded(
    freshTopics.map((t) => ({ id: t })),
    options.seed,
  )!.id;
  const inTopic = candidates.filter((q) => q.topic === topic);

  const wanted = DIFFICULTY_CYCLE[history.length % DIFFICULTY_CYCLE.length];
  const right = inTopic.filter((q) => q.difficulty === wanted);
  return pickSeeded(right.length ? right : inTopic, options.seed);
}

/**
 * A new question for a person's study: unseen, in the asked topic if any, preferring the topic
 * where they have seen least and easier questions first within it.
 */
export function pickNewStudyQuestion(
  bank: readonly Question[],
  seen: ReadonlySet<string>,
  options: { seed: string; topic?: string },
): Question | undefined {
  const unseen = bank.filter((q) => !seen.has(q.id) && (!options.topic || q.topic === options.topic));
  if (unseen.length === 0) return undefined;
  const seenPerTopic = new Map<string, number>();
  for (const q of bank) if (seen.has(q.id)) seenPerTopic.set(q.topic, (seenPerTopic.get(q.topic) ?? 0) + 1);
  const least = Math.min(...unseen.map((q) => seenPerTopic.get(q.topic) ?? 0));
  const inTopics = unseen.filter((q) => (seenPerTopic.get(q.topic) ?? 0) === least);
  for (const level of ['easy', 'medium', 'hard'] as const) {
    const at = inTopics.filter((q) => q.difficulty === level);
    if (at.length) return pickSeeded(at, options.seed);
  }
  return pickSeeded(inTopics, options.seed);
}

/** Resolves what a person typed as a topic ("autoscaling", "Auto scaling", "neo") to a topic id. */
export function matchTopic(
  topics: readonly { id: string; name: string }[],
  typed: string,
): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const t = norm(typed);
  if (!t) return undefined;
  const exact = topics.find((x) => norm(x.id) === t || norm(x.name) === t);
  if (exact) return exact.id;
  const partial = topics.filter((x) => norm(x.id).includes(t) || norm(x.name).includes(t));
  return partial.length === 1 ? partial[0]!.id : undefined;
}
