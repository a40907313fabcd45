/**
 * One evaluator for every dimension of the catalog: which options fit, the reason each other option
 * is ruled out, the nearest thresholds ("what would change the answer"), the assumptions made and the
 * questions worth asking. Sentences come from a few templates that quote the facts table.
 */
import {
  type DimensionSpec,
  type Lever,
  limit,
  type OptionSpec,
  otherwise,
  shown,
  texts,
  type View,
} from './catalog.ts';
import type { Cite, Recommendation } from './schema.ts';
import type { Figure, Range } from './workload.ts';

export type Change = Recommendation['wouldChange'][number];
export type Question = Recommendation['questions'][number];
export interface Decision {
  choice: string | string[];
  reasons: Cite[];
  ruledOut: { option: string; reason: string; facts: string[] }[];
  assumptions: string[];
}
export interface Outcome {
  decision: Decision | null;
  changes: Change[];
  questions: Question[];
}

/** How a sentence names an option (content/recommend/answer.txt, "name" lines). */
const LABELS = Object.fromEntries(texts('name').map((t) => [t.key[0], t.fields[1] ?? '']));
export const optionLabel = (o: string): string => LABELS[o] ?? o;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const round = (x: number): string => String(x >= 10 ? Math.round(x) : Math.round(x * 10) / 10);
const scaled = (n: number, units: [string, number][], last: string) => {
  const [u, f] = units.find(([, f]) => n >= f) ?? [last, 1];
  return `${round(n / f)} ${u}`;
};
export const formatBytes = (n: number) =>
  scaled(
    n,
    [
      ['TB', 1024 ** 4],
      ['GB', 1024 ** 3],
      ['MB', 1024 ** 2],
      ['KB', 1024],
    ],
    'bytes',
  );
export function formatSeconds(s: number): string {
  const steps: [number, number, string][] = [
    [1, 0.001, 'ms'],
    [120, 1, 's'],
    [7200, 60, 'min'],
    [172_800, 3600, 'h'],
    [1_209_600, 86_400, 'days'],
  ];
  const [, f, u] = steps.find(([below]) => s < below) ?? [0, 604_800, 'weeks'];
  return `${round(s / f)} ${u}`;
}
export function formatCount(n: number): string {
  if (n >= 1e6)
    return scaled(
      n,
      [
        ['billion', 1e9],
        ['million', 1e6],
      ],
      '',
    );
  return n < 1 ? round(n) : String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}
const SIZES = ['payload', 'modelSize', 'memory', 'dataset'];
const TIMES = ['processing', 'turnaround', 'testDuration', 'bake'];
/** A figure as the answer quotes it: "20 MB", "over 6 MB", "2-4 min". */
export function formatRange(f: Figure, r: Range): string {
  const fmt = SIZES.includes(f) ? formatBytes : TIMES.includes(f) ? formatSeconds : formatCount;
  const v = r.low < r.high && r.low > 0 ? `${fmt(r.low).replace(/ \S+$/, '')}-${fmt(r.high)}` : fmt(r.high);
  return r.open === 'above' ? `over ${v}` : r.open === 'below' && r.low === r.high ? `under ${v}` : v;
}

/** Exceeds a limit: "over 6 MB" (open above) exceeds 6 MB; "6 MB" exactly does not. */
const over = (r: Range | undefined, max: number): boolean =>
  r !== undefined && (r.high > max || (r.open === 'above' && r.high >= max));
const overLimits = (o: OptionSpec, v: View) =>
  o.limits.filter((l) => over(v.w.figures[l.figure]?.value, limit(l.fact)));
/** Fast path for choosing: blocked or not, without building the sentence. */
const blocked = (o: OptionSpec, v: View) => o.blocks.some((x) => x.when(v)) || overLimits(o, v).length > 0;

/** Why an option is ruled out: its first exclusion, else every limit the workload is over. */
function blockOf(o: OptionSpec, v: View): (Cite & { byLimit?: boolean }) | undefined {
  const b = o.blocks.find((x) => x.when(v));
  if (b) return { text: b.text, facts: b.facts };
  const ls = overLimits(o, v);
  const say = ls.map(
    (l) =>
      `${formatRange(l.figure, v.w.figures[l.figure]?.value ?? { low: 0, high: 0 })} is over the ${shown(l.fact)} ${l.noun} limit`,
  );
  return ls.length
    ? { text: `${capital(say.join('; '))}.`, facts: ls.map((l) => l.fact), byLimit: true }
    : undefined;
}

function chooseIn(dim: DimensionSpec, v: View): { choice: string[]; passed: string[] } {
  const passed: string[] = [];
  const choice: string[] = [];
  for (const [o, p] of dim.prefer) {
    if (choice.includes(o) || !p(v)) continue;
    if (!blocked(dim.options[o] as OptionSpec, v)) choice.push(o);
    else if (!passed.includes(o)) passed.push(o);
    if (choice.length && !dim.list) break;
  }
  return { choice, passed };
}
const withFigure = (v: View, f: Figure, value: number): View => ({
  ...v,
  memo: undefined,
  w: {
    ...v.w,
    figures: {
      ...v.w.figures,
      [f]: { value: { low: value, high: value }, source: { from: 'text', said: '', at: [0, 0] } },
    },
  },
});

const ASSUME = Object.fromEntries(texts('assume').map((t) => [t.key[0], t.fields[0]]));
const QUESTIONS: Record<string, Question> = Object.fromEntries(
  texts('question').map((t) => [
    t.key[0],
    {
      about: t.key[1] as Question['about'],
      ask: t.fields[1] ?? '',
      facts: (t.fields[0] ?? '').split(' ').filter(Boolean),
    },
  ]),
);
export const question = (key: string): Question | undefined => QUESTIONS[key];
const LEVERS = texts('lever').map(
  (t) => [t.key[0] as Lever, t.key[1] === 'true', t.fields[0] ?? ''] as const,
);
/** Whether a lever's value is unknown, so a question about it could settle the answer. */
const UNKNOWN: Partial<Record<Lever, (v: View) => boolean>> = {
  sync: (v) => v.w.sync === undefined && !v.w.patterns.has('batch'),
  quiet: (v) =>
    !['steady', 'intermittent', 'spiky'].some((p) => v.w.patterns.has(p as 'steady')) && !v.w.figures.perDay,
  sameFramework: (v) => v.w.sameFramework === undefined,
  gpu: (v) => v.w.gpu === undefined,
};

/** Decide one dimension of the catalog for a workload. */
export function evaluate(key: string, dim: DimensionSpec, v: View): Outcome {
  if (!dim.applies(v)) return { decision: null, changes: [], questions: [] };
  const { choice, passed } = chooseIn(dim, v);
  const [changes, questions, reasons, assumptions]: [Change[], Question[], Cite[], string[]] = [
    [],
    [],
    [],
    [],
  ];
  const dimension = key as Change['dimension'];
  const trackable = ['inference', 'strategy', 'scaling'].includes(key);
  const ask = (q: Question | undefined) => q && !questions.includes(q) && questions.push(q);
  // A preferred option that something rules out is said first, with the closest that fits.
  const first =
    passed[0] && !dim.list && choice[0] ? blockOf(dim.options[passed[0]] as OptionSpec, v) : undefined;
  if (first && passed[0])
    reasons.push({
      text: `${capital(optionLabel(passed[0]))} would suit what you described, but: ${first.text.replace(/^./, (c) => c.toLowerCase())}`,
      facts: first.facts,
    });
  for (const o of choice) {
    const spec = dim.options[o] as OptionSpec;
    const fits = spec.limits.filter((l) => l.primary && v.w.figures[l.figure]);
    const said = fits.map(
      (l) =>
        `${formatRange(l.figure, v.w.figures[l.figure]?.value as Range)} fits the ${shown(l.fact)} ${l.noun} limit`,
    );
    if (fits.length)
      reasons.push({ text: `${capital(said.join(' and '))}.`, facts: fits.map((l) => l.fact) });
    reasons.push(...spec.reasons.filter((r) => r.when(v)).map((r) => ({ text: r.text, facts: r.facts })));
    for (const l of spec.limits.filter((x) => x.primary)) {
      // Unknown: assumed under the limit, and asked when the answer turns on it. Known: the nearest threshold.
      const known = v.w.figures[l.figure] !== undefined;
      const next = chooseIn(dim, withFigure(v, l.figure, limit(l.fact) * (known ? 1.5 : 2))).choice[0];
      if (!known && ASSUME[l.figure]) assumptions.push(`Assuming ${ASSUME[l.figure]} ${shown(l.fact)}.`);
      if (!known && ASSUME[l.figure] && next !== o) ask(QUESTIONS[l.figure]);
      if (known && trackable && next && next !== o)
        changes.push({
          dimension,
          option: next,
          when: `Over ${shown(l.fact)} ${l.noun}, ${optionLabel(next)} instead.`,
          facts: [l.fact],
        });
    }
  }
  const none = dim.list && choice.length === 0 ? dim.none?.find((r) => r.when(v)) : undefined;
  if (none) reasons.push({ text: none.text, facts: none.facts });
  if (reasons.length === 0) return { decision: null, changes: [], questions: [] };
  const others = Object.keys(dim.options).filter((o) => !choice.includes(o));
  const ruledOut = others.map((o) => {
    const b = blockOf(dim.options[o] as OptionSpec, v) ?? none ?? otherwise(dim.options[o] as OptionSpec, v);
    return { option: o, reason: b.text, facts: b.facts };
  });
  for (const o of trackable ? others : []) {
    const spec = dim.options[o] as OptionSpec;
    const b = blockOf(spec, v);
    const primaries = spec.limits.filter((l) => l.primary);
    const onlyLimits = b?.byLimit && !spec.blocks.some((x) => x.when(v));
    if (spec.fitsWhen && onlyLimits)
      changes.push({
        dimension,
        option: o,
        when: `Under ${primaries.map((l) => shown(l.fact)).join(' and ')}, ${spec.fitsWhen}, ${optionLabel(o)} would fit.`,
        facts: primaries.map((l) => l.fact),
      });
    // With no endpoint to scale (serverless, batch), no scaling policy would change the answer.
    else if (spec.fitsWhen && !b && !none && key !== 'inference')
      changes.push({
        dimension,
        option: o,
        when: dim.list ? spec.fitsWhen : `${spec.fitsWhen} → ${o}.`,
        facts: otherwise(spec, v).facts,
      });
  }
  for (const [l, value, phrase] of key === 'inference' && choice[0] ? LEVERS : []) {
    const next =
      v.lever?.[l] === undefined
        ? chooseIn(dim, { ...v, memo: undefined, lever: { ...v.lever, [l]: value } }).choice[0]
        : undefined;
    if (!next || next === choice[0]) continue;
    if (UNKNOWN[l]?.(v)) ask(QUESTIONS[l]);
    if (!changes.some((c) => c.option === next))
      changes.push({
        dimension,
        option: next,
        when: `${phrase}: ${optionLabel(next)}.`,
        facts: dim.options[next]?.reasons[0]?.facts ?? [],
      });
  }
  // Whether the caller waits is what separates real-time from async, even when the limits settle it.
  if (key === 'inference' && UNKNOWN.sync?.(v) && ['async', 'real-time'].includes(choice[0] ?? ''))
    ask(QUESTIONS.sync);
  return {
    decision: { choice: dim.list ? choice : (choice[0] ?? ''), reasons, ruledOut, assumptions },
    changes: changes.slice(0, 5),
    questions,
  };
}
