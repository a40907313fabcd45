/**
 * The option catalog: content/recommend/catalog.txt (the data, described at its top) read into
 * dimension specs, with the predicates its conditions name. One evaluator (evaluate.ts) derives the
 * choice, the ruled-out reasons, the thresholds and the questions from it.
 */
import { content, fact } from '../../content/index.ts';
import * as OPTIONS from './options.ts';
import { type Concept, type Figure, has, negates, raises, states, type Workload } from './workload.ts';

/** What the rules read: the workload plus the inference choice once it is made. */
export interface View {
  w: Workload;
  inference: string | null;
  /** Overrides for "what would change the answer": a lever pulled one way. */
  lever?: Partial<Record<Lever, boolean>>;
  /** Conditions already worked out for this view (a changed view starts without). */
  memo?: Map<string, boolean>;
}
export type Pred = (v: View) => boolean;
export type Lever = 'sync' | 'quiet' | 'steady' | 'gpu' | 'coldOk' | 'sameFramework' | 'dataset';

const UNIT: Record<string, number> = {
  bytes: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  s: 1,
  min: 60,
  h: 3600,
  days: 86_400,
};
/** A figure from the facts table in base units (bytes, seconds, count). */
export const limit = (id: string): number => fact(id).value * (UNIT[fact(id).unit] ?? 1);
export const shown = (id: string): string => fact(id).display;

// ---------------------------------------------------------------- what the rules ask of a workload

const fig = (v: View, f: Figure): number | undefined => v.w.figures[f]?.value.high;
const lever = (v: View, l: Lever, read: () => boolean): boolean => v.lever?.[l] ?? read();
const pattern = (v: View, p: string) => v.w.patterns.has(p as 'steady');
const any = (v: View, cs: string, read = has) => cs.split(' ').some((c) => read(v.w, c as Concept));
export const sync = (v: View): boolean | undefined =>
  v.lever?.sync ?? v.w.sync?.value ?? (pattern(v, 'batch') ? false : undefined);
export const multiTenant = (v: View) => {
  const n = fig(v, 'models') ?? 0;
  // "A/B two models on one endpoint" is two production variants, not a multi-model endpoint.
  const variants = n <= 2 && any(v, 'abTest shadow variants');
  return has(v.w, 'manyModels') || n >= 3 || (n >= 2 && has(v.w, 'sharedEndpoint') && !variants);
};
const lowLatency = (v: View) => has(v.w, 'lowLatency') || (fig(v, 'turnaround') ?? 9) <= 1;
const coldOk = (v: View) => lever(v, 'coldOk', () => v.w.coldStartOk?.value === true);
const steady = (v: View) => lever(v, 'steady', () => pattern(v, 'steady'));
const sharing = (v: View) => multiTenant(v) || has(v.w, 'sharedEndpoint') || has(v.w, 'direct');
const mixed = (v: View) => !lever(v, 'sameFramework', () => v.w.sameFramework?.value !== false);
/** The model runs on the devices: no SageMaker endpoint type applies unless the text describes one. */
const onDeviceOnly = (v: View) => {
  const f = v.w.figures;
  const endpointTalk =
    v.w.current || f.payload || f.processing || f.turnaround || f.perDay || f.dataset || f.records;
  return has(v.w, 'onDevice') && !endpointTalk && !raises(v.w, 'cloudSide');
};

/** The named conditions rules use. A name not here is a concept the text states or asks about. */
const IS: Record<string, Pred> = {
  always: () => true,
  sync: (v) => sync(v) === true,
  wait: (v) => sync(v) === false,
  gpu: (v) => lever(v, 'gpu', () => v.w.gpu?.value === true),
  steady,
  lowLatency,
  coldOk,
  coldBad: (v) => !coldOk(v) && (v.w.coldStartOk?.value === false || (lowLatency(v) && sync(v) === true)),
  quiet: (v) =>
    lever(v, 'quiet', () => {
      const peaks = pattern(v, 'peaks');
      // "sometimes 10 rps, sometimes 300": spiky, but never idle.
      const busy = (fig(v, 'perDay') ?? 0) >= 100_000;
      const spikyQuiet =
        pattern(v, 'spiky') &&
        !busy &&
        (!peaks || coldOk(v)) &&
        !lowLatency(v) &&
        (sync(v) !== true || coldOk(v));
      return (
        pattern(v, 'intermittent') ||
        any(v, 'idleCost noInstances') ||
        spikyQuiet ||
        (has(v.w, 'cost') && !steady(v) && !peaks)
      );
    }),
  multiTenant,
  dataset: (v) =>
    lever(
      v,
      'dataset',
      () =>
        v.w.current?.value === 'batch' ||
        // People uploading one item at a time, with its size, are requests, not a dataset.
        (pattern(v, 'batch') && sync(v) !== true && !(states(v.w, 'perRequest') && v.w.figures.payload)),
    ),
  mixed,
  chain: (v) => has(v.w, 'chain') || (fig(v, 'containers') ?? 0) >= 2,
  sharing,
  manyMixed: (v) => (fig(v, 'models') ?? 0) > limit('mce.containers.max'),
  largeWord: (v) => states(v.w, 'largePayload') && !v.w.figures.payload,
  variants: (v) => any(v, 'variants shadow abTest'),
  scalesInstances: (v) => any(v, 'targetMetric tiers') || v.w.figures.instances !== undefined,
  guardrails: (v) => has(v.w, 'inf1') || has(v.w, 'marketplace'),
  smallShare: (v) => (fig(v, 'share') ?? 100) <= limit('bluegreen.canary.max') && !has(v.w, 'linear'),
  turnaround: (v) => fig(v, 'turnaround') !== undefined,
  longJob: (v) => (fig(v, 'processing') ?? 0) > limit('async.timeout.default'),
  overAsync: (v) => (fig(v, 'payload') ?? 0) > limit('async.payload.max'),
  overBatch: (v) => (fig(v, 'payload') ?? 0) > limit('batch.payload.max'),
  records: (v) => (fig(v, 'records') ?? 0) > 0,
  peaks: (v) => pattern(v, 'peaks') || (pattern(v, 'business-hours') && v.inference !== 'async'),
  noPolicy: (v) => v.inference === 'serverless' || v.inference === 'batch',
  fromZero: (v) =>
    v.inference === 'async' &&
    !states(v.w, 'minOne') &&
    (any(v, 'idleCost scaleToZero') ||
      ['intermittent', 'business-hours', 'spiky'].some((p) => pattern(v, p)) ||
      v.w.figures.perDay !== undefined),
  endpointZero: (v) => v.inference !== 'async' && has(v.w, 'scaleToZero'),
  explicitTiers: (v) => has(v.w, 'tiers') || (has(v.w, 'fineControl') && raises(v.w, 'coarse')),
  slowSpikes: (v) => pattern(v, 'spiky') && has(v.w, 'slowScaling'),
  retrain: (v) => any(v, 'eventbridge retrain', raises),
  retiredEI: (v) =>
    raises(v.w, 'elasticInference') ||
    (has(v.w, 'cost') && raises(v.w, 'gpu') && raises(v.w, 'askInstance') && !has(v.w, 'classicModel')),
  // When a dimension is answered at all.
  appliesInference: (v) => {
    const w = v.w;
    const f = w.figures;
    if (onDeviceOnly(v)) return false;
    // "no impact on the live predictions" negates a phrase; it says nothing about how soon answers are needed.
    // A question about another dimension ("with a human approval via SNS callback") is no inference question.
    const elsewhere =
      !f.payload && !f.processing && any(v, 'askOrchestration askIac askContainer askTarget', raises);
    const said = w.sync && !elsewhere && !('mode' in w.sync.source && w.sync.source.mode === 'negated');
    const named = [...w.named.values()].some((m) => m.mode === 'stated');
    const own =
      f.payload || f.processing || f.turnaround || f.perDay || f.concurrency || said || w.current || named;
    // A scaling or rollout question that only describes the traffic does not ask for an endpoint type.
    const scalingTalk = any(v, 'askScaling targetMetric tiers fineControl');
    if (!own && !multiTenant(v) && (scalingTalk || pattern(v, 'peaks'))) return false;
    const signals = any(
      v,
      'lowLatency largePayload smallPayload chain idleCost coldOk coldBad perRequest noInstances direct',
    );
    return Boolean(
      own ||
        w.patterns.size > 0 ||
        signals ||
        (multiTenant(v) && !has(w, 'offlineComparison')) ||
        (sharing(v) && mixed(v)),
    );
  },
  appliesStrategy: (v) =>
    any(v, 'shadow abTest canary linear rolling rollback rollout gradual liveValidate') ||
    (has(v.w, 'allAtOnce') && raises(v.w, 'deployVerb')),
  appliesScaling: (v) =>
    Boolean(v.inference) ||
    pattern(v, 'peaks') ||
    any(v, 'askScaling targetMetric tiers fineControl scaleToZero slowScaling'),
  appliesInstance: (v) => {
    const known =
      v.w.gpu !== undefined ||
      v.inference === 'serverless' ||
      any(v, 'classicModel deepModel neuron elasticInference customCuda', raises);
    return (
      (known || has(v.w, 'customCuda')) &&
      (any(v, 'askInstance elasticInference cpuOnly', raises) ||
        v.w.gpu !== undefined ||
        states(v.w, 'classicModel') ||
        has(v.w, 'customCuda') ||
        has(v.w, 'neuron') ||
        (raises(v.w, 'gpu') && has(v.w, 'cost')))
    );
  },
  appliesContainer: (v) =>
    raises(v.w, 'askContainer') ||
    any(v, 'byoc script', has) ||
    any(v, 'stock', raises) ||
    negates(v.w, 'script'),
  appliesOrchestration: (v) =>
    any(v, 'askOrchestration airflow mlflow pipelineCaching', raises) ||
    (v.w.mentions.get('stepFunctions')?.length ?? 0) >= 2 ||
    raises(v.w, 'pipelineTool'),
  appliesIac: (v) =>
    any(v, 'askIac terraform pulumi cdk cloudformation', raises) ||
    (any(v, 'declarative programming iacLogic') && any(v, 'awsOnly multiCloud')),
  appliesTarget: (v) =>
    any(v, 'askTarget lambda ecs managed') ||
    (states(v.w, 'k8sControl') && !any(v, 'askOrchestration kubeflowName', raises)) ||
    // Several Kubernetes needs at once ("custom node configs, GPU sharing, a k8s team") ask where to host.
    (v.w.mentions.get('k8sControl') ?? []).filter((m) => m.mode === 'stated').length >= 3 ||
    (raises(v.w, 'eksEcs') && raises(v.w, 'serveHost')) ||
    raises(v.w, 'onK8s'),
  appliesEdge: (v) => has(v.w, 'onDevice') || any(v, 'edgeManager edgeName', raises),
};

const memo =
  (key: string, p: Pred): Pred =>
  (v) => {
    v.memo ??= new Map();
    const known = v.memo.get(key);
    if (known !== undefined) return known;
    const r = p(v);
    v.memo.set(key, r);
    return r;
  };

/** "multiTenant !chain", "!wait/steady" (either), "inference=serverless", "current": one condition, parsed once. */
function condition(src: string, option: string): Pred {
  const terms = src
    .trim()
    .split(/\s+/)
    .map((term): Pred => {
      const alts = term.split('/').map((alt): Pred => {
        const name = alt.replace(/^!/, '');
        const [k, val = ''] = name.split('=');
        // "~c" raises c in any mode, "+c" states it, "-c" negates it; a bare concept states or asks it.
        const read = { '~': raises, '+': states, '-': negates }[name[0] ?? ''];
        const c = (read ? name.slice(1) : name) as Concept;
        const p: Pred =
          k === 'current'
            ? (v) => v.w.current?.value === option
            : k === 'named'
              ? (v) => v.w.named.get(option as (typeof OPTIONS.INFERENCE_OPTIONS)[number])?.mode === 'stated'
              : k === 'inference'
                ? (v) => val.split(',').includes(v.inference ?? '')
                : memo(name, read ? (v) => read(v.w, c) : (IS[name] ?? ((v) => has(v.w, c))));
        return alt.startsWith('!') ? (v) => !p(v) : p;
      });
      return (v) => alts.some((p) => p(v));
    });
  return (v) => terms.every((p) => p(v));
}

// ---------------------------------------------------------------- the catalog

export interface LimitSpec {
  figure: Figure;
  fact: string;
  noun: string;
  /** Primary limits decide the option and are assumed when unknown; the others only rule out. */
  primary: boolean;
}
export interface Rule {
  when: Pred;
  text: string;
  facts: string[];
}
export interface OptionSpec {
  limits: LimitSpec[];
  /** Hard exclusions ("block"), each with the fact it rests on. */
  blocks: Rule[];
  /** Why it fits when chosen ("why": every rule whose condition holds). */
  reasons: Rule[];
  /** Why not ("not"), when it fits the limits but another option suits better. */
  otherwise: Rule[];
  /** "Under 4 MB and 60 seconds, <fits>, serverless would fit." */
  fitsWhen?: string;
}
/** Why not, when it fits the limits but another option suits better: the first "not" whose condition holds. */
export const otherwise = (o: OptionSpec, v: View): Rule =>
  o.otherwise.find((r) => r.when(v)) ?? o.otherwise.at(-1) ?? { when: () => true, text: '', facts: [] };
export interface DimensionSpec<O extends string = string> {
  applies: Pred;
  options: Record<O, OptionSpec>;
  /** The first rule whose option fits and whose condition holds wins; a list dimension takes every one. */
  prefer: [O, Pred][];
  list?: boolean;
  /** In a list dimension that chooses nothing: why no option applies. */
  none?: Rule[];
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const CATALOG = lines(content.recommend.catalog);
/** The sentences of an answer that belong to no option (content/recommend/answer.txt). */
const TEXTS = lines(content.recommend.answer);
export interface Text {
  /** The words before the first "|"; the last one is also the line's condition. */
  key: string[];
  fields: string[];
  when: Pred;
}
/** The lines of one section of TEXTS, figures quoted. */
export const texts = (section: string): Text[] =>
  TEXTS.filter((l) => l.startsWith(`${section} `)).map((l) => {
    const [head = '', ...fields] = l.split(' | ');
    const key = head.split(' ').slice(1);
    return { key, fields: fields.map(quote), when: condition(key.at(-1) ?? 'always', '') };
  });

const NOUNS: Partial<Record<Figure, string>> = {
  processing: 'processing time',
  modelSize: 'model',
  concurrency: 'concurrent requests (MaxConcurrency)',
};
const quote = (s: string) => s.replace(/\{([a-z0-9.-]+)\}/g, (_, id: string) => shown(id));
function rule(src: string, option: string): Rule {
  const [when = '', facts = '', text = ''] = src.split(' | ');
  return { when: condition(when, option), facts: facts.split(' ').filter(Boolean), text: quote(text) };
}

const DIMENSIONS: Record<string, DimensionSpec> = {};
{
  let d: DimensionSpec | undefined;
  let o: OptionSpec | undefined;
  let name = '';
  for (const line of CATALOG) {
    const [key = '', rest = ''] = [line.trim().split(' ')[0], line.trim().split(' ').slice(1).join(' ')];
    if (key === 'dimension') {
      d = { applies: () => false, options: {}, prefer: [], list: rest.endsWith(' list'), none: [] };
      DIMENSIONS[rest.split(' ')[0] ?? ''] = d;
    } else if (key === 'option' && d) {
      name = rest;
      o = d.options[name] = { limits: [], blocks: [], reasons: [], otherwise: [] };
    } else if (key === 'applies' && d) d.applies = IS[rest] ?? (() => false);
    else if (key === 'prefer' && d)
      d.prefer.push([
        rest.split(': ')[0] ?? '',
        condition(rest.split(': ')[1] ?? 'always', rest.split(': ')[0] ?? ''),
      ]);
    else if (key === 'none' && d) d.none?.push(rule(rest, ''));
    else if (key === 'limits' && o)
      o.limits = rest.split(' ').map((l) => {
        const [figure, id = ''] = l.split(/<+/) as [Figure, string];
        return { figure, fact: id, noun: NOUNS[figure] ?? figure, primary: !l.includes('<<') };
      });
    else if (key === 'block') o?.blocks.push(rule(rest, name));
    else if (key === 'why') o?.reasons.push(rule(rest, name));
    else if (key === 'not' && o)
      o.otherwise.push(rule(rest.split(' | ').length >= 3 ? rest : `always | ${rest}`, name));
    else if (key === 'fits' && o) o.fitsWhen = quote(rest);
    else throw new Error(`catalog: cannot read "${line}"`);
  }
}
// Each dimension lists exactly the options of the --json contract, and every fact id exists: checked at cold start.
const dim = <O extends string>(key: string, names: readonly O[]): DimensionSpec<O> => {
  const d = DIMENSIONS[key];
  const listed = Object.keys(d?.options ?? {});
  if (!d || listed.length !== names.length || names.some((n) => !listed.includes(n)))
    throw new Error(`catalog: options of ${key}`);
  for (const o of Object.values(d.options))
    for (const r of [...o.blocks, ...o.reasons, ...o.otherwise]) r.facts.forEach(fact);
  return d as DimensionSpec<O>;
};
export const INFERENCE = dim('inference', OPTIONS.INFERENCE_OPTIONS);
export const STRATEGY = dim('strategy', OPTIONS.STRATEGY_OPTIONS);
export const SCALING = dim('scaling', OPTIONS.SCALING_OPTIONS);
export const INSTANCE = dim('instance', OPTIONS.INSTANCE_OPTIONS);
export const CONTAINER = dim('container', OPTIONS.CONTAINER_OPTIONS);
export const ORCHESTRATION = dim('orchestration', OPTIONS.ORCHESTRATION_OPTIONS);
export const IAC = dim('iac', OPTIONS.IAC_OPTIONS);
export const TARGET = dim('target', OPTIONS.TARGET_OPTIONS);
export const EDGE = dim('edge', OPTIONS.EDGE_OPTIONS);
