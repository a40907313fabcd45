import raw from './generated/content.json' with { type: 'json' };
import type { ContentBundle, Fact, Question, Topic } from './schema.ts';

export type { ContentBundle, Domain, Fact, Question, Topic } from './schema.ts';

/** The validated content, bundled at build time (npm run content:build). */
export const content: ContentBundle = raw as unknown as ContentBundle;

const factsById = new Map<string, Fact>(content.facts.map((f) => [f.id, f]));

/** A fact by id; throws at cold start if code names a fact the table does not have. */
export function fact(id: string): Fact {
  const f = factsById.get(id);
  if (!f) throw new Error(`unknown fact id ${id}`);
  return f;
}

export const questionsById = new Map<string, Question>(content.questions.map((q) => [q.id, q]));
export const topicsById = new Map<string, Topic>(content.topics.map((t) => [t.id, t]));
