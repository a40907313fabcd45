/**
 * Text → Workload: what a chat message says about a workload, each field with its value and where it
 * came from (a span of the text or a `key=value` hint). Concepts come from one lexicon; each mention
 * carries its mode: stated, negated ("don't want to pay for an idle box"), asked ("do we need a GPU?"),
 * listed as an alternative ("Pipelines, Step Functions or Airflow?") or past ("we did a shadow test").
 */
import { content } from '../../content/index.ts';
import type { INFERENCE_OPTIONS } from './options.ts';
import { parseQuantity, type Quantity, readQuantities, type Words } from './quantity.ts';

/** Longer input is cut: chat messages are short, and the reader must stay fast on pasted logs. */
export const MAX_CHARS = 20_000;
type InferenceChoice = (typeof INFERENCE_OPTIONS)[number];

const CONCEPTS =
  'sync syncWeak wait lowLatency coldOk coldBad steady spiky intermittent idleCost noInstances cost peaks businessHours fullyPredictable offline perRequest manyModels sharedEndpoint sameFramework mixedFrameworks chain direct prepost offlineComparison gpu deepModel classicModel customCuda neuron inf1 throughput elasticInference byoc script stock airflow stepFunctions kubeflow mlflow smPipelines askOrchestration multiCloud awsOnly programming declarative terraform pulumi cdk cloudformation askIac lambda ecs k8sControl managed askTarget onDevice compile fleet edgeManager shadow abTest canary linear rolling allAtOnce rollback rollout gradual liveValidate marketplace variants dataCapture askScaling targetMetric tiers fineControl scaleToZero slowScaling modelMonitor inferenceRecommender modelRegistry pipelineCaching eventbridge cicd network kms networkIsolation qualityGate askInstance askContainer largePayload smallPayload cpuOnly unhappy gpuNeed policyTalk compiled unsplittable minOne cloudSide coarse retrain deployVerb pipelineTool iacLogic kubeflowName eksEcs serveHost onK8s edgeName';
export type Concept = Words<typeof CONCEPTS>;

/** content/recommend/lexicon.txt: one concept a line, its name, then its pattern. */
const LEXICON = new Map<Concept, { re: RegExp; starts?: string[] }>();
for (const line of content.recommend.lexicon.split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
  const [name, body] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
  if (!CONCEPTS.split(' ').includes(name)) throw new Error(`lexicon: unknown concept "${name}"`);
  const re = new RegExp(body.startsWith('=') ? body.slice(1) : String.raw`\b(?:${body})`, 'g');
  // Each alternative needs some literal run of its own (a word outside any group): a text with none of them
  // skips the pattern (fast, and the pattern is never compiled).
  const starts = body.startsWith('=') ? [] : alternatives(body).map(requiredWord);
  LEXICON.set(name as Concept, {
    re,
    starts: starts.length && starts.every(Boolean) ? (starts as string[]) : undefined,
  });
}
/** The longest literal run an alternative cannot match without ("(?:can'?t|cannot) get more" → " get more"). */
function requiredWord(alt: string): string | undefined {
  let [best, run, depth] = ['', '', 0];
  for (let i = 0; i <= alt.length; i++) {
    const c = alt[i] ?? '';
    if (depth === 0 && /[a-z0-9' ]/.test(c) && c !== '') {
      run += c;
      continue;
    }
    // "spikes?": a quantifier makes the last letter optional.
    const kept = /[?*{]/.test(c) ? run.slice(0, -1) : run;
    if (kept.trim().length > best.trim().length) best = kept;
    run = '';
    if (c === '\\') i++;
    else if (c === '[') while (i < alt.length && alt[i] !== ']') i += alt[i] === '\\' ? 2 : 1;
    else depth += c === '(' ? 1 : c === ')' ? -1 : 0;
  }
  return best.trim().length >= 3 ? best : undefined;
}
function alternatives(body: string): string[] {
  const out = [''];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '\\') out[out.length - 1] += c + (body[++i] ?? '');
    else if (c === '|' && depth === 0) out.push('');
    else {
      depth += c === '(' ? 1 : c === ')' ? -1 : 0;
      out[out.length - 1] += c;
    }
  }
  return out;
}
// A concept named in the union but missing from the lexicon (or the reverse) fails at cold start.
if (
  LEXICON.size !== CONCEPTS.split(' ').length ||
  CONCEPTS.split(' ').some((c) => !LEXICON.has(c as Concept))
)
  throw new Error('the lexicon and the concept names disagree');

/** Concepts whose pattern already carries its negation ("no cold starts", "can't afford a second fleet"). */
const KEEPS_NEGATION = new Set(
  'idleCost coldBad coldOk rolling noInstances offline wait intermittent offlineComparison fullyPredictable lowLatency sharedEndpoint businessHours'.split(
    ' ',
  ),
);
/** Options of one dimension: two of them joined by "or"/"vs" in one sentence are alternatives. */
const ALTERNATIVES = [
  'airflow stepFunctions kubeflow mlflow smPipelines',
  'terraform pulumi cdk cloudformation',
  'canary linear rolling shadow abTest allAtOnce',
  'gpu neuron',
  'byoc script stock',
  'fineControl targetMetric tiers',
].map((g) => g.split(' ') as Concept[]);

export type Mode = 'stated' | 'negated' | 'asked' | 'listed' | 'past';
export interface Source {
  from: 'text' | 'hint';
  said: string;
  at: [number, number];
}
export interface Mention extends Source {
  mode: Mode;
}
export interface Field<T> {
  value: T;
  source: Source;
}
export interface Range {
  low: number;
  high: number;
  open?: 'above' | 'below';
}
export type Pattern = 'steady' | 'spiky' | 'intermittent' | 'batch' | 'peaks' | 'business-hours';
const FIGURE_NAMES =
  'payload processing turnaround modelSize memory dataset testDuration bake perDay models containers instances concurrency records share';
/** The figures a workload can carry, each the largest quantity of one role (the tightest turnaround). */
export type Figure = Words<typeof FIGURE_NAMES>;
const ROLE_OF: Record<string, Figure> = Object.fromEntries(
  'payload:payload processing:processing turnaround:turnaround model-size:modelSize memory:memory dataset:dataset test-duration:testDuration wait:bake request-rate:perDay models:models containers:containers instances:instances concurrency:concurrency records:records traffic-share:share'
    .split(' ')
    .map((p) => p.split(':')),
);

export interface Workload {
  /** The normalised text that was read (NFKC, lower-cased, cut at MAX_CHARS). */
  text: string;
  truncated: boolean;
  figures: Partial<Record<Figure, Field<Range>>>;
  sync?: Field<boolean>;
  gpu?: Field<boolean>;
  sameFramework?: Field<boolean>;
  coldStartOk?: Field<boolean>;
  patterns: Map<Pattern, Source>;
  frameworks: string[];
  /** The inference option in use, or the one the person wants on that endpoint. */
  current?: Field<InferenceChoice>;
  /** Inference options named in any mode ("is serverless ok?", "async or batch?"). */
  named: Map<InferenceChoice, Mention>;
  mentions: Map<Concept, Mention[]>;
  quantities: Quantity[];
  hints: Record<string, string>;
  notes: string[];
}

const NEGATION =
  /\b(no|not|never|nobody|nothing|without|w\/o|don'?t|dont|doesn'?t|doesnt|didn'?t|isn'?t|aren'?t|won'?t|wouldn'?t|shouldn'?t|can'?t|cant|cannot|nor|refuses? to (?:learn|use|touch)|no need (?:for|to)|rather than|instead of|avoid|don'?t care about|not need)\b[^,;.]{0,28}$|\bzero\s+$|\b(?:rather|prefer)\b[^,;.]{0,30}\bthan\s*$/;
const NEGATION_AFTER =
  /^\s*\?\s*(?:no|nope)\b|^\s*[:=]?\s*(?:is |are |isn'?t |aren'?t )?(?:not (?:needed|required|necessary|important|a concern|wanted|an option)|off the table|a no-?go|unnecessary|isn'?t needed|aren'?t needed|not required|optional)/;
const PAST = /\b(did|last (?:quarter|year|month|week|time)|previously|used to|already (?:did|ran|tried))\b/;
const PAST_AFTER = /^\s*(?:\w+ ){0,3}(?:last (?:quarter|year|month|week)|(?:did|ran) (?:it )?already)\b/;
/** "a shadow variant running now (day 9 of 30)": under way, so no plan (an endpoint type said so is the current one). */
const UNDER_WAY = /^\s*\w+ running\b[^.;:]{0,30}\bnow\b|^[^.;:]{0,40}\(day \d+ of \d+\)/;

const OPTION_NAMES: [InferenceChoice, RegExp][] = [
  [
    'real-time',
    /\b(?:real[- ]?time|realtime)(?: (?:endpoints?|inference|hosting|fraud endpoint|\w+ endpoint))?\b(?= endpoint| inference| hosting| or|\?| \w+ endpoint|,? (?:but|with|hosting|one prod|traffic))|\brealtime or\b|\breal[- ]?time endpoint|(?<=\bon )real[- ]?time\b/g,
  ],
  [
    'serverless',
    /\bserverless\b(?! ?\(| (?:api|lambda|app|stack|architecture|functions?|state machine))(?!-)/g,
  ],
  [
    'async',
    /\b(?:async|asynch?|asynchronous) (?:endpoints?|inference|queue|backlog)\b|\basync or\b|\bor async\b|(?<=\bon )async\b|^\s*async\b(?=[,:;])/g,
  ],
  ['batch', /\bbatch transform\b|\bor batch\b/g],
  ['multi-model', /\b(?:multi[- ]model endpoints?|mmes?)\b/g],
  ['multi-container', /\b(?:multi[- ]container endpoints?|inference pipelines?)\b/g],
];
/** "we run a serverless endpoint", "the endpoint is serverless", "picked real-time": what is in use. */
const IN_USE =
  /\b(?:we run(?: on)?|runs on|hosted on|existing|current(?:ly)?|deployed|picked|chose|went with|moved to|migrated to|switched to|settled on|(?:endpoint|model|it) (?:is|runs?) (?:on )?(?:an? )?)\s*(?:\w+\s+)?$/;
const OWNED =
  /\b(our|my|their|the|this|running|on an?|on|have an?|has an?|uses?|using|for an?|with an?|on sagemaker|on aws)\s*(?:\w+\s+)?$|\bwe (?:run|use|host|serve)\b[^,.;]{0,40}$/;
/** "can we do a serverless ...", "is serverless ok?", "we'd love serverless": a proposal, not what runs. */
const PROPOSED =
  /\b(?:would|could|should|can|do|shall) (?:we|i|you) (?:\w+ ){0,3}$|\b(?:love|wants?|prefer|consider\w*|instead of|maybe|told me|say(?:s|ing)?|suggest\w*|thinking|planning|wondering|or|if|i'?d|we'?d)\b[^,;.]*$|\bis (?:\w+ ){0,2}$/;
const PROPOSED_AFTER =
  /^(?: endpoints?| inference)?\s*(?:is |are )?(?:\w+ )?(?:ok|okay|fine|work|fit|enough|possible|better|worth|dumb|overkill|too|necessary|needed|a good|right|the best|cut it|or\b)/;

const FRAMEWORKS =
  'pytorch=pytorch|torch;tensorflow=tensorflow|tf2?|keras;xgboost=xgboost;scikit-learn=scikit(?:[- ]learn)?|sklearn;mxnet=mxnet;onnx=onnx;hugging face=hugging ?face|hf transformers;lightgbm=lightgbm;catboost=catboost;spacy=spacy;fasttext=fast ?text'
    .split(';')
    .map((p) => [p.split('=')[0] ?? '', new RegExp(String.raw`\b(?:${p.split('=')[1]})\b`)] as const);

/** Length-preserving normalisation, so spans into `text` stay spans into what was typed. */
function normalise(input: string): string {
  const t = input.normalize('NFKC');
  return (t.length === input.length ? t : input)
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
    .replace(/([a-z0-9,)%])\r?\n(?=[ \t]*[a-z(~"'])/g, (m, c: string) => `${c}${' '.repeat(m.length - 1)}`);
}

const NAMED =
  /\b(?:called|named|codenamed?|code ?name(?: is)?|title (?:says|is)|name is)\s+['"]?(?:[\w-]+\s+){0,2}$/;
/**
 * A word used as a name ("our team is literally called Real-Time Analytics", "the ticket title says
 * 'real-time'", "a 'serverless first' policy") says nothing about the workload.
 */
function isName(text: string, s: number, e: number): boolean {
  const quoted =
    /['"]$/.test(text.slice(Math.max(0, s - 1), s)) && /^[\w\s-]{0,20}['"]/.test(text.slice(e, e + 22));
  return quoted || NAMED.test(text.slice(Math.max(0, s - 40), s));
}

/** The sentence around a span, and the clause before it: bounded windows keep long logs linear. */
function sentenceOf(text: string, s: number, e: number): { end: string; before: string; sentence: string } {
  const from = Math.max(0, s - 240);
  const head = text.slice(from, s);
  const start = from + Math.max(...['.', '!', '?', ';', '\n'].map((c) => head.lastIndexOf(c))) + 1;
  const m = /[.!?;\n]/.exec(text.slice(e, e + 240));
  const stop = m ? e + m.index : Math.min(text.length, e + 240);
  const back = text.slice(Math.max(start, s - 60), s);
  const cut = Math.max(...[',', ' but ', '(', ':'].map((c) => back.lastIndexOf(c)));
  return {
    end: text[stop] ?? '',
    before: cut >= 0 ? back.slice(cut + 1) : back,
    sentence: text.slice(start, stop + 1),
  };
}

function modeOf(text: string, c: Concept | null, s: number, e: number): Mode {
  const { end, before, sentence } = sentenceOf(text, s, e);
  const neg = c && KEEPS_NEGATION.has(c) ? null : NEGATION.exec(before);
  // "don't want GPUs idling": the idling is negated, not the GPU.
  const aboutIdling =
    c === 'gpu' &&
    neg &&
    (/\b(pay|paying|idle|idling|afford)\b/.test(before.slice(neg.index)) ||
      /^\s*(?:sitting |running )?idl/.test(text.slice(e, e + 20)));
  if ((neg && !aboutIdling) || (!KEEPS_NEGATION.has(c ?? '') && NEGATION_AFTER.test(text.slice(e, e + 30))))
    return 'negated';
  const after = text.slice(e, e + 40);
  if (PAST.test(before) || PAST_AFTER.test(after) || (c && UNDER_WAY.test(after))) return 'past';
  return end === '?' ||
    /\bright\s*$/.test(sentence) ||
    /\b(?:how many|how much|do (?:i|we|you) (?:really )?need(?: an?)?)\s*$/.test(before)
    ? 'asked'
    : 'stated';
}

export const mention = (w: Workload, c: Concept, ...modes: Mode[]): Mention | undefined =>
  w.mentions.get(c)?.find((m) => modes.includes(m.mode));
/** A concept the text states or asks about (not negated, not an alternative, not the past). */
export const has = (w: Workload, c: Concept): boolean => mention(w, c, 'stated', 'asked') !== undefined;
/** A concept stated as a fact of the workload (a question is not a fact). */
export const states = (w: Workload, c: Concept): boolean => mention(w, c, 'stated') !== undefined;
export const negates = (w: Workload, c: Concept): boolean => mention(w, c, 'negated') !== undefined;
/** A topic raised in any mode: "we don't need A/B testing" is still about rollouts. */
export const raises = (w: Workload, c: Concept): boolean => w.mentions.has(c);
const add = (w: Workload, c: Concept, m: Mention) => w.mentions.set(c, [...(w.mentions.get(c) ?? []), m]);

/** Read a chat message into a Workload. Total: any input, a Workload out. */
export function readWorkload(input: unknown): Workload {
  const raw = typeof input === 'string' ? input : '';
  const truncated = raw.length > MAX_CHARS;
  const cut = truncated ? raw.slice(0, MAX_CHARS) : raw;
  let text = normalise(cut);
  const w: Workload = {
    text,
    truncated,
    figures: {},
    patterns: new Map(),
    frameworks: [],
    named: new Map(),
    mentions: new Map(),
    quantities: [],
    hints: {},
    notes: [],
  };
  const said = (s: number, e: number) => (cut.length === text.length ? cut : text).slice(s, e).trim();
  const fromText = (s: number, e: number): Source => ({ from: 'text', said: said(s, e), at: [s, e] });
  const stated = (s: number, e: number): Mention => ({ ...fromText(s, e), mode: 'stated' });

  // Hints first, then blanked out so the free text is not read twice.
  const hinted: Partial<Record<Figure, Field<Range>>> = {};
  for (const m of text.matchAll(HINT_RE)) {
    const [key = '', value = ''] = [m[1], (m[2] ?? '').replace(/^["']|["']$/g, '').trim()];
    const [at, end] = [m.index + m[0].indexOf(key), m.index + m[0].length];
    // "our ensemble = LightGBM + ...": prose, not a hint.
    if (!HINTS[key.replace(/-/g, '_')] && /\s=|=\s/.test(m[0])) continue;
    w.hints[key] = value;
    const note = applyHint(w, hinted, HINTS[key.replace(/-/g, '_')], value, {
      from: 'hint',
      said: said(at, end),
      at: [at, end],
    });
    if (note && w.notes.length < 8) w.notes.push(note);
    text = text.slice(0, at) + ' '.repeat(end - at) + text.slice(end);
  }
  for (const [c, { re, starts }] of LEXICON)
    for (const m of starts && !starts.some((p) => text.includes(p)) ? [] : text.matchAll(re))
      if (!isName(text, m.index, m.index + m[0].length))
        add(w, c, {
          ...fromText(m.index, m.index + m[0].length),
          mode: modeOf(text, c, m.index, m.index + m[0].length),
        });
  for (const group of ALTERNATIVES) {
    const ms = group.flatMap((c) => (w.mentions.get(c) ?? []).map((m) => ({ c, m })));
    for (const a of ms)
      for (const b of ms) {
        const between = text.slice(a.m.at[1], b.m.at[0]);
        if (
          a.c !== b.c &&
          a.m.at[1] <= b.m.at[0] &&
          between.length < 24 &&
          /^\s*(?:,\s*(?:or\s+)?|or\s+|vs\.?\s+|versus\s+|\/\s*)$/.test(between) &&
          !/[.;!?]/.test(between)
        )
          a.m.mode = b.m.mode = 'listed';
      }
  }
  for (const [name, re] of FRAMEWORKS)
    if (re.test(text) && !w.frameworks.includes(name)) w.frameworks.push(name);

  // Quantities: the largest of each role is the figure that decides (a range counts at its top).
  w.quantities = readQuantities(text);
  for (const q of w.quantities) {
    const fig = ROLE_OF[q.role];
    if (!fig || hinted[fig] || modeOf(text, null, q.at[0], q.at[1]) === 'negated') continue;
    const prev = w.figures[fig]?.value;
    const better =
      !prev ||
      (fig === 'turnaround'
        ? q.high < prev.high
        : q.high > prev.high || (q.high === prev.high && q.open === 'above'));
    if (better)
      w.figures[fig] = {
        value: { low: q.low, high: q.high, ...(q.open ? { open: q.open } : {}) },
        source: fromText(q.at[0], q.at[1]),
      };
  }
  Object.assign(w.figures, hinted);
  // "each of our 60 hospitals has its own model": the count of owners is the count of models.
  const owners = w.quantities.find(
    (q) => q.role === 'entities' || (q.role === 'records' && /customers?|users?|tenants?/.test(q.unit)),
  );
  if (!w.figures.models && has(w, 'manyModels') && owners)
    w.figures.models = {
      value: { low: owners.low, high: owners.high },
      source: fromText(owners.at[0], owners.at[1]),
    };
  if (has(w, 'offlineComparison')) delete w.figures.models;
  // Two or more slices of traffic ("10%, then 30%, then 60%") are steps, not one canary slice.
  if (
    new Set(w.quantities.filter((q) => q.role === 'traffic-share' && q.high < 100).map((q) => q.high)).size >=
      2 &&
    !has(w, 'linear')
  )
    add(w, 'linear', stated(0, 0));
  // "85/15", "70-30": a weighted split between two variants.
  const split = /\b(\d{1,2}) ?[/:-] ?(\d{1,2})\b(?! ?(?:am|pm|min|s\b))/.exec(text);
  if (split && Number(split[1]) + Number(split[2]) === 100 && !has(w, 'abTest'))
    add(w, 'abTest', stated(split.index, split.index + split[0].length));
  // Two frameworks run one after the other, or all in one call: a chain.
  const oneCall =
    /\b(?:then|followed by|after that|combined?|ensembles?|both)\b|\b(?:in )?(?:one|a single|the same) (?:call|invoke|invocation|request)\b/.test(
      text,
    );
  if (
    w.frameworks.length >= 2 &&
    oneCall &&
    /\b(?:one|single|same|each|every) (?:\w+ )?(?:request|call|invoke|invocation)|as one\b/.test(text) &&
    !has(w, 'chain')
  )
    add(w, 'chain', stated(0, 0));
  // Alarm tiers said in figures: two thresholds, each with its own adjustment ("add 3 above 75%, 6 more past 90%").
  const thresholds = w.quantities.filter((q) => q.role === 'threshold');
  const [t0, t1] = [thresholds[0]?.at[0] ?? 0, thresholds.at(-1)?.at[1] ?? 0];
  if (
    thresholds.length >= 2 &&
    /\b(?:add|remove)\b|\+\s?\d|\d+ more\b/.test(text) &&
    !w.mentions.has('tiers')
  )
    add(w, 'tiers', { ...fromText(t0, t1), mode: modeOf(text, 'tiers', t0, t1) });
  readOptions(w, text, fromText);
  // "a fleet of 30 ml.g5.2xlarge on one variant": instances behind an endpoint, so a real-time one.
  const fleet =
    w.quantities.find((q) => q.role === 'instances' && /\b(?:endpoint|variant)/.test(text))?.at ??
    ((m) => (m ? ([m.index, m.index + m[0].length] as [number, number]) : undefined))(
      /\b\d+\s*(?:x\s*)?ml\.[a-z]+\d[\w.]*/.exec(text),
    );
  if (!w.current && w.named.size === 0 && fleet)
    w.current = { value: 'real-time', source: fromText(...fleet) };
  readPatterns(w);
  readTriStates(w);
  return w;
}

function readOptions(w: Workload, text: string, fromText: (s: number, e: number) => Source): void {
  for (const [opt, re] of OPTION_NAMES)
    for (const m of text.matchAll(re)) {
      const [s, e] = [m.index, m.index + m[0].length];
      if (isName(text, s, e)) continue;
      const listed =
        /\bor\b/.test(m[0]) ||
        /\b(?:or|vs\.?)\s*$/.test(text.slice(Math.max(0, s - 6), s)) ||
        /^\s*(?:or|vs\.?|versus)\b/.test(text.slice(e, e + 10));
      const mode = listed ? 'listed' : modeOf(text, null, s, e);
      if (!w.named.has(opt) || mode === 'stated') w.named.set(opt, { ...fromText(s, e), mode });
      const before = text.slice(Math.max(0, s - 40), s);
      const inUse = IN_USE.test(before);
      // A message that opens with the endpoint sets the scene, unless it only asks "realtime?".
      const opens =
        text.slice(0, s).trim() === '' && !/^(?: endpoints?| inference)?\s*\?/.test(text.slice(e, e + 14));
      const owned = inUse || OWNED.test(before) || opens;
      const proposed =
        !inUse &&
        (PROPOSED.test(before) || PROPOSED_AFTER.test(text.slice(e, e + 24))) &&
        !/\b(we run|runs on|hosted on|our|my|their|this|existing)\b/.test(before);
      // "how do I make an async endpoint scale out from zero?", "if we move to serverless, do we still
      // need scaling policies?": in a question about scaling or a rollout, the endpoint is the premise.
      const premise =
        mode !== 'negated' &&
        mode !== 'listed' &&
        // What someone else suggests ("my manager keeps saying 'real-time'") is no premise.
        !/\b(?:say(?:s|ing)?|suggest\w*|told|recommend\w*)\b[^.;]*$|['"]\s*$/.test(before) &&
        /\b(?:scal\w*|roll ?outs?|deploy\w*|update|shadow|canary|tracking)\b/.test(
          sentenceOf(text, s, e).sentence,
        );
      if ((((mode === 'stated' || mode === 'asked') && owned && !proposed) || premise) && !w.current)
        w.current = { value: opt, source: fromText(s, e) };
      // "thinking of serverless", "I'd use real-time": an option considered, not one wanted.
      const named = w.named.get(opt);
      if (proposed && named?.mode === 'stated' && named.at[0] === s) named.mode = 'listed';
    }
}

function readPatterns(w: Workload): void {
  // A traffic hint wins over the text: the form's correction replaces what was read.
  const hintedTraffic = [...w.patterns.values()].some((s) => s.from === 'hint');
  for (const [p, c] of [
    ['steady', 'steady'],
    ['spiky', 'spiky'],
    ['intermittent', 'intermittent'],
    ['intermittent', 'idleCost'],
    ['batch', 'offline'],
    ['peaks', 'peaks'],
    ['business-hours', 'businessHours'],
  ] as [Pattern, Concept][]) {
    // "nightly we retrain" is about training, not about how the model is called.
    const m = w.mentions.get(c)?.find(
      (x) =>
        (x.mode === 'stated' || x.mode === 'asked') &&
        !(
          p === 'batch' &&
          (/^[^.;]{0,60}\bhits? (?:the|our) endpoint/.test(w.text.slice(x.at[1], x.at[1] + 80)) ||
            (!/scor|inferenc|predict|transform/.test(x.said) &&
              /\b(?:re)?train\w*|\betl\b|\bbackups?\b/.test(
                w.text.slice(Math.max(0, x.at[0] - 30), x.at[1] + 30),
              )) ||
            // "a spike on the last days of every month" is traffic, not a job.
            /\b(?:spikes?|peaks?|surges?|rush)\b[^.;]*$|\d+ ?x (?:traffic|load|volume)\b[^.;]*$|\d{1,2}(?::\d\d| ?[ap]m)\s*$/.test(
              w.text.slice(Math.max(0, x.at[0] - 60), x.at[0]),
            ))
        ),
    );
    if (m && !w.patterns.has(p) && !hintedTraffic) w.patterns.set(p, m);
  }
  // Many records on a schedule ("30M rows weekly") are an offline job too.
  const recs = w.figures.records;
  if (
    recs &&
    recs.value.high >= 100_000 &&
    /\b(?:weekly|nightly|daily|monthly|quarterly|every (?:night|day|week|month))\b/.test(w.text)
  )
    w.patterns.set('batch', w.patterns.get('batch') ?? recs.source);
  // A dataset's size ("2 TB of historic images") is an offline job.
  const data = w.figures.dataset;
  if (data && !w.patterns.has('batch') && !mention(w, 'sync', 'stated')) w.patterns.set('batch', data.source);
  // Volume shapes the pattern when no pattern word was used.
  const rate = w.figures.perDay;
  if (rate && !['steady', 'intermittent', 'spiky', 'batch'].some((p) => w.patterns.has(p as Pattern))) {
    if (rate.value.high >= 50_000) w.patterns.set('steady', rate.source);
    else if (rate.value.high <= 2_000) w.patterns.set('intermittent', rate.source);
  }
}

function readTriStates(w: Workload): void {
  const set = <K extends 'sync' | 'gpu' | 'sameFramework' | 'coldStartOk'>(
    k: K,
    value: boolean,
    source: Source | undefined,
  ) => {
    if (source && w[k] === undefined) w[k] = { value, source } as Workload[K];
  };
  // GPU: a stated need, then an explicit "no GPU"; a question is neither.
  set('gpu', true, mention(w, 'gpu', 'stated') ?? mention(w, 'customCuda', 'stated'));
  set('gpu', false, mention(w, 'gpu', 'negated') ?? mention(w, 'cpuOnly', 'stated'));
  set(
    'sameFramework',
    false,
    mention(w, 'mixedFrameworks', 'stated') ?? mention(w, 'sameFramework', 'negated'),
  );
  set('sameFramework', true, mention(w, 'sameFramework', 'stated'));
  const together =
    has(w, 'sharedEndpoint') ||
    has(w, 'chain') ||
    has(w, 'direct') ||
    (w.figures.models?.value.high ?? 0) >= 2;
  if (w.frameworks.length >= 2 && together)
    set('sameFramework', false, { from: 'text', said: w.frameworks.join(', '), at: [0, 0] });
  set('coldStartOk', false, mention(w, 'coldBad', 'stated', 'asked'));
  set('coldStartOk', true, mention(w, 'coldOk', 'stated', 'asked'));
  // How soon the answer is needed: said outright, or implied by the turnaround.
  const t = w.figures.turnaround;
  const sync = mention(w, 'sync', 'stated', 'asked');
  const wait =
    mention(w, 'wait', 'stated', 'asked') ??
    mention(w, 'sync', 'negated') ??
    mention(w, 'syncWeak', 'negated');
  // A corrected turnaround (a hint) decides over the words of the text.
  const hint = t?.source.from === 'hint';
  if (t && (!sync || wait || hint) && !(t.value.open === 'above' && t.value.high < 60)) {
    if (t.value.high <= 60 && (!wait || hint)) set('sync', true, t.source);
    if (t.value.high >= 300) set('sync', false, t.source);
  }
  if (sync && wait && t) set('sync', t.value.high <= 60, t.source);
  set('sync', true, wait ? undefined : sync);
  set('sync', false, wait);
  set('sync', true, mention(w, 'syncWeak', 'stated'));
  set('sync', false, w.patterns.get('batch'));
}

/** `key=value`; a figure may keep a space before its unit ("latency=30 min", "volume=500 / day"), as the form shows. */
const HINT_RE =
  /(?:^|[\s,;(|]|---)([a-z][a-z_.-]{0,30})\s*=\s*("[^"\n]{0,80}"|'[^'\n]{0,80}'|[<>~]?=?\d[\d.,]*(?:\s*-\s*\d[\d.,]*)?(?:[ \t]?[a-z%]{1,12})?(?:[ \t]*(?:\/|per)[ \t]*[a-z]{1,8})?(?![\w=])|[^\s,;)]{0,80})/g;
/** "field: the keys that set it". */
const HINTS: Record<string, string> = Object.fromEntries(
  'payload: payload size payload_size request_size input; turnaround: latency deadline sla response_time wait; processing: processing processing_time duration runtime inference_time timeout; traffic: traffic pattern load; perDay: volume requests rate; gpu: gpu; models: models tenants; framework: framework frameworks; containers: containers steps; rollout: rollout strategy deploy; capacity: capacity; idle: idle; edge: edge; sync: sync; memory: memory'
    .split('; ')
    .flatMap((p) => (p.split(': ')[1] ?? '').split(' ').map((k) => [k, p.split(': ')[0] ?? ''])),
);
const words = (s: string): Record<string, string> =>
  Object.fromEntries(
    s.split('; ').flatMap((p) => (p.split(': ')[1] ?? '').split(' ').map((k) => [k, p.split(': ')[0] ?? ''])),
  );
const TRAFFIC = words(
  'steady: steady constant continuous high; spiky: spiky bursty burst unpredictable variable; intermittent: intermittent sporadic infrequent rare low occasional; batch: nightly batch bulk daily weekly dataset; peaks: peaks predictable scheduled; business-hours: business-hours business',
);
const ROLLOUTS = words(
  'canary: canary; linear: linear; rolling: rolling; shadow: shadow; abTest: ab a/b ab-test; allAtOnce: blue-green bluegreen all-at-once',
);
const YES = /^(yes|y|true|1|on|needed|required|need|sure)$/;
const NO = /^(no|n|false|0|off|none|not-needed|unneeded|never|cpu)$/;
const SAME = /^(same|one|single|shared)$/;
const MIXED = /^(different|mixed|many|multiple|various)$/;

/** Read one `key=value` hint into the workload; a sentence for the person when it cannot be read. */
function applyHint(
  w: Workload,
  hinted: Partial<Record<Figure, Field<Range>>>,
  key: string | undefined,
  value: string,
  source: Source,
): string | undefined {
  const fig = (k: Figure, kind: 'size' | 'duration' | 'rate', unit: string, example: string) => {
    const q = parseQuantity(value, kind, unit);
    if (q) hinted[k] = { value: { low: q.low, high: q.high, ...(q.open ? { open: q.open } : {}) }, source };
    return q ? undefined : `I couldn't read "${source.said}"; try "${example}".`;
  };
  const on = (c: Concept) => add(w, c, { ...source, mode: 'stated' });
  const tri = (k: 'gpu' | 'sync' | 'sameFramework', v: boolean) => (w[k] = { value: v, source });
  switch (key) {
    case 'payload':
      return fig('payload', 'size', 'mb', 'payload=20MB');
    case 'memory':
      return fig('memory', 'size', 'mb', 'memory=8GB');
    case 'processing':
      return fig('processing', 'duration', 's', 'processing=5m');
    case 'perDay':
      return fig('perDay', 'rate', 'day', 'volume=500/day');
    case 'turnaround':
      if (/^(async|can-?wait|whenever|none|any|relaxed|offline|batch)$/.test(value)) tri('sync', false);
      else if (/^(low|realtime|real-time|instant|immediate|sync|ms|fast|strict|tight)$/.test(value))
        [on('lowLatency'), tri('sync', true)];
      else if (/^(overnight|morning|next-?day|tomorrow)$/.test(value))
        hinted.turnaround = { value: { low: 43_200, high: 86_400 }, source };
      else return fig('turnaround', 'duration', 's', 'latency=30m');
      return undefined;
    case 'traffic': {
      const ps = value.split(/[+,/|]/).map((p) => TRAFFIC[p.trim()] as Pattern | undefined);
      for (const p of ps) if (p) w.patterns.set(p, source);
      return ps.some(Boolean)
        ? undefined
        : `I couldn't read "${source.said}"; traffic can be steady, spiky, intermittent, nightly or peaks.`;
    }
    case 'gpu':
      if (YES.test(value) || NO.test(value)) tri('gpu', YES.test(value));
      else if (/^(inf|inf2|inferentia)$/.test(value)) on('neuron');
      else return `I couldn't read "${source.said}"; try "gpu=yes" or "gpu=no".`;
      on('askInstance');
      return undefined;
    case 'models':
    case 'containers': {
      const n = Number.parseFloat(value.replace(/k$/, '000'));
      if (!Number.isFinite(n) || n < 0)
        return `I couldn't read "${source.said}" as a number; try "${key}=3".`;
      hinted[key] = { value: { low: n, high: n }, source };
      if (n >= 2) on(key === 'containers' ? 'chain' : 'manyModels');
      return undefined;
    }
    case 'framework':
      if (SAME.test(value) || MIXED.test(value) || value.split(/[+,/|]/).length > 1)
        tri('sameFramework', SAME.test(value));
      for (const n of value.split(/[+,/|]/)) if (n && !SAME.test(n) && !MIXED.test(n)) w.frameworks.push(n);
      return undefined;
    case 'rollout': {
      const c = ROLLOUTS[value] as Concept | undefined;
      if (c) [c, 'rollout' as const].forEach(on);
      return c
        ? undefined
        : `I couldn't read "${source.said}"; rollout can be canary, linear, rolling, shadow, ab or blue-green.`;
    }
    case 'capacity':
      if (/^(low|little|limited|tight|none|scarce)$/.test(value)) on('rolling');
      return undefined;
    case 'idle':
      if (YES.test(value) || /^(often|mostly|long|zero)$/.test(value)) on('idleCost');
      return undefined;
    case 'edge':
      if (YES.test(value)) on('onDevice');
      return undefined;
    case 'sync':
      if (YES.test(value) || NO.test(value)) tri('sync', YES.test(value));
      return undefined;
    default:
      return `I didn't use the hint "${source.said}": I know payload, processing, latency, traffic, volume, gpu, models, framework, containers, rollout, capacity, idle, memory and edge.`;
  }
}
