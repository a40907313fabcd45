/** `npm run bench recommend`: microseconds per recommend() over the test scenarios. */
import { recommend } from '../src/engines/recommend/index.ts';
import { NOTES_CASES, OWN_CASES } from '../test/unit/engines/recommend/cases.ts';
import type { Figure } from './run.ts';

export async function bench(): Promise<Figure[]> {
  const corpus = [...NOTES_CASES, ...OWN_CASES].map((c) => c.text);
  for (let i = 0; i < 3; i++) for (const t of corpus) recommend(t); // warm the JIT
  const samples: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (const t of corpus) {
      const start = performance.now();
      recommend(t);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  const p99 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? 0;
  const big = `20 MB documents, results within 30 minutes. ${'lorem ipsum spiky 4 MB '.repeat(5000)}`.slice(
    0,
    100_000,
  );
  const bigStart = performance.now();
  recommend(big);
  const bigUs = (performance.now() - bigStart) * 1000;
  const note = `${corpus.length} scenarios x 30`;
  return [
    { name: 'recommend() mean', value: mean, unit: 'µs', note },
    { name: 'recommend() p99', value: p99, unit: 'µs', note },
    { name: 'recommend() on a 100 KB message', value: bigUs, unit: 'µs', note: 'read up to 20,000 chars' },
  ];
}
