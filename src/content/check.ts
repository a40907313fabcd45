import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  hasAwsSource,
  keyIsLongest,
  lengthGiveaway,
  MAX_KEY_LONGEST_SHARE,
  MAX_QUESTION_ID,
  similarPairs,
} from './bank-rules.ts';
import { YamlFile, type YamlPath } from './load.ts';
import {
  type ContentBundle,
  DomainSchema,
  type Fact,
  FactSchema,
  type Question,
  QuestionSchema,
  type SeedSections,
  SeedSectionsSchema,
  SimilarAllowedSchema,
  TopicSchema,
} from './schema.ts';

/** The project this module belongs to: the default home of content/ and the base of reported paths. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CoverageRow {
  seed: string;
  section: string;
  questions: number;
}

export interface CheckReport {
  questions: number;
  scenarioShare: number;
  byTopic: Record<string, number>;
  bySeed: Record<string, number>;
  byType: Record<string, number>;
  byDifficulty: Record<string, number>;
  byKind: Record<string, number>;
  /** How often the correct answer sits first, second, ... in the choice list (a to e). */
  byAnswerPosition: Record<string, number>;
  coverage: CoverageRow[];
  /** Share of single-answer questions whose answer is the longest choice (chance: about 25%). */
  keyLongestShare: number;
  /** Questions that cite no AWS page, themselves or through a fact. */
  withoutSource: number;
  /** Pairs of questions that ask the same thing and are not on the allow-list. */
  similarPairs: number;
  /** Every problem as `file:line: message`, paths relative to the project root. */
  errors: string[];
}

export interface CheckOptions {
  /** Reported paths are relative to this; defaults to the project root. */
  root?: string;
  /** Every seed note here needs a sections file; defaults to `<root>/../shared/seeds`, skipped if absent. */
  seedsDir?: string;
  /** Apply the bank rules (src/content/bank-rules.ts). */
  bankRules?: boolean;
}

/** Validates content/ and reports counts, coverage and every problem found. */
export function checkContent(dir: string, options: CheckOptions = {}): CheckReport {
  return validateContent(dir, options).report;
}

/** The check plus the bundle the build writes (only meaningful when `report.errors` is empty). */
export function validateContent(
  dir: string,
  options: CheckOptions = {},
): { report: CheckReport; bundle: ContentBundle } {
  const root = options.root ?? PROJECT_ROOT;
  const seedsDir = options.seedsDir ?? join(root, '..', 'shared', 'seeds');
  const errors: string[] = [];
  const err = (file: YamlFile, path: YamlPath, message: string) =>
    errors.push(`${file.rel}:${file.line(path)}: ${message}`);

  const facts = readList(join(dir, 'facts.yaml'), root, FactSchema, 'fact', errors);
  const topics = readList(join(dir, 'topics.yaml'), root, TopicSchema, 'topic', errors);
  reportDuplicates(facts, 'fact', err);
  reportDuplicates(topics, 'topic', err);
  const factsById = new Map(facts.map(({ value }) => [value.id, value]));
  const topicIds = new Set(topics.map(({ value }) => value.id));
  // Exam domains are optional (fixtures have none); once listed, every topic names one.
  const domains = readList(join(dir, 'domains.yaml'), root, DomainSchema, 'domain', errors, true);
  reportDuplicates(domains, 'domain', err);
  const domainIds = new Set(domains.map(({ value }) => value.id));
  if (domains.length > 0) {
    for (const t of topics) {
      if (!t.value.domain) err(t.file, t.path, `topic "${t.value.id}": name its exam domain (domain: …)`);
      else if (!domainIds.has(t.value.domain))
        err(t.file, [...t.path, 'domain'], `topic "${t.value.id}": unknown domain "${t.value.domain}"`);
    }
  }

  const sections = readSections(join(dir, 'sections'), root, errors);
  checkSeedsHaveSections(seedsDir, sections, dir, root, errors);
  const sectionsBySeed = new Map(sections.map((s) => [s.value.seed, s]));

  const questions: Located<Question>[] = [];
  const questionsDir = join(dir, 'questions');
  const files = existsSync(questionsDir) ? yamlFiles(questionsDir) : [];
  if (files.length === 0) errors.push(`${rel(root, questionsDir)}:1: no question files`);
  for (const name of files) {
    questions.push(...readList(join(questionsDir, name), root, QuestionSchema, 'question', errors));
  }
  reportDuplicates(questions, 'question', err);

  for (const q of questions) {
    checkQuestion(q, { factsById, topicIds, sectionsBySeed, allFacts: facts.map((f) => f.value) }, err);
  }

  // The bank's rules (src/content/bank-rules.ts): no giveaway lengths, an AWS page behind every
  // question, no two questions that ask the same thing, ids that fit a button.
  const rules = options.bankRules ?? true;
  const say = (q: Located<Question>, p: YamlPath, m: string) =>
    rules && err(q.file, [...q.path, ...p], `question "${q.value.id}": ${m}`);
  let withoutSource = 0;
  for (const q of questions) {
    const giveaway = lengthGiveaway(q.value);
    if (giveaway) say(q, ['choices'], giveaway);
    if (!hasAwsSource(q.value, factsById)) {
      withoutSource++;
      say(
        q,
        ['sources'],
        'cites no AWS page: give a source a docs.aws.amazon.com url, or name a fact that has one',
      );
    }
    if (q.value.id.length > MAX_QUESTION_ID)
      say(
        q,
        ['id'],
        `id is ${q.value.id.length} characters; at most ${MAX_QUESTION_ID} fit a Discord button id`,
      );
  }
  const allowed = readList(
    join(dir, 'similar-allowed.yaml'),
    root,
    SimilarAllowedSchema,
    'allowed pair',
    errors,
    true,
  );
  const allowedPairs = new Set(allowed.map((a) => a.value.id));
  const byId = new Map(questions.map((q) => [q.value.id, q]));
  let similar = 0;
  for (const pair of similarPairs(questions.map((q) => q.value))) {
    if (allowedPairs.has(`${pair.a} + ${pair.b}`) || allowedPairs.has(`${pair.b} + ${pair.a}`)) continue;
    similar++;
    const q = byId.get(pair.b)!;
    say(
      q,
      ['prompt'],
      `asks the same thing as "${pair.a}" (similarity ${pair.score.toFixed(2)}): merge them, or list "${pair.a} + ${pair.b}" in content/similar-allowed.yaml with the different decision each tests`,
    );
  }
  const singles = questions.filter((q) => q.value.type === 'single');
  const keyLongestShare =
    singles.length === 0
      ? 0
      : Math.round((singles.filter((q) => keyIsLongest(q.value)).length / singles.length) * 1000) / 1000;
  if (rules && keyLongestShare > MAX_KEY_LONGEST_SHARE)
    errors.push(
      `${rel(root, questionsDir)}:1: the answer is the longest choice in ${Math.round(keyLongestShare * 100)}% of single-answer questions (at most ${MAX_KEY_LONGEST_SHARE * 100}%): a test-wise learner scores without knowing`,
    );

  const coverage: CoverageRow[] = [];
  for (const s of sections) {
    s.value.sections.forEach((section, i) => {
      const n = questions.filter((q) =>
        q.value.sources.some((src) => src.seed === s.value.seed && src.section === section),
      ).length;
      coverage.push({ seed: s.value.seed, section, questions: n });
      if (n === 0) err(s.file, ['sections', i], `section "${section}" has no questions`);
    });
  }

  const qs = questions.map((q) => q.value);
  const scenarios = qs.filter((q) => q.kind === 'scenario').length;
  const report: CheckReport = {
    questions: qs.length,
    scenarioShare: qs.length === 0 ? 0 : Math.round((scenarios / qs.length) * 1000) / 1000,
    byTopic: tally(
      qs.map((q) => q.topic),
      topics.map((t) => t.value.id),
    ),
    bySeed: tally(
      qs.flatMap((q) => [...new Set(q.sources.map((s) => s.seed))]),
      sections.map((s) => s.value.seed),
    ),
    byType: tally(
      qs.map((q) => q.type),
      ['single', 'multiple'],
    ),
    byDifficulty: tally(
      qs.map((q) => q.difficulty),
      ['easy', 'medium', 'hard'],
    ),
    byKind: tally(
      qs.map((q) => q.kind),
      ['recall', 'scenario'],
    ),
    byAnswerPosition: tally(
      qs.flatMap((q) =>
        q.choices.flatMap((c, i) => (q.answer.includes(c.id) ? [POSITIONS[i] ?? `${i + 1}`] : [])),
      ),
      [...POSITIONS],
    ),
    coverage,
    keyLongestShare,
    withoutSource,
    similarPairs: similar,
    errors,
  };
  const bundle: ContentBundle = {
    facts: facts.map((f) => f.value),
    topics: topics.map((t) => t.value),
    domains: domains.map((d) => d.value),
    questions: qs.map((q) => withFactUrls(q, factsById)),
    recommend: readRecommendData(join(dir, 'recommend'), root, factsById, errors),
  };
  return { report, bundle };
}

const POSITIONS = ['a', 'b', 'c', 'd', 'e'] as const;

/** A validated value and where it came from. */
interface Located<T> {
  value: T;
  file: YamlFile;
  path: YamlPath;
}

type Report = (file: YamlFile, path: YamlPath, message: string) => void;

function rel(root: string, path: string): string {
  return relative(root, path).split('\\').join('/');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
}

/** Reads a top-level YAML list, validating each item on its own so one bad item hides no others. */
function readList<T extends { id: string }>(
  path: string,
  root: string,
  schema: z.ZodType<T>,
  what: string,
  errors: string[],
  optional = false,
): Located<T>[] {
  if (!existsSync(path)) {
    if (!optional) errors.push(`${rel(root, path)}:1: file is missing`);
    return [];
  }
  const file = new YamlFile(path, root);
  const syntax = file.syntaxErrors();
  if (syntax.length > 0) {
    errors.push(...syntax);
    return [];
  }
  const data = file.data();
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    errors.push(`${file.rel}:${file.line([])}: expected a list of ${what}s`);
    return [];
  }
  const out: Located<T>[] = [];
  data.forEach((item: unknown, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      out.push({ value: parsed.data, file, path: [i] });
      return;
    }
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    const label = id ? `${what} "${id}"` : `${what} #${i + 1}`;
    for (const issue of parsed.error.issues) {
      const [path, message] = describeIssue(issue, item, file, [i]);
      errors.push(`${file.rel}:${file.line([i, ...path])}: ${label}: ${message}`);
    }
  });
  return out;
}

function readSections(dir: string, root: string, errors: string[]): Located<SeedSections>[] {
  if (!existsSync(dir)) {
    errors.push(`${rel(root, dir)}:1: folder is missing (one <seed>.yaml per seed note)`);
    return [];
  }
  const out: Located<SeedSections>[] = [];
  const seen = new Map<string, string>();
  for (const name of yamlFiles(dir)) {
    const file = new YamlFile(join(dir, name), root);
    const syntax = file.syntaxErrors();
    if (syntax.length > 0) {
      errors.push(...syntax);
      continue;
    }
    const data = file.data();
    const parsed = SeedSectionsSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [path, message] = describeIssue(issue, data, file, []);
        errors.push(`${file.rel}:${file.line(path)}: ${message}`);
      }
      continue;
    }
    const { seed, sections } = parsed.data;
    const expected = `${seed.replace(/\.txt$/, '')}.yaml`;
    if (name !== expected)
      errors.push(`${file.rel}:${file.line(['seed'])}: seed ${seed} belongs in ${expected}`);
    const first = seen.get(seed);
    if (first)
      errors.push(`${file.rel}:${file.line(['seed'])}: seed ${seed} already has sections in ${first}`);
    seen.set(seed, file.rel);
    const index = new Map<string, number>();
    sections.forEach((section, i) => {
      const earlier = index.get(section);
      if (earlier !== undefined) {
        errors.push(
          `${file.rel}:${file.line(['sections', i])}: section "${section}" is listed twice (also line ${file.line(['sections', earlier])})`,
        );
      }
      index.set(section, i);
    });
    out.push({ value: parsed.data, file, path: [] });
  }
  return out;
}

function checkSeedsHaveSections(
  seedsDir: string,
  sections: Located<SeedSections>[],
  contentDir: string,
  root: string,
  errors: string[],
): void {
  if (!existsSync(seedsDir)) return;
  const covered = new Set(sections.map((s) => s.value.seed));
  for (const seed of readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    if (covered.has(seed)) continue;
    const expected = rel(root, join(contentDir, 'sections', `${seed.replace(/\.txt$/, '')}.yaml`));
    errors.push(`${rel(root, join(seedsDir, seed))}:1: seed has no sections file (expected ${expected})`);
  }
}

function reportDuplicates<T extends { id: string }>(items: Located<T>[], what: string, err: Report): void {
  const first = new Map<string, Located<T>>();
  for (const item of items) {
    const earlier = first.get(item.value.id);
    if (earlier) {
      const where = `${earlier.file.rel}:${earlier.file.line([...earlier.path, 'id'])}`;
      err(item.file, [...item.path, 'id'], `duplicate ${what} id "${item.value.id}" (first at ${where})`);
    } else {
      first.set(item.value.id, item);
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let v = data;
  for (const key of path) {
    if (Array.isArray(v) && typeof key === 'number') v = v[key];
    else if (isRecord(v)) v = v[String(key)];
    else return undefined;
  }
  return v;
}

/** Turns a zod issue into the path to point at and a sentence a content author can act on. */
function describeIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  file: YamlFile,
  base: YamlPath,
): [YamlPath, string] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const where = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const split = issue.keys.every((k) => valueAt(data, [...path, k]) === null);
    if (split && file.isFlowMap([...base, ...path])) {
      const text = issue.keys.map((k) => `", ${k}"`).join(', ');
      return [
        path,
        `${where}: an unquoted comma in { ... } cut the text short (lost ${text}); quote the text`,
      ];
    }
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return [[...path, issue.keys[0] ?? ''], `unknown field ${keys}${where ? ` in ${where}` : ''}`];
  }
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) return [path, `missing ${where}`];
  return [path, where ? `${where}: ${issue.message}` : issue.message];
}

function tally(values: string[], known: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of known) out[k] = 0;
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/**
 * Fills each source the author left without a url with the first fact URL the question names.
 * Retired-service facts are skipped: questions cite them to rule out a distractor, and their page
 * (Elastic Inference, Edge Manager) would be the wrong place to send a reader.
 */
function withFactUrls(q: Question, factsById: Map<string, Fact>): Question {
  const url = (q.facts ?? [])
    .filter((id) => !id.endsWith('.retired'))
    .map((id) => factsById.get(id)?.source)
    .find((u) => u !== undefined);
  if (!url) return q;
  return { ...q, sources: q.sources.map((s) => (s.url ? s : { ...s, url })) };
}

interface Context {
  factsById: Map<string, Fact>;
  topicIds: Set<string>;
  sectionsBySeed: Map<string, Located<SeedSections>>;
  allFacts: Fact[];
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

function checkQuestion({ value: q, file, path }: Located<Question>, ctx: Context, err: Report): void {
  const at = (...p: (string | number)[]) => [...path, ...p];
  const say = (p: YamlPath, message: string) => err(file, p, `question "${q.id}": ${message}`);

  if (!ctx.topicIds.has(q.topic)) say(at('topic'), `unknown topic "${q.topic}" (not in topics.yaml)`);

  const choiceIds = new Set<string>();
  const texts = new Map<string, string>();
  q.choices.forEach((c, i) => {
    if (choiceIds.has(c.id)) say(at('choices', i, 'id'), `choice id "${c.id}" is used twice`);
    choiceIds.add(c.id);
    const key = c.text.trim().toLowerCase();
    const same = texts.get(key);
    if (same !== undefined)
      say(at('choices', i, 'text'), `choice ${c.id} has the same text as choice ${same}`);
    texts.set(key, c.id);
  });

  const answers = new Set<string>();
  q.answer.forEach((a, i) => {
    if (answers.has(a)) say(at('answer', i), `answer "${a}" is listed twice`);
    answers.add(a);
    if (!choiceIds.has(a))
      say(at('answer', i), `answer "${a}" is not among the choices (${[...choiceIds].join(', ')})`);
  });

  const asked = /\bchoose\s+(two|three|four|five|[2-5])\b/i.exec(q.prompt);
  const askedCount = asked?.[1] ? (COUNT_WORDS[asked[1].toLowerCase()] ?? Number(asked[1])) : undefined;
  if (q.type === 'single') {
    if (answers.size !== 1) say(at('answer'), `type single needs exactly 1 answer, found ${answers.size}`);
    if (askedCount !== undefined) say(at('prompt'), `type single, but the prompt says "${asked?.[0]}"`);
  } else {
    if (answers.size < 2) say(at('answer'), `type multiple needs at least 2 answers, found ${answers.size}`);
    if (askedCount === undefined) {
      const n = Object.entries(COUNT_WORDS).find(([, v]) => v === answers.size)?.[0] ?? String(answers.size);
      say(at('prompt'), `type multiple: the prompt must say how many to choose, e.g. "(Choose ${n}.)"`);
    } else if (askedCount !== answers.size) {
      say(at('prompt'), `the prompt says "${asked?.[0]}" but there are ${answers.size} answers`);
    }
    if (answers.size >= q.choices.length) say(at('answer'), 'every choice is an answer');
  }

  const wrong = q.explanation.wrong;
  for (const id of Object.keys(wrong)) {
    if (!choiceIds.has(id))
      say(at('explanation', 'wrong', id), `explanation.wrong explains "${id}", which is not a choice`);
    else if (answers.has(id)) {
      say(at('explanation', 'wrong', id), `explanation.wrong explains "${id}", which is a correct answer`);
    }
  }
  const unexplained = [...choiceIds].filter((id) => !answers.has(id) && wrong[id] === undefined);
  if (unexplained.length > 0) {
    const list = unexplained.map((id) => `"${id}"`).join(', ');
    say(at('explanation', 'wrong'), `explanation.wrong has no entry for wrong choice ${list}`);
  }

  q.sources.forEach((s, i) => {
    const seed = ctx.sectionsBySeed.get(s.seed);
    if (!seed) {
      say(at('sources', i, 'seed'), `source seed ${s.seed} has no sections file in content/sections/`);
    } else if (!seed.value.sections.includes(s.section)) {
      const near = seed.value.sections.find((x) => x.toLowerCase() === s.section.toLowerCase());
      const hint = near ? ` (did you mean "${near}"?)` : '';
      say(at('sources', i, 'section'), `section "${s.section}" is not listed for seed ${s.seed}${hint}`);
    }
  });

  (q.facts ?? []).forEach((id, i) => {
    if (!ctx.factsById.has(id)) say(at('facts', i), `unknown fact "${id}" (not in facts.yaml)`);
  });

  for (const problem of contradictions(q, ctx.allFacts)) say(at(...problem.path), problem.message);
}

// ---------------------------------------------------------------------------------------------
// Figures that contradict the facts table.
//
// Questions are full of legitimate numbers: scenario workloads ("payloads of 30 MB"), wrong
// choices (wrong on purpose) and explanations that quote a note's wrong figure to correct it. So
// the rule only reads the prompt and the correct choices, and only flags a figure that is asserted
// as a service's limit: a clause that names the service, uses a limit word ("accepts", "limit",
// "maximum") and puts "up to"/"at most"/... (or "... limit") right next to a size or duration.
// Quoted text, questions, reported speech ("the note says") and negated or comparative clauses
// ("not", "exceeds", "by default") are skipped.
// ---------------------------------------------------------------------------------------------

type Kind = 'size' | 'duration';

interface Figure {
  kind: Kind;
  /** Base units (bytes or seconds), read with decimal and with binary prefixes. */
  dec: number;
  bin: number;
  text: string;
  index: number;
}

const UNITS: Record<string, { kind: Kind; dec: number; bin: number }> = {
  byte: { kind: 'size', dec: 1, bin: 1 },
  kb: { kind: 'size', dec: 1e3, bin: 2 ** 10 },
  mb: { kind: 'size', dec: 1e6, bin: 2 ** 20 },
  gb: { kind: 'size', dec: 1e9, bin: 2 ** 30 },
  tb: { kind: 'size', dec: 1e12, bin: 2 ** 40 },
  s: { kind: 'duration', dec: 1, bin: 1 },
  min: { kind: 'duration', dec: 60, bin: 60 },
  h: { kind: 'duration', dec: 3600, bin: 3600 },
  days: { kind: 'duration', dec: 86400, bin: 86400 },
};

function unitKey(raw: string): string | undefined {
  const u = raw.toLowerCase();
  if (/^bytes?$/.test(u)) return 'byte';
  if (/^(kb|kib|kilobytes?)$/.test(u)) return 'kb';
  if (/^(mb|mib|megabytes?)$/.test(u)) return 'mb';
  if (/^(gb|gib|gigabytes?)$/.test(u)) return 'gb';
  if (/^(tb|tib|terabytes?)$/.test(u)) return 'tb';
  if (/^(s|secs?|seconds?)$/.test(u)) return 's';
  if (/^(mins?|minutes?)$/.test(u)) return 'min';
  if (/^(h|hrs?|hours?)$/.test(u)) return 'h';
  if (/^days?$/.test(u)) return 'days';
  return undefined;
}

const FIGURE =
  /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[\s-]?(kilobytes?|megabytes?|gigabytes?|terabytes?|bytes?|[kmgt]i?b|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?)\b/gi;

function figures(text: string): Figure[] {
  return [...text.matchAll(FIGURE)].flatMap((m) => {
    const unit = UNITS[unitKey(m[2] ?? '') ?? ''];
    if (!unit) return [];
    const n = Number((m[1] ?? '').replaceAll(',', ''));
    return [{ kind: unit.kind, dec: n * unit.dec, bin: n * unit.bin, text: m[0], index: m.index }];
  });
}

function factFigure(f: Fact): Figure | undefined {
  const key = f.unit === 'bytes' ? 'byte' : f.unit.toLowerCase();
  const unit = UNITS[key];
  return unit
    ? { kind: unit.kind, dec: f.value * unit.dec, bin: f.value * unit.bin, text: f.display, index: 0 }
    : undefined;
}

function sameFigure(a: Figure, b: Figure): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(x, y);
  return (
    a.kind === b.kind &&
    (close(a.dec, b.dec) || close(a.bin, b.bin) || close(a.dec, b.bin) || close(a.bin, b.dec))
  );
}

/**
 * Services whose size and duration figures the facts table covers completely, keyed by fact id prefix.
 * Left out on purpose: blue/green and rolling settings (ranges people configure, not limits) and
 * Inference Recommender (the table has the default job's 45 minutes but not the advanced job's hours).
 */
const SERVICES: Record<string, RegExp> = {
  realtime: /\breal-?time\b/gi,
  serverless: /\bserverless\b/gi,
  async: /\basync(?:hronous)?\b/gi,
  batch: /\bbatch transform\b/gi,
  lambda: /\blambda\b/gi,
  shadow: /\bshadow (?:tests?|variants?|deployments?)\b/gi,
  neo: /\bneo\b/gi,
};

function serviceOf(f: Fact): string | undefined {
  const prefix = f.id.split('.')[0] ?? '';
  return prefix in SERVICES ? prefix : undefined;
}

const REPORTED =
  /\b(notes?|says?|said|claims?|claimed|states?|stated|according|believes?|thinks?|suggests?|assumes?|argues?|wrote|writes|remembers?|recalls?|colleague|teammate|heard|rumou?r)\b/i;
const GUARDED =
  /\b(not|no|never|cannot|instead|rather|unlike|beyond|exceeds?|exceeded|exceeding|more|over|above|larger|longer|bigger|too|default|defaults|older|outdated|wrong|myth|misconception)\b|n't\b/i;
const LIMIT_WORD =
  /\b(limits?|limited|maximum|max|caps?|capped|ceiling|accepts?|allows?|supports?|handles?|times? out|timeout|can (?:take|accept|handle|hold|carry|run|wait|last|use|process))\b/i;
const LIMIT_BEFORE =
  /\b(?:up to|at most|no more than|maximum(?: of| is)?|max(?: of| is)?|limit(?:ed)? (?:of|to|is)|cap(?:ped)? (?:at|of)|caps (?:out )?at|ceiling of|as (?:large|long|much) as)\s+(?:about |roughly |around |approximately )?$/i;
const LIMIT_AFTER = /^\s*(?:[a-z-]+\s+)?(?:limit|maximum|max|cap|ceiling)\b/i;

/** Clauses of the sentences that assert something: no questions, no reported speech, no quotes. */
function assertedClauses(text: string): string[] {
  const unquoted = text.replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, ' ');
  return unquoted
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((sentence) => !sentence.includes('?') && !REPORTED.test(sentence))
    .flatMap((sentence) => sentence.split(/[;:()]|\s[—–-]\s|\b(?:while|whereas|but)\b/i));
}

function servicesIn(clause: string): { service: string; index: number }[] {
  return Object.entries(SERVICES).flatMap(([service, re]) =>
    [...clause.matchAll(re)].map((m) => ({ service, index: m.index })),
  );
}

interface Contradiction {
  path: YamlPath;
  message: string;
}

function contradictions(q: Question, allFacts: Fact[]): Contradiction[] {
  const out: Contradiction[] = [];
  const listed = new Set(q.facts ?? []);
  const texts: { path: YamlPath; text: string; where: string }[] = [
    { path: ['prompt'], text: q.prompt, where: 'prompt' },
  ];
  q.choices.forEach((c, i) => {
    if (q.answer.includes(c.id))
      texts.push({ path: ['choices', i, 'text'], text: c.text, where: `correct answer ${c.id}` });
  });

  for (const { path, text, where } of texts) {
    const flagged = new Set<string>();
    for (const clause of assertedClauses(text)) {
      const named = servicesIn(clause);
      const namedServices = new Set(named.map((n) => n.service));
      const guarded = GUARDED.test(clause);

      // A misconception stated as fact (only in correct answers: a prompt may set up the myth).
      if (where !== 'prompt' && !guarded) {
        for (const f of allFacts) {
          const service = serviceOf(f);
          if (!listed.has(f.id) && !(service && namedServices.has(service))) continue;
          for (const m of f.misconceptions ?? []) {
            const mis = figures(m)[0];
            const hit = mis ? figures(clause).find((x) => sameFigure(x, mis)) : includesWord(clause, m);
            if (!hit) continue;
            // Another fact the question is about may hold this very figure (Lambda's 15 minutes).
            const justified =
              mis &&
              allFacts.some((o) => {
                const fig = factFigure(o);
                const os = serviceOf(o);
                return (
                  o.id !== f.id &&
                  fig &&
                  sameFigure(fig, mis) &&
                  (listed.has(o.id) || (os !== undefined && os !== serviceOf(f) && namedServices.has(os)))
                );
              });
            if (justified) continue;
            const key = typeof hit === 'object' ? hit.text : m;
            if (flagged.has(key)) continue;
            flagged.add(key);
            out.push({
              path,
              message: `${where} states "${m}", which facts.yaml lists as a misconception (${f.id}: ${f.display})`,
            });
          }
        }
      }

      // A correct answer that gives a figure (bare, like "5 MB", or as a limit) none of its facts has.
      if (where !== 'prompt' && !guarded) {
        const bare = clause.trim().split(/\s+/).length <= 4;
        for (const fig of figures(clause)) {
          const before = clause.slice(Math.max(0, fig.index - 40), fig.index);
          if (
            !bare &&
            !LIMIT_BEFORE.test(before) &&
            !LIMIT_AFTER.test(clause.slice(fig.index + fig.text.length))
          )
            continue;
          const mine = allFacts.filter((f) => listed.has(f.id) && factFigure(f)?.kind === fig.kind);
          if (mine.length === 0) continue;
          const holds = (f: Fact) => {
            const ff = factFigure(f);
            return ff !== undefined && sameFigure(ff, fig);
          };
          const namedHolds = allFacts.some((f) => {
            const s = serviceOf(f);
            return s !== undefined && namedServices.has(s) && holds(f);
          });
          if (mine.some(holds) || namedHolds || flagged.has(fig.text)) continue;
          flagged.add(fig.text);
          const expected = mine.map((f) => `${f.display} (${f.id})`).join(', ');
          out.push({ path, message: `${where} gives ${fig.text}, but the facts it names have ${expected}` });
        }
      }

      // A figure asserted as a service's limit that no fact about that service has.
      if (guarded || named.length === 0 || !LIMIT_WORD.test(clause)) continue;
      for (const fig of figures(clause)) {
        const before = clause.slice(Math.max(0, fig.index - 40), fig.index);
        const after = clause.slice(fig.index + fig.text.length);
        if (!LIMIT_BEFORE.test(before) && !LIMIT_AFTER.test(after)) continue;
        const candidates = allFacts.filter((f) => {
          const s = serviceOf(f);
          return s !== undefined && namedServices.has(s) && factFigure(f)?.kind === fig.kind;
        });
        if (candidates.length === 0) continue;
        const owner = nearestService(named, fig.index);
        const matches = candidates.filter((f) => {
          const ff = factFigure(f);
          return ff !== undefined && sameFigure(ff, fig);
        });
        const myth = allFacts.find(
          (f) =>
            serviceOf(f) === owner &&
            (f.misconceptions ?? []).some((m) => figures(m).some((x) => sameFigure(x, fig))),
        );
        const otherwiseTrue = matches.some((f) => serviceOf(f) !== owner);
        if (matches.length > 0 && !(myth && !otherwiseTrue)) continue;
        const own = candidates.filter((f) => serviceOf(f) === owner);
        const aspect = /\b(memory|ram)\b/i.test(clause) ? 'memory' : undefined;
        const shown = (own.length > 0 ? own : candidates).filter((f) =>
          fig.kind !== 'size' ? true : aspect ? f.subject.includes('memory') : !f.subject.includes('memory'),
        );
        const key = `${fig.text}`;
        if (flagged.has(key)) continue;
        flagged.add(key);
        const expected = (shown.length > 0 ? shown : candidates)
          .map((f) => `${f.display} (${f.id})`)
          .join(', ');
        out.push({
          path,
          message: myth
            ? `${where} gives ${fig.text} as a limit, which facts.yaml lists as a misconception (${myth.id}: ${myth.display})`
            : `${where} gives ${fig.text} as a limit, but facts.yaml has ${expected}`,
        });
      }
    }
  }
  return out;
}

function includesWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
  return new RegExp(`(?<![\\w.])${escaped}(?!\\w)`, 'i').test(text);
}

function nearestService(named: { service: string; index: number }[], at: number): string | undefined {
  const before = named.filter((n) => n.index < at).sort((a, b) => b.index - a.index)[0];
  return (before ?? named.sort((a, b) => a.index - b.index)[0])?.service;
}

/**
 * content/recommend/*.txt, the recommend engine's catalog, sentences and words (optional: fixtures
 * have none). Every fact id they cite, as "{id}" in a sentence or in a line's "| ids |" field, exists.
 */
/** The lines whose second "|" field lists fact ids. */
const CITING = /^\s*(?:block|why|none|not|question|start|retired|related) /;
function readRecommendData(
  dir: string,
  root: string,
  factsById: Map<string, unknown>,
  errors: string[],
): ContentBundle['recommend'] {
  const read = (name: 'catalog' | 'answer' | 'lexicon' | 'roles') => {
    const file = join(dir, `${name}.txt`);
    if (!existsSync(file)) return '';
    const text = readFileSync(file, 'utf8');
    text.split('\n').forEach((line, i) => {
      if (name === 'lexicon' || name === 'roles' || line.startsWith('#')) return;
      const fields = line.split(' | ');
      const ids = [
        ...[...line.matchAll(/\{([a-z0-9.-]+)\}/g)].map((m) => m[1] ?? ''),
        ...(fields.length >= 3 && CITING.test(line) ? (fields[1] ?? '').split(' ').filter(Boolean) : []),
        ...((fields.length === 2 &&
          /^\s*not (.*)/
            .exec(fields[0] ?? '')?.[1]
            ?.split(' ')
            .filter(Boolean)) ||
          []),
        ...(/^\s*limits (.*)/
          .exec(line)?.[1]
          ?.split(' ')
          .map((l) => l.split(/<+/)[1] ?? '') ?? []),
      ];
      for (const id of ids)
        if (!factsById.has(id)) errors.push(`${rel(root, file)}:${i + 1}: unknown fact id "${id}"`);
    });
    return text;
  };
  return { catalog: read('catalog'), answer: read('answer'), lexicon: read('lexicon'), roles: read('roles') };
}
