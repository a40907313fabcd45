import { describe, expect, it } from 'vitest';
import type { DimensionSpec } from '../../../../src/engines/recommend/catalog.ts';
import { evaluate } from '../../../../src/engines/recommend/evaluate.ts';
import { recommend, renderRecommendation } from '../../../../src/engines/recommend/index.ts';
import { RecommendationSchema } from '../../../../src/engines/recommend/schema.ts';
import { readWorkload } from '../../../../src/engines/recommend/workload.ts';
import { prng } from '../../../support/prng.ts';

const WORDS = [
  'payload',
  'MB',
  'GB',
  'KB',
  'MiB',
  'XB',
  'within',
  'minutes',
  'seconds',
  'ms',
  'hours',
  'overnight',
  'by morning',
  'spiky',
  'steady',
  'intermittent',
  'nightly',
  'no',
  'not',
  "doesn't",
  'GPU',
  'real-time',
  'serverless',
  'async',
  'batch',
  'canary',
  'linear',
  'rollback',
  'shadow',
  'A/B',
  'models',
  'tenants',
  'containers',
  'framework',
  '4',
  '6',
  '60',
  '3.9',
  '4.1',
  '59',
  '61',
  '55',
  '65',
  '1,000',
  '10,000',
  '-5',
  '1e309',
  'NaN',
  'Infinity',
  '0.0000001',
  '∞',
  'half an hour',
  'a few seconds',
  'a day',
  '%',
  '=',
  'key=value',
  'payload=',
  '=20MB',
  'latency=30m',
  'gpu=maybe',
  'edge',
  'Neo',
  'Elastic Inference',
  'Edge Manager',
  'Model Monitor',
  'Terraform',
  'CDK',
  'Lambda',
  'EKS',
  '\n',
  '.',
  ',',
  ';',
  '?',
  '💥',
  'ﬁle',
  'Ｍ Ｂ',
  '２０ＭＢ',
  '\u0000',
  '\uD800',
  '\u202E',
  '<script>',
  '$' + '{x}',
  '`rm -rf`',
  '((((',
  '\\',
];

function randomText(rand: () => number): string {
  const kind = Math.floor(rand() * 4);
  const n = 1 + Math.floor(rand() * 40);
  if (kind === 0) {
    // Raw code points, including lone surrogates and controls.
    let s = '';
    for (let i = 0; i < n * 3; i++) s += String.fromCharCode(Math.floor(rand() * 0xffff));
    return s;
  }
  if (kind === 1) {
    // key=value junk with odd units.
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = WORDS[Math.floor(rand() * WORDS.length)] ?? 'x';
      const v = `${Math.floor(rand() * 1e6) / (1 + Math.floor(rand() * 1000))}${WORDS[Math.floor(rand() * WORDS.length)] ?? ''}`;
      parts.push(`${k}=${v}`);
    }
    return parts.join(rand() < 0.5 ? ' ' : '');
  }
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(WORDS[Math.floor(rand() * WORDS.length)] ?? '');
  return parts.join(kind === 2 ? ' ' : '');
}

describe('fuzz: no input throws, and every answer is valid against the schema', () => {
  it('10,000 seeded random and garbled inputs', () => {
    const rand = prng(20240601);
    for (let i = 0; i < 10_000; i++) {
      const text = randomText(rand);
      let r: ReturnType<typeof recommend> | undefined;
      try {
        r = recommend(text);
      } catch (e) {
        throw new Error(`input #${i} threw: ${JSON.stringify(text)}: ${String(e)}`);
      }
      const parsed = RecommendationSchema.safeParse(JSON.parse(JSON.stringify(r)));
      if (!parsed.success)
        throw new Error(`input #${i} ${JSON.stringify(text)} invalid: ${parsed.error.message}`);
      expect(renderRecommendation(r).title.length).toBeGreaterThan(0);
    }
  });

  it('a 100 KB message gets an answer quickly and says it was cut', () => {
    const text =
      `20 MB documents, results within 30 minutes. ${'lorem ipsum spiky 4 MB '.repeat(5000)}`.slice(
        0,
        100_000,
      );
    const start = performance.now();
    const r = recommend(text);
    expect(performance.now() - start).toBeLessThan(200);
    expect(r.inference?.choice).toBe('async');
    expect(r.notes.join(' ')).toContain('first 20,000 characters');
  });

  it.each(['', '   ', '\n\n', '?!', 'hello', 'asdf qwer'])(
    '%j gets a "tell me ..." with questions',
    (text) => {
      const r = recommend(text);
      expect(r.status).toBe('needs-input');
      expect(r.message).toMatch(/^Tell me/);
      expect(r.questions.length).toBeGreaterThan(0);
    },
  );

  it('a rule that throws reaches the caller: no catch-all hides a bug from this test', () => {
    const broken: DimensionSpec<'a'> = {
      applies: () => true,
      options: {
        a: { limits: [], blocks: [], reasons: [], otherwise: [{ when: () => true, text: 'x', facts: [] }] },
      },
      prefer: [
        [
          'a',
          () => {
            throw new TypeError('bug in a rule');
          },
        ],
      ],
    };
    expect(() => evaluate('inference', broken, { w: readWorkload('20 MB'), inference: null })).toThrow(
      'bug in a rule',
    );
  });

  it('non-string input from a careless caller still gets an answer', () => {
    expect(recommend(undefined as unknown as string).status).toBe('needs-input');
  });
});
