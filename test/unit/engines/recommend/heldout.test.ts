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
