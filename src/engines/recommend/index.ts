/**
 * `recommend(text)`: a workload in plain words → the SageMaker deployment choice per dimension, the
 * limits that decided it, the options ruled out, what would change the answer, and the questions that
 * would settle what was left unsaid. Pure: no clock, no I/O. A bug throws: it must fail a test, not
 * hide behind a fallback answer.
 */
import { fact } from '../../content/index.ts';
import * as catalog from './catalog.ts';
import {
  evaluate,
  formatCount,
  formatRange,
  type Outcome,
  optionLabel,
  type Question,
  question,
} from './evaluate.ts';
import { DIMENSIONS, RELATED_SERVICES, RETIRED_SERVICES } from './options.ts';
import type { Recommendation } from './schema.ts';
import { type Concept, type Figure, has, readWorkload, states, type Workload } from './workload.ts';

export { type RenderedAnswer, renderRecommendation, renderText } from './render.ts';
// The zod schema lives in schema.ts for tests and tools; the engine itself needs no zod.
export type { Recommendation } from './schema.ts';
export { readWorkload, type Workload } from './workload.ts';

type Dim = (typeof DIMENSIONS)[number];
const TELL_ME =
  'Tell me about the workload: payload size (e.g. 20 MB), how long one request takes, how soon the answer is needed, and the traffic (steady, spiky, intermittent, nightly). For example: "20 MB documents, results within 30 minutes, about 500 a day in business hours".';
const SPECS: Record<Dim, catalog.DimensionSpec> = {
  inference: catalog.INFERENCE,
  strategy: catalog.STRATEGY,
  scaling: catalog.SCALING,
  instance: catalog.INSTANCE,
  container: catalog.CONTAINER,
  orchestration: catalog.ORCHESTRATION,
  iac: catalog.IAC,
  target: catalog.TARGET,
  edge: catalog.EDGE,
};
const facts = (ids = '') => ids.split(' ').filter(Boolean);
const STARTERS: Question[] = catalog
  .texts('start')
  .map((t) => ({ about: t.key[1] as Question['about'], ask: t.fields[1] ?? '', facts: facts(t.fields[0]) }));
const RETIRED = catalog.texts('retired');
const RELATED = catalog.texts('related');
const READ = catalog.texts('read');
const LABELS = catalog.texts('label');
/** The concepts that ask about a dimension: a question naming one makes that dimension the lead. */
const ASKS = Object.fromEntries(catalog.texts('lead').map((t) => [t.key[0], facts(t.fields[0])])) as Partial<
  Record<Dim, Concept[]>
>;
// Retired and related services named in the texts are the contract's: checked at cold start.
for (const t of [...RETIRED, ...RELATED])
  if (![...RETIRED_SERVICES, ...RELATED_SERVICES].includes(t.key[0] as never))
    throw new Error(`unknown service ${t.key[0]}`);

/** What was read, one short phrase each, for "I read: …". */
function readLine(w: Workload): string[] {
  const out: string[] = [];
  for (const t of READ) {
    const [f, r] = [t.key[0] as Figure, w.figures[t.key[0] as Figure]];
    if (r)
      out.push(
        (t.fields[0] ?? '').replace(
          '#',
          f === 'share'
            ? formatCount(r.value.high)
            : formatRange(f, r.value).replace(/^under /, f === 'turnaround' ? '' : 'under '),
        ),
      );
  }
  if (w.current)
    out.push(`on ${optionLabel(w.current.value).replace(/^serverless$/, 'serverless inference')}`);
  if (w.sync) out.push(w.sync.value ? 'answer needed in the request' : 'answer can wait');
  for (const p of w.patterns.keys()) out.push(p === 'batch' ? 'offline dataset job' : `${p} traffic`);
  if (w.gpu) out.push(w.gpu.value ? 'needs a GPU' : 'no GPU');
  const view = { w, inference: null };
  for (const t of LABELS) if (t.when(view) && !out.includes(t.fields[0] ?? '')) out.push(t.fields[0] ?? '');
  return out.slice(0, 7);
}

function summarise(w: Workload): Recommendation['workload'] {
  const hi = (k: Figure) => w.figures[k]?.value.high ?? null;
  const said: Record<string, string> = {};
  const provenance: Recommendation['workload']['provenance'] = {};
  const names: Partial<Record<Figure, string>> = { turnaround: 'deadline', perDay: 'volume' };
  for (const [k, f] of Object.entries(w.figures) as [Figure, NonNullable<Workload['figures'][Figure]>][]) {
    said[names[k] ?? k] = f.source.said;
    provenance[names[k] ?? k] = f.source;
  }
  for (const k of ['sync', 'gpu', 'sameFramework', 'coldStartOk', 'current'] as const)
    if (w[k]) provenance[k] = w[k].source;
  for (const [p, src] of w.patterns) provenance[`pattern.${p}`] = src;
  return {
    payloadBytes: hi('payload'),
    processingSeconds: hi('processing'),
    deadlineSeconds: hi('turnaround'),
    needsAnswerInRequest: w.sync?.value ?? null,
    lowLatency: states(w, 'lowLatency') || (hi('turnaround') ?? 9) <= 1,
    requestsPerDay: hi('perDay'),
    patterns: [...w.patterns.keys()].sort(),
    gpu: w.gpu?.value ?? null,
    models: hi('models'),
    sameFramework: w.sameFramework?.value ?? null,
    chain: has(w, 'chain') || (hi('containers') ?? 0) >= 2,
    idleCost: has(w, 'idleCost'),
    edge: has(w, 'onDevice'),
    modelBytes: hi('modelSize'),
    memoryBytes: hi('memory'),
    datasetBytes: hi('dataset'),
    concurrency: hi('concurrency'),
    trafficSharePercent: hi('share'),
    current: w.current?.value ?? null,
    said,
    provenance,
  };
}

/** Every fact id cited anywhere in the answer, resolved to figure, statement and URL. */
function collectFacts(r: Omit<Recommendation, 'facts'>): Recommendation['facts'] {
  const ids = new Set<string>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'facts' && Array.isArray(x)) for (const id of x) ids.add(String(id));
      else if (k !== 'workload') visit(x);
    }
  };
  visit(r);
  return [...ids]
    .sort()
    .map((id) => ({ id, display: fact(id).display, statement: fact(id).statement, source: fact(id).source }));
}

/** The recommendation for a workload described in chat. */
export function recommend(text: string): Recommendation {
  const w = readWorkload(text);
  const view: catalog.View = { w, inference: null };
  const out: Partial<Record<Dim, Outcome>> = {};
  for (const d of DIMENSIONS) {
    out[d] = evaluate(d, SPECS[d], view);
    if (d === 'inference')
      view.inference = (out.inference?.decision?.choice as string | undefined) ?? w.current?.value ?? null;
    view.memo = undefined;
  }
  const dec = <K extends Dim>(k: K) => (out[k]?.decision ?? null) as Recommendation[K];
  const retired = RETIRED.filter((t) => t.when(view)).map((t) => ({
    service: t.key[0] as Recommendation['retired'][number]['service'],
    status: t.fields[1] ?? '',
    instead: t.fields[2] ?? '',
    facts: facts(t.fields[0]),
  }));
  const related = RELATED.filter((t) => t.when(view)).map((t) => ({
    service: t.key[0] as Recommendation['related'][number]['service'],
    why: t.fields[1] ?? '',
    facts: facts(t.fields[0]),
  }));
  const decided = DIMENSIONS.some((d) => out[d]?.decision) || retired.length > 0 || related.length > 0;
  const f = w.figures;
  // Whether the text says anything about the inference itself, beyond naming the endpoint in use.
  const own = ['sync', 'wait', 'lowLatency', 'chain', 'idleCost', 'largePayload', 'smallPayload'].some((c) =>
    states(w, c as Concept),
  );
  const inferenceOwn = Boolean(
    f.payload ||
      f.processing ||
      f.turnaround ||
      f.perDay ||
      f.concurrency ||
      w.patterns.size ||
      catalog.multiTenant(view) ||
      own,
  );
  // The answer leads with the dimension asked about, else with what the text says most about.
  const asked = DIMENSIONS.find(
    (d) =>
      out[d]?.decision && (ASKS[d] ?? []).some((c) => w.mentions.get(c)?.some((m) => m.mode === 'asked')),
  );
  const order: Dim[] = inferenceOwn ? [...DIMENSIONS] : [...DIMENSIONS.slice(1), 'inference'];
  const lead = asked ?? order.find((d) => out[d]?.decision) ?? null;
  // Only the questions that could change the dimension asked about, or the inference the answer rests on.
  const strategy = dec('strategy');
  const unsure =
    lead === 'strategy' &&
    strategy?.choice === 'blue-green-all-at-once' &&
    !['rollback', 'allAtOnce', 'rolling'].some((c) => has(w, c as Concept));
  if (unsure)
    strategy?.assumptions.push(
      'Assuming instant rollback matters most and there is capacity for a second fleet.',
    );
  const seen = new Set<string>();
  const asks = DIMENSIONS.flatMap((d) =>
    d === lead || (d === 'inference' && inferenceOwn) ? (out[d]?.questions ?? []) : [],
  );
  const questions = decided
    ? [...asks, ...(unsure ? [question('rollout') as Question] : [])]
        .filter((q) => !seen.has(q.about) && seen.add(q.about))
        .slice(0, 4)
    : STARTERS;
  const notes = [
    ...w.notes,
    ...(w.truncated ? ['That was a long message: I read the first 20,000 characters.'] : []),
  ];
  const base: Omit<Recommendation, 'facts'> = {
    version: 1,
    status: decided ? 'answered' : 'needs-input',
    message: decided ? null : TELL_ME,
    workload: summarise(w),
    inference: dec('inference'),
    strategy,
    scaling: dec('scaling'),
    instance: dec('instance'),
    container: dec('container'),
    orchestration: dec('orchestration'),
    iac: dec('iac'),
    target: dec('target'),
    edge: dec('edge'),
    retired,
    related,
    questions,
    wouldChange: DIMENSIONS.flatMap((d) => out[d]?.changes ?? []),
    notes,
    lead,
    read: readLine(w),
  };
  return { ...base, facts: collectFacts(base) };
}
