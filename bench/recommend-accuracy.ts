/**
 * Accuracy of recommend() on a set of scenarios: the share fully right (every dimension the case
 * asserts) and the share right per dimension. The blind sets under test/eval/ were written by
 * someone who had never read the engine; their first score is the one that predicts real use.
 */
import { readFileSync } from 'node:fs';
import { recommend } from '../src/engines/recommend/index.ts';
import { DIMENSIONS } from '../src/engines/recommend/options.ts';

type Dimension = (typeof DIMENSIONS)[number];

export interface Scenario {
  id: string;
  text: string;
  expect: Partial<Record<Dimension, string | string[] | null>>;
}

export interface Accuracy {
  cases: number;
  fullyRight: number;
  perDimension: Record<string, { right: number; asked: number }>;
  wrong: { id: string; dimension: Dimension; want: unknown; got: unknown }[];
}

export function loadScenarios(path: string): Scenario[] {
  return JSON.parse(readFileSync(path, 'utf8')) as Scenario[];
}

export function score(scenarios: Scenario[]): Accuracy {
  const perDimension: Accuracy['perDimension'] = {};
  const wrong: Accuracy['wrong'] = [];
  let fullyRight = 0;
  for (const s of scenarios) {
    const r = recommend(s.text) as unknown as Record<Dimension, { choice: unknown } | null>;
    let ok = true;
    for (const d of DIMENSIONS) {
      if (!(d in s.expect)) continue;
      const want = s.expect[d];
      const got = r[d]?.choice ?? null;
      const right = JSON.stringify(got) === JSON.stringify(want);
      const tally = perDimension[d] ?? { right: 0, asked: 0 };
      perDimension[d] = tally;
      tally.asked++;
      if (right) tally.right++;
      else {
        ok = false;
        wrong.push({ id: s.id, dimension: d, want, got });
      }
    }
    if (ok) fullyRight++;
  }
  return { cases: scenarios.length, fullyRight, perDimension, wrong };
}

// `npx tsx bench/recommend-accuracy.ts <set.json> [--wrong]` prints the score of one set.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, flag] = process.argv.slice(2);
  if (!path) throw new Error('usage: tsx bench/recommend-accuracy.ts <scenarios.json> [--wrong]');
  const a = score(loadScenarios(path));
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  console.log(`${a.fullyRight}/${a.cases} fully right (${pct(a.fullyRight, a.cases)})`);
  for (const [d, t] of Object.entries(a.perDimension))
    console.log(`  ${d.padEnd(14)} ${t.right}/${t.asked} (${pct(t.right, t.asked)})`);
  if (flag === '--wrong') for (const w of a.wrong) console.log(JSON.stringify(w));
}
