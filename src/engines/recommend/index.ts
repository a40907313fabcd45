/**
 * `recommend(text)`: a workload in plain words → the SageMaker deployment choice, the limits that
 * decided it, the options ruled out, what would change the answer, and the questions that would
 * settle what was left unsaid. Pure: no clock, no I/O; never throws.
 */
import { fact } from '../../content/index.ts';
import {
  type Context,
  decideInference,
  decideScaling,
  decideStrategy,
  relatedServices,
  retiredServices,
} from './decide.ts';
import {
  decideContainer,
  decideEdge,
  decideIac,
  decideInstance,
  decideOrchestration,
  decideTarget,
} from './extras.ts';
import { parseWorkload, type Workload } from './parse.ts';
import type { Question, Recommendation } from './schema.ts';

export { parseWorkload, type Workload } from './parse.ts';
export { type RenderedAnswer, renderRecommendation, renderText } from './render.ts';
// The zod schema lives in schema.ts for tests and tools; the engine itself needs no zod.
export type { Recommendation } from './schema.ts';

const TELL_ME =
  'Tell me about the workload: payload size (e.g. 20 MB), how long one request takes, how soon the answer is needed, and the traffic (steady, spiky, intermittent, nightly). For example: "20 MB documents, results within 30 minutes, about 500 a day in business hours".';

const STARTER_QUESTIONS: Question[] = [
  {
    about: 'workload',
    ask: 'What does one request carry, and how big is it? (e.g. "20 MB PDFs", "2 KB JSON")',
    facts: ['serverless.payload.max', 'realtime.payload.max', 'async.payload.max'],
  },
  {
    about: 'latency',
    ask: 'How soon is the answer needed: in the same request, within minutes, or by morning?',
    facts: ['realtime.timeout', 'async.timeout.max'],
  },
  {
    about: 'traffic',
    ask: 'What does traffic look like: steady, spiky, intermittent, a nightly dataset, or known peaks?',
    facts: ['realtime.billing', 'batch.no-endpoint'],
  },
];

function summarise(w: Workload): Recommendation['workload'] {
  const said: Record<string, string> = {};
  if (w.payload) said.payload = w.payload.said;
  if (w.processing) said.processing = w.processing.said;
  if (w.deadline) said.deadline = w.deadline.said;
  if (w.perDay) said.volume = w.perDay.said;
  if (w.records) said.records = w.records.said;
  if (w.models) said.models = w.models.said;
  if (w.modelSize) said.modelSize = w.modelSize.said;
  if (w.memory) said.memory = w.memory.said;
  const finite = (n: number | undefined): number | null =>
    n !== undefined && Number.isFinite(n) && n >= 0 ? n : null;
  return {
    payloadBytes: finite(w.payload?.high),
    processingSeconds: finite(w.processing?.high),
    deadlineSeconds: finite(w.deadline?.high),
    needsAnswerInRequest: w.sync ?? null,
    lowLatency: w.lowLatency,
    requestsPerDay: finite(w.perDay?.value),
    patterns: [...w.patterns].sort(),
    gpu: w.gpu ?? null,
    models: finite(w.models?.value),
    sameFramework: w.sameFramework ?? null,
    chain: w.chain,
    idleCost: w.idleCost,
    edge: w.flags.has('edge'),
    said,
  };
}

/** Every fact id cited anywhere in the answer, resolved to figure, statement and URL. */
function collectFacts(r: Omit<Recommendation, 'facts'>): Recommendation['facts'] {
  const ids = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'facts' && Array.isArray(x)) for (const id of x) ids.add(String(id));
        else if (k !== 'workload') visit(x);
      }
    }
  };
  visit(r);
  return [...ids].sort().map((id) => {
    const f = fact(id);
    return { id, display: f.display, statement: f.statement, source: f.source };
  });
}

function dedupeQuestions(qs: Question[]): Question[] {
  const seen = new Set<string>();
  const out: Question[] = [];
  for (const q of qs) {
    if (seen.has(q.about)) continue;
    seen.add(q.about);
    out.push(q);
  }
  return out.slice(0, 4);
}

function answer(text: unknown): Recommendation {
  const w = parseWorkload(text);
  const ctx: Context = { w, inference: null, questions: [], changes: [] };
  const inference = decideInference(ctx);
  ctx.inference = inference?.choice ?? w.current ?? null;
  const strategy = decideStrategy(ctx);
  const scaling = decideScaling(ctx);
  const rest = {
    instance: decideInstance(w),
    container: decideContainer(w),
    orchestration: decideOrchestration(w),
    iac: decideIac(w),
    target: decideTarget(w),
    edge: decideEdge(w),
  };
  const retired = retiredServices(w);
  const related = relatedServices(w);
  const decided =
    inference ||
    strategy ||
    scaling ||
    Object.values(rest).some((d) => d !== null) ||
    retired.length > 0 ||
    related.length > 0;
  const notes = [...w.notes];
  if (w.truncated) notes.push('That was a long message: I read the first 20,000 characters.');
  const questions = decided ? dedupeQuestions(ctx.questions) : STARTER_QUESTIONS;
  const base: Omit<Recommendation, 'facts'> = {
    version: 1,
    status: decided ? 'answered' : 'needs-input',
    message: decided ? null : TELL_ME,
    workload: summarise(w),
    inference,
    strategy,
    scaling,
    ...rest,
    retired,
    related,
    questions,
    wouldChange: ctx.changes,
    notes,
  };
  return { ...base, facts: collectFacts(base) };
}

/** The recommendation for a workload described in chat. Never throws: odd input gets a "tell me ...". */
export function recommend(text: string): Recommendation {
  try {
    return answer(text);
  } catch {
    // A rule bug must not reach the channel: fall back to asking, which is always a valid answer.
    return {
      ...answer(''),
      notes: ['Something in that message tripped me up; could you rephrase the workload?'],
    };
  }
}
