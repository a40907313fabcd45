/**
 * The `--json` contract of `studybot recommend` (documented in docs/recommend-json.md).
 * Names here are stable: adapters and scripts match on them, so add fields, never rename.
 */
import { z } from 'zod';
import { content } from '../../content/index.ts';

import {
  CONTAINER_OPTIONS,
  DIMENSIONS,
  EDGE_OPTIONS,
  IAC_OPTIONS,
  INFERENCE_OPTIONS,
  INSTANCE_OPTIONS,
  ORCHESTRATION_OPTIONS,
  PATTERNS,
  QUESTION_TOPICS,
  RELATED_SERVICES,
  RETIRED_SERVICES,
  SCALING_OPTIONS,
  STRATEGY_OPTIONS,
  TARGET_OPTIONS,
} from './options.ts';

// The option names stay importable from here, where the contract is.
export * from './options.ts';

const knownFacts = new Set(content.facts.map((f) => f.id));
/** A fact id from content/facts.yaml; the URL resolves through `facts[]` or `fact(id)`. */
const FactId = z.string().refine((id) => knownFacts.has(id), 'not a fact id from content/facts.yaml');

export const CiteSchema = z.object({ text: z.string().min(1), facts: z.array(FactId) });
export type Cite = z.infer<typeof CiteSchema>;

function decision<T extends readonly [string, ...string[]]>(options: T) {
  return z.object({
    choice: z.enum(options),
    reasons: z.array(CiteSchema).min(1),
    ruledOut: z.array(
      z.object({ option: z.enum(options), reason: z.string().min(1), facts: z.array(FactId) }),
    ),
    assumptions: z.array(z.string()),
  });
}

function listDecision<T extends readonly [string, ...string[]]>(options: T) {
  return z.object({
    choice: z.array(z.enum(options)),
    reasons: z.array(CiteSchema).min(1),
    ruledOut: z.array(
      z.object({ option: z.enum(options), reason: z.string().min(1), facts: z.array(FactId) }),
    ),
    assumptions: z.array(z.string()),
  });
}

export const InferenceDecisionSchema = decision(INFERENCE_OPTIONS);
export const StrategyDecisionSchema = decision(STRATEGY_OPTIONS);
/** An empty `choice` means no endpoint policy is needed (serverless, batch); `reasons` says why. */
export const ScalingDecisionSchema = listDecision(SCALING_OPTIONS);

export const WorkloadSummarySchema = z.object({
  payloadBytes: z.number().nonnegative().nullable(),
  processingSeconds: z.number().nonnegative().nullable(),
  deadlineSeconds: z.number().nonnegative().nullable(),
  /** true: the caller waits for the answer in the same request; false: it can wait. */
  needsAnswerInRequest: z.boolean().nullable(),
  lowLatency: z.boolean(),
  requestsPerDay: z.number().nonnegative().nullable(),
  patterns: z.array(z.enum(PATTERNS)),
  gpu: z.boolean().nullable(),
  models: z.number().nonnegative().nullable(),
  sameFramework: z.boolean().nullable(),
  chain: z.boolean(),
  idleCost: z.boolean(),
  edge: z.boolean(),
  /** The model artifact, the memory it needs, and a dataset's size: never the payload. */
  modelBytes: z.number().nonnegative().nullable(),
  memoryBytes: z.number().nonnegative().nullable(),
  datasetBytes: z.number().nonnegative().nullable(),
  concurrency: z.number().nonnegative().nullable(),
  /** The first slice of traffic a rollout sends to the new model, in percent. */
  trafficSharePercent: z.number().nonnegative().nullable(),
  /** The inference option already in use (or wanted on that endpoint), when the text names one. */
  current: z.enum(INFERENCE_OPTIONS).nullable(),
  /** What the person wrote for each figure, e.g. {"payload": "20 MB", "deadline": "within 30 minutes"}. */
  said: z.record(z.string(), z.string()),
  /** Where each field came from: a span of the text or a `key=value` hint, with the words as typed. */
  provenance: z.record(
    z.string(),
    z.object({ from: z.enum(['text', 'hint']), said: z.string(), at: z.tuple([z.number(), z.number()]) }),
  ),
});

export const RecommendationSchema = z.object({
  version: z.literal(1),
  status: z.enum(['answered', 'needs-input']),
  /** Set when status is needs-input: a "tell me ..." sentence for the person. */
  message: z.string().nullable(),
  workload: WorkloadSummarySchema,
  inference: InferenceDecisionSchema.nullable(),
  strategy: StrategyDecisionSchema.nullable(),
  scaling: ScalingDecisionSchema.nullable(),
  instance: decision(INSTANCE_OPTIONS).nullable(),
  container: decision(CONTAINER_OPTIONS).nullable(),
  orchestration: decision(ORCHESTRATION_OPTIONS).nullable(),
  iac: decision(IAC_OPTIONS).nullable(),
  target: decision(TARGET_OPTIONS).nullable(),
  edge: listDecision(EDGE_OPTIONS).nullable(),
  retired: z.array(
    z.object({
      service: z.enum(RETIRED_SERVICES),
      status: z.string(),
      instead: z.string(),
      facts: z.array(FactId),
    }),
  ),
  related: z.array(z.object({ service: z.enum(RELATED_SERVICES), why: z.string(), facts: z.array(FactId) })),
  questions: z.array(
    z.object({ about: z.enum(QUESTION_TOPICS), ask: z.string().min(1), facts: z.array(FactId) }),
  ),
  wouldChange: z.array(
    z.object({
      dimension: z.enum(['inference', 'strategy', 'scaling']),
      option: z.string(),
      when: z.string().min(1),
      facts: z.array(FactId),
    }),
  ),
  /** Parts of the message that could not be read, phrased for the person. */
  notes: z.array(z.string()),
  /** The dimension the answer leads with: the one asked about, else the one the text says most about. */
  lead: z.enum(DIMENSIONS).nullable(),
  /** What was read, one phrase each: the "I read: …" line (e.g. "20 MB per request"). */
  read: z.array(z.string()),
  /** Every fact cited above, resolved: figure as displayed, checked statement, AWS source URL. */
  facts: z.array(z.object({ id: FactId, display: z.string(), statement: z.string(), source: z.string() })),
});

export type Recommendation = z.infer<typeof RecommendationSchema>;
export type InferenceDecision = z.infer<typeof InferenceDecisionSchema>;
export type StrategyDecision = z.infer<typeof StrategyDecisionSchema>;
export type ScalingDecision = z.infer<typeof ScalingDecisionSchema>;
export type InferenceChoice = (typeof INFERENCE_OPTIONS)[number];
export type StrategyChoice = (typeof STRATEGY_OPTIONS)[number];
export type ScalingChoice = (typeof SCALING_OPTIONS)[number];
export type Question = Recommendation['questions'][number];
export type Change = Recommendation['wouldChange'][number];
export type Retired = Recommendation['retired'][number];
export type Related = Recommendation['related'][number];
