import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recommend } from '../../../../src/engines/recommend/index.ts';
import { RecommendationSchema } from '../../../../src/engines/recommend/schema.ts';
import type { Case } from './cases.ts';
import { HELDOUT_CASES, HELDOUT_LATER_CASES } from './heldout-cases.ts';

function check({ text, expect: want }: Case): void {
  const r = recommend(text);
  expect(RecommendationSchema.safeParse(r).success).toBe(true);
  if (want.inference !== undefined) expect(r.inference?.choice ?? null, 'inference').toBe(want.inference);
  if (want.strategy !== undefined) expect(r.strategy?.choice ?? null, 'strategy').toBe(want.strategy);
  if (want.scaling !== undefined) expect(r.scaling?.choice ?? null, 'scaling').toEqual(want.scaling);
}

describe('held-out scenarios (shorthand, typos, words for numbers, boundaries, asides)', () => {
  it('has at least 60 of them', () => expect(HELDOUT_CASES.length).toBeGreaterThanOrEqual(60));
  it('names each one once', () => {
    const names = [...HELDOUT_CASES, ...HELDOUT_LATER_CASES].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
  it.each(HELDOUT_CASES)('$name', check);
});

describe('later blind batches', () => {
  it.each(HELDOUT_LATER_CASES)('$name', check);
});

/**
 * Paraphrases written during the v2 rebuild, each batch scored first-seen before the fixes it led
 * to (62-83% fully right): kept so that a later fix for one wording does not break another.
 */
describe('paraphrase batches from the v2 rebuild', () => {
  const cases = JSON.parse(readFileSync(new URL('./paraphrase-cases.json', import.meta.url), 'utf8')) as {
    id: string;
    text: string;
    expect: Record<string, string | string[] | null>;
  }[];
  it.each(cases)('$id $text', ({ text, expect: want }) => {
    const r = recommend(text) as unknown as Record<string, { choice: unknown } | null>;
    for (const [k, v] of Object.entries(want)) expect(r[k]?.choice ?? null, k).toEqual(v);
  });
});
