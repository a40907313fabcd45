import { describe, expect, it } from 'vitest';
import { recommend } from '../../../../src/engines/recommend/index.ts';
import { RecommendationSchema } from '../../../../src/engines/recommend/schema.ts';
import { type Case, NOTES_CASES, OWN_CASES } from './cases.ts';

function check({ text, expect: want }: Case): void {
  const r = recommend(text);
  expect(RecommendationSchema.safeParse(r).success).toBe(true);
  const single = [
    'inference',
    'strategy',
    'instance',
    'container',
    'orchestration',
    'iac',
    'target',
  ] as const;
  for (const k of single) {
    if (want[k] === undefined) continue;
    expect(r[k]?.choice ?? null, k).toBe(want[k]);
  }
  if (want.scaling !== undefined) expect(r.scaling?.choice ?? null, 'scaling').toEqual(want.scaling);
  if (want.edge !== undefined) expect(r.edge?.choice ?? null, 'edge').toEqual(want.edge);
  if (want.retired) expect(r.retired.map((x) => x.service)).toEqual(expect.arrayContaining(want.retired));
  if (want.related) expect(r.related.map((x) => x.service)).toEqual(expect.arrayContaining(want.related));
  if (want.asks) expect(r.questions.map((q) => q.about)).toEqual(expect.arrayContaining(want.asks));
  if (want.cites) expect(r.facts.map((f) => f.id)).toEqual(expect.arrayContaining(want.cites));
}

describe("the notes' scenarios get the notes' answer (corrected by facts.md)", () => {
  it.each(NOTES_CASES)('$name', check);
});

describe('own scenarios in everyday wording', () => {
  it('has at least 60 of them', () => expect(OWN_CASES.length).toBeGreaterThanOrEqual(60));
  it.each(OWN_CASES)('$name', check);
});
