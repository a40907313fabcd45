import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, PROJECT_ROOT, validateContent } from '../../../src/content/check.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'content');
const made: string[] = [];

/**
 * Lays a fixture out the way a real checkout is: `<tmp>/project/content` from `clean` with the case's
 * files on top, and `<tmp>/shared/seeds` beside it. Reported paths are then the ones a user sees.
 */
function project(fixture?: string): { root: string; content: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'studybot-content-'));
  made.push(tmp);
  const root = join(tmp, 'project');
  for (const name of ['clean', fixture].filter((n): n is string => n !== undefined)) {
    const from = join(FIXTURES, name);
    if (existsSync(join(from, 'content')))
      cpSync(join(from, 'content'), join(root, 'content'), { recursive: true });
    if (existsSync(join(from, 'seeds')))
      cpSync(join(from, 'seeds'), join(tmp, 'shared', 'seeds'), { recursive: true });
  }
  return { root, content: join(root, 'content') };
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const Q = 'content/questions/s002-case.yaml';

// The fixtures are small and test the structural rules one at a time; the bank rules
// (src/content/bank-rules.ts) have their own tests below and in bank-rules.test.ts.
const structural = (root: string) => ({ root, bankRules: false });

describe('content check on fixtures', () => {
  it('passes the clean fixture, including figures quoted only to be corrected', () => {
    const { root, content } = project();
    const report = checkContent(content, structural(root));
    expect(report.errors).toEqual([]);
    expect(report.questions).toBe(3);
    expect(report.byKind).toEqual({ recall: 2, scenario: 1 });
    expect(report.byAnswerPosition).toEqual({ a: 2, b: 2, c: 0, d: 0, e: 0 });
    expect(report.coverage).toEqual([
      { seed: '001_0a.txt', section: 'Inference Options', questions: 1 },
      { seed: '001_0a.txt', section: 'Limits', questions: 2 },
    ]);
  });

  it.each([
    ['duplicate-key', `${Q}:15: YAML syntax: Map keys must be unique`],
    [
      'duplicate-id',
      `${Q}:1: duplicate question id "s001-serverless-payload" (first at content/questions/s001-clean.yaml:2)`,
    ],
    ['answer-not-a-choice', `${Q}:14: question "s002-case": answer "d" is not among the choices (a, b, c)`],
    ['too-few-choices', `${Q}:7: question "s002-case": choices: a question needs at least 3 choices`],
    ['missing-explanation', `${Q}:1: question "s002-case": missing explanation`],
    ['missing-source', `${Q}:1: question "s002-case": missing sources`],
    ['unknown-topic', `${Q}:2: question "s002-case": unknown topic "endpoints" (not in topics.yaml)`],
    ['unknown-fact', `${Q}:25: question "s002-case": unknown fact "batch.payload.max" (not in facts.yaml)`],
    ['unknown-field', `${Q}:23: question "s002-case": unknown field "fact"`],
    ['duplicate-choice-id', `${Q}:12: question "s002-case": choice id "b" is used twice`],
    ['single-with-two-answers', `${Q}:14: question "s002-case": type single needs exactly 1 answer, found 2`],
    [
      'multiple-without-count',
      `${Q}:6: question "s002-case": type multiple: the prompt must say how many to choose, e.g. "(Choose two.)"`,
    ],
    [
      'multiple-count-mismatch',
      `${Q}:6: question "s002-case": the prompt says "Choose three" but there are 2 answers`,
    ],
    [
      'wrong-choice-unexplained',
      `${Q}:17: question "s002-case": explanation.wrong has no entry for wrong choice "c"`,
    ],
    [
      'answer-explained-as-wrong',
      `${Q}:18: question "s002-case": explanation.wrong explains "a", which is a correct answer`,
    ],
    [
      'unknown-seed',
      `${Q}:21: question "s002-case": source seed 009_ff.txt has no sections file in content/sections/`,
    ],
    [
      'unknown-section',
      `${Q}:22: question "s002-case": section "inference options" is not listed for seed 001_0a.txt (did you mean "Inference Options"?)`,
    ],
    [
      'comma-in-flow-mapping',
      `${Q}:8: question "s002-case": choices.0: an unquoted comma in { ... } cut the text short (lost ", which shuts its instances down"); quote the text`,
    ],
    [
      'misconception-as-answer',
      `${Q}:9: question "s002-case": correct answer a states "30 MB", which facts.yaml lists as a misconception (serverless.payload.max: 4 MB)`,
    ],
    [
      'figure-in-prompt',
      `${Q}:6: question "s002-case": prompt gives 8 MB as a limit, but facts.yaml has 4 MB (serverless.payload.max)`,
    ],
    [
      'figure-in-answer',
      `${Q}:9: question "s002-case": correct answer a gives 5 MB, but the facts it names have 6 MB (realtime.payload.max)`,
    ],
    [
      'section-without-questions',
      'content/sections/001_0a.yaml:6: section "Deployment Guardrails" has no questions',
    ],
    [
      'seed-without-sections',
      '../shared/seeds/002_0b.txt:1: seed has no sections file (expected content/sections/002_0b.yaml)',
    ],
  ])('%s is reported as the one problem it is', (fixture, expected) => {
    const { root, content } = project(fixture);
    expect(checkContent(content, structural(root)).errors).toEqual([expected]);
  });

  it('reports broken YAML syntax at the line the parser stopped', () => {
    // Written here rather than kept as a fixture, because Biome would reject the broken file.
    const { root, content } = project();
    const text = readFileSync(join(FIXTURES, 'duplicate-key', Q), 'utf8').replace(
      '  answer: [a]\n  answer: [b]',
      '  answer: [a',
    );
    writeFileSync(join(content, 'questions', 's002-case.yaml'), text);
    expect(checkContent(content, structural(root)).errors).toEqual([
      `${Q}:15: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('fills a source without a url from the first fact the question names', () => {
    const { root, content } = project();
    const { bundle } = validateContent(content, structural(root));
    const q = bundle.questions.find((x) => x.id === 's001-serverless-payload');
    expect(q?.sources[0]?.url).toBe(
      'https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints-invoke.html',
    );
    const given = bundle.questions.find((x) => x.id === 's001-async-long-jobs');
    expect(given?.sources[0]?.url).toBe(
      'https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference.html',
    );
  });
});

describe('the bank rules in the checker', () => {
  it('reports a giveaway length, a question with no AWS page, and a look-alike pair, each where it is', () => {
    const { root, content } = project();
    const file = join(content, 'questions', 's009-rules.yaml');
    const base = readFileSync(join(FIXTURES, 'clean', 'content', 'questions', 's001-clean.yaml'), 'utf8');
    // The clean fixture's first question, renamed, without its fact (so without an AWS page), with a
    // long answer; and an exact copy of the second question under a new id.
    const [first = '', second = ''] = base.split(/\n(?=- id: )/).filter((q) => q.startsWith('- id: '));
    const bare = first
      .replace('id: s001-serverless-payload', 'id: s009-giveaway')
      .replace('  facts: [serverless.payload.max]\n', '')
      .replace('      text: 4 MB', '      text: 4 MB, the most a serverless endpoint accepts for a request');
    writeFileSync(file, `${bare}\n${second.replace('id: s001-async-long-jobs', 'id: s009-copy')}\n`);
    const errors = checkContent(content, { root }).errors.filter((e) => e.includes('s009'));
    expect(errors.some((e) => /s009-giveaway.*clearly longer than every other choice/.test(e))).toBe(true);
    expect(errors.some((e) => /s009-giveaway.*cites no AWS page/.test(e))).toBe(true);
    expect(errors.some((e) => /s009-copy.*asks the same thing as "s001-async-long-jobs"/.test(e))).toBe(true);
  });
});

describe('the recommend data in content/recommend', () => {
  it('reports a fact id the catalog cites that facts.yaml lacks, at its line, and bundles the files', () => {
    const { root, content } = project();
    const real = readFileSync(join(PROJECT_ROOT, 'content', 'recommend', 'catalog.txt'), 'utf8');
    const realFacts = readFileSync(join(PROJECT_ROOT, 'content', 'facts.yaml'), 'utf8');
    cpSync(join(PROJECT_ROOT, 'content', 'recommend'), join(content, 'recommend'), { recursive: true });
    writeFileSync(join(content, 'facts.yaml'), realFacts);
    // With the real facts every id resolves; the files reach the bundle as written.
    const ok = validateContent(content, structural(root));
    expect(ok.report.errors.filter((e) => e.includes('recommend'))).toEqual([]);
    expect(ok.bundle.recommend.catalog).toBe(real);
    const lines = real.split('\n');
    const at = lines.findIndex((l) => l.includes('| serverless.no-gpu |'));
    lines[at] = (lines[at] ?? '').replace('| serverless.no-gpu |', '| serverless.no-such-limit |');
    writeFileSync(join(content, 'recommend', 'catalog.txt'), lines.join('\n'));
    const lim = lines.findIndex((l) => l.includes('limits payload<realtime.payload.max'));
    expect(checkContent(content, structural(root)).errors).toContain(
      `content/recommend/catalog.txt:${at + 1}: unknown fact id "serverless.no-such-limit"`,
    );
    lines[lim] = (lines[lim] ?? '').replace('payload<realtime.payload.max', 'payload<realtime.payload.huge');
    writeFileSync(join(content, 'recommend', 'catalog.txt'), lines.join('\n'));
    expect(checkContent(content, structural(root)).errors).toContain(
      `content/recommend/catalog.txt:${lim + 1}: unknown fact id "realtime.payload.huge"`,
    );
  });
});

// The done-when for the question bank (issue 17): every rule passes, 260 distinct questions.
describe('the real question bank', () => {
  const report = checkContent(join(PROJECT_ROOT, 'content'));

  it('has no problems, the bank rules included', () => {
    expect(report.errors).toEqual([]);
  });

  it('has at least 260 questions, at least 60% of them scenarios, every difficulty', () => {
    expect(report.questions).toBeGreaterThanOrEqual(260);
    expect(report.scenarioShare).toBeGreaterThanOrEqual(0.6);
    for (const n of Object.values(report.byDifficulty)) expect(n).toBeGreaterThan(report.questions / 6);
  });

  it('covers every section of every seed note at least 3 times', () => {
    expect(report.coverage.filter((c) => c.questions < 3)).toEqual([]);
  });

  it('no longer gives the answer away by length', () => {
    expect(report.keyLongestShare).toBeLessThanOrEqual(0.3);
    expect(report.withoutSource).toBe(0);
    expect(report.similarPairs).toBe(0);
  });
});
