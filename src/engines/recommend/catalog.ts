/**
 * The option catalog, as data: every option of every dimension states once what limits it (a figure
 * from content/facts.yaml, by fact id), what rules it out, what it is preferred for and why; one
 * evaluator (evaluate.ts) derives the choice, the ruled-out reasons, the thresholds and the questions.
 * A rule is one line, "condition | fact ids | sentence"; a condition names predicates below ("!"
 * negates, "a/b" is either, a space is "and"); "{fact.id}" in a sentence quotes the fact's figure.
 */
import { fact } from '../../content/index.ts';
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
  return has(v.w, 'manyModels') || n >= 3 || (n >= 2 && has(v.w, 'sharedEndpoint'));
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
  return has(v.w, 'onDevice') && !endpointTalk && !/\bendpoint|(?:to|in) the cloud/.test(v.w.text);
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
      const spikyQuiet =
        pattern(v, 'spiky') && (!peaks || coldOk(v)) && !lowLatency(v) && (sync(v) !== true || coldOk(v));
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
  guardrails: (v) => states(v.w, 'inf1') || has(v.w, 'marketplace'),
  smallShare: (v) => (fig(v, 'share') ?? 100) <= limit('bluegreen.canary.max') && !has(v.w, 'linear'),
  turnaround: (v) => fig(v, 'turnaround') !== undefined,
  longJob: (v) => (fig(v, 'processing') ?? 0) > limit('async.timeout.default'),
  overAsync: (v) => (fig(v, 'payload') ?? 0) > limit('async.payload.max'),
  records: (v) => (fig(v, 'records') ?? 0) > 0,
  peaks: (v) => pattern(v, 'peaks') || (pattern(v, 'business-hours') && v.inference !== 'async'),
  noPolicy: (v) => v.inference === 'serverless' || v.inference === 'batch',
  fromZero: (v) =>
    v.inference === 'async' &&
    (any(v, 'idleCost scaleToZero') ||
      ['intermittent', 'business-hours', 'spiky'].some((p) => pattern(v, p)) ||
      v.w.figures.perDay !== undefined),
  endpointZero: (v) => v.inference !== 'async' && has(v.w, 'scaleToZero'),
  explicitTiers: (v) => has(v.w, 'tiers') || (has(v.w, 'fineControl') && /too coarse/.test(v.w.text)),
  slowSpikes: (v) => pattern(v, 'spiky') && has(v.w, 'slowScaling'),
  retrain: (v) => raises(v.w, 'eventbridge') || /retrain/.test(v.w.text),
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
    if (!own && !multiTenant(v) && (scalingTalk || (pattern(v, 'peaks') && !pattern(v, 'intermittent'))))
      return false;
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
    (has(v.w, 'allAtOnce') && /shift|deploy|roll ?out|cutover|green|traffic|swap|replac/.test(v.w.text)),
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
      (any(v, 'askInstance elasticInference', raises) ||
        v.w.gpu !== undefined ||
        states(v.w, 'classicModel') ||
        has(v.w, 'customCuda') ||
        has(v.w, 'neuron') ||
        (raises(v.w, 'gpu') && has(v.w, 'cost')))
    );
  },
  appliesContainer: (v) =>
    raises(v.w, 'askContainer') ||
    any(v, 'byoc script stock', states) ||
    negates(v.w, 'script') ||
    /built-in|no code of our own|default handler/.test(v.w.text),
  appliesOrchestration: (v) =>
    any(v, 'askOrchestration airflow mlflow pipelineCaching', raises) ||
    (v.w.mentions.get('stepFunctions')?.length ?? 0) >= 2 ||
    /\b(kubeflow|step functions?|state machine|sagemaker pipelines)\b/.test(v.w.text),
  appliesIac: (v) =>
    any(v, 'askIac terraform pulumi cdk cloudformation', raises) ||
    ((any(v, 'declarative programming') || /constructs?|loops/.test(v.w.text)) &&
      any(v, 'awsOnly multiCloud')),
  appliesTarget: (v) =>
    any(v, 'askTarget lambda ecs managed') ||
    (states(v.w, 'k8sControl') && !raises(v.w, 'askOrchestration') && !/kubeflow/.test(v.w.text)) ||
    // Several Kubernetes needs at once ("custom node configs, GPU sharing, a k8s team") ask where to host.
    (v.w.mentions.get('k8sControl') ?? []).filter((m) => m.mode === 'stated').length >= 3 ||
    (/\b(?:eks|ecs)\b/.test(v.w.text) && /kubeflow|serve|host/.test(v.w.text)) ||
    /\b(?:runs?|running|lives?|hosted) on (?:eks|ecs|kubernetes|k8s) already|already (?:on|in|runs on) (?:eks|ecs|kubernetes|k8s)\b/.test(
      v.w.text,
    ),
  appliesEdge: (v) =>
    has(v.w, 'onDevice') || raises(v.w, 'edgeManager') || /\b(neo|greengrass)\b/.test(v.w.text),
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
  otherwise: Rule;
  /** "Under 4 MB and 60 seconds, <fits>, serverless would fit." */
  fitsWhen?: string;
}
export interface DimensionSpec<O extends string = string> {
  applies: Pred;
  options: Record<O, OptionSpec>;
  /** The first rule whose option fits and whose condition holds wins; a list dimension takes every one. */
  prefer: [O, Pred][];
  list?: boolean;
  /** In a list dimension that chooses nothing: why no option applies. */
  none?: Rule[];
}

/**
 * "dimension <name> [list]" then its applies/prefer/none lines; "option <name>" then its limits
 * ("figure<fact" decides, "figure<<fact" only rules out), block, why, not and fits lines.
 */
const CATALOG = `
dimension inference
  applies appliesInference
  prefer real-time: current !unhappy
  prefer serverless: current !unhappy
  prefer async: current !unhappy
  prefer batch: current !unhappy
  prefer multi-model: current !unhappy
  prefer multi-container: current !unhappy
  prefer real-time: named !unhappy
  prefer serverless: named !unhappy
  prefer async: named !unhappy
  prefer batch: named !unhappy
  prefer multi-model: named !unhappy
  prefer multi-container: named !unhappy
  prefer multi-model: multiTenant !chain !dataset
  prefer multi-container: chain/mixed sharing/chain !dataset
  prefer batch: dataset
  prefer async: !sync largeWord
  prefer serverless: !sync quiet !steady
  prefer serverless: sync quiet !steady !coldBad
  prefer async: wait !steady
  prefer real-time: !wait/steady
  prefer async
  prefer batch
option real-time
  limits payload<realtime.payload.max processing<realtime.timeout
  why sync/lowLatency | realtime.billing serverless.no-gpu | Always-on instances answer in the same request with steady low latency and no cold starts.
  why !sync !lowLatency | realtime.billing | Always-on instances answer in the same request.
  why gpu | serverless.no-gpu | GPU instances are available (serverless has none).
  why steady | realtime.billing | Steady traffic keeps instances busy, so paying per instance-hour is efficient.
  why quiet !steady | realtime.billing realtime.scale-to-zero | It bills per instance-hour even when idle; to scale to zero, host the model as an inference component (MinInstanceCount 0), accepting minutes to bring an instance back.
  not realtime.billing | Always-on instances bill per instance-hour even when idle; the chosen option suits this traffic better.
  fits with callers waiting for the answer
option serverless
  limits payload<serverless.payload.max processing<serverless.timeout memory<<serverless.memory.max modelSize<<serverless.memory.max concurrency<<serverless.concurrency.max
  block gpu | serverless.no-gpu | It has no GPUs.
  block multiTenant/chain | serverless.exclusions | Not available with multi-model or multi-container endpoints.
  block variants !current | serverless.exclusions | It does not take several production variants, which your rollout needs.
  block dataCapture | serverless.exclusions | It does not support data capture.
  block scalesInstances !current | serverless.concurrency.max | You scale instances with a policy; serverless has no instances or scaling policy.
  block coldBad | serverless.no-gpu | Cold starts after idle periods break your latency needs.
  why always | serverless.no-gpu | It scales to zero, so you pay per request and nothing while idle.
  why always | serverless.no-gpu serverless.memory.max serverless.concurrency.max | Expect cold starts after idle periods; memory {serverless.memory.min} to {serverless.memory.max}, MaxConcurrency up to {serverless.concurrency.max}.
  not serverless.no-gpu realtime.billing | It fits the limits, but steady traffic or a tight latency target suits always-on instances better than cold starts.
  fits with intermittent traffic
option async
  limits payload<async.payload.max processing<async.timeout.max
  why longJob | async.timeout.default async.timeout.max | Set InvocationTimeoutSeconds above the processing time: the default is only {async.timeout.default}.
  why sync | async.scale-to-zero | An answer in the same request is not possible at this size or duration; async is the closest: callers get the result from S3 with an SNS notification.
  why !sync turnaround | async.queue.ttl | Your turnaround leaves room for a queue: requests wait up to {async.queue.ttl} by default.
  why !sync !turnaround | async.scale-to-zero | Callers get the result from S3, with an optional SNS notification on success or error.
  why always | async.scale-to-zero | It scales to zero instances when the queue is empty, so idle hours cost nothing.
  not async.scale-to-zero | It fits too, but adds a queue and an S3 round trip this workload does not need.
  fits when callers can get the answer later
option batch
  block sync !dataset | batch.no-endpoint | Batch jobs take minutes to start and answer no single request; your callers wait for answers.
  why always | batch.no-endpoint | A whole dataset at once: batch transform reads from S3, writes to S3 and shuts its instances down, with no endpoint to pay for between runs.
  why overAsync | batch.payload.max batch.payload.default | Split the input into records (SplitType Line or RecordIO): each mini-batch is at most {batch.payload.max} (MaxPayloadInMB, {batch.payload.default} by default).
  why records | batch.no-endpoint | SplitType Line with BatchStrategy MultiRecord, and JoinSource=Input to keep each prediction next to its input.
  not batch.no-endpoint | Scores a whole dataset in S3 with no endpoint; you need an answer for each request as it arrives.
  fits scoring a whole dataset on a schedule
option multi-model
  limits payload<realtime.payload.max processing<realtime.timeout
  block !multiTenant !current | mme.framework | You described one model; multi-model endpoints are for many models of one framework.
  block chain | mce.containers.max | A chain of steps needs several containers, not many models in one.
  block mixed !manyMixed | mme.framework | The models need different frameworks; a multi-model endpoint shares one container.
  why !mixed | mme.framework | Many models of one framework share one container on one endpoint instead of one endpoint each.
  why mixed | mce.containers.max mme.framework | More models in several frameworks than the {mce.containers.max} containers of a multi-container endpoint: run one multi-model endpoint per framework.
  why always | mme.framework mme.caching | Each model loads from S3 on its first call and stays cached; the first call to a cold model is slower.
  why gpu | mme.framework | GPU models run on multi-model endpoints through the Triton container.
  not mme.framework | Not needed for what you described.
  fits with many models of one framework
option multi-container
  limits payload<realtime.payload.max processing<realtime.timeout containers<<mce.containers.max
  block !chain !mixed/!sharing | mce.containers.max | No chain of steps or mix of frameworks to combine.
  why chain | mce.containers.max | Up to {mce.containers.max} containers on one endpoint; Serial mode (the default) runs them as an inference pipeline, one call through every step.
  why !chain | mce.containers.max | Different frameworks each keep their own container; Direct mode calls one container with TargetContainerHostname.
  not mce.containers.max | Not needed for what you described.
  fits for a chain of steps or models in different frameworks
dimension strategy
  applies appliesStrategy
  prefer shadow: shadow
  prefer canary: shadow
  prefer ab-test: abTest
  prefer canary: abTest
  prefer rolling: rolling
  prefer blue-green-all-at-once: rolling
  prefer linear: linear
  prefer canary: canary/gradual/smallShare
  prefer shadow: liveValidate
  prefer canary: liveValidate
  prefer blue-green-all-at-once
option blue-green-all-at-once
  why guardrails | guardrails.exclusions | Marketplace containers and Inf1 endpoints fall back to all-at-once with no baking period; use Inf2 or your own container to get canary or linear shifting.
  why always | bluegreen.default | Blue/green keeps the old (blue) fleet while the new (green) one takes traffic; during the baking period a CloudWatch alarm shifts 100% back at once.
  why always | bluegreen.termination-wait.max | Keep blue a little longer with TerminationWaitInSeconds ({bluegreen.termination-wait.max}).
  not bluegreen.default | Shifts 100% of traffic in one step; you want less exposure at first.
  fits For one shift with instant rollback
option canary
  block guardrails | guardrails.exclusions | Marketplace containers and Inf1 endpoints do not support canary shifting.
  why always | bluegreen.canary.max bluegreen.default | Blue/green canary shifts a first slice (at most {bluegreen.canary.max} of the new fleet, e.g. 5-10%), bakes while CloudWatch alarms watch it, then shifts the rest; an alarm rolls back 100%.
  why !canary/gradual | abtest.weights | To hold the split and raise it by hand, use two production variants (e.g. weights 95/5) and UpdateEndpointWeightsAndCapacities, with no redeploy.
  not bluegreen.canary.max | Exposes a first slice (up to {bluegreen.canary.max}) during the baking period; not what you described.
  fits To expose only a small first slice (up to {bluegreen.canary.max}) before the rest
option linear
  block guardrails | guardrails.exclusions | Marketplace containers and Inf1 endpoints do not support linear shifting.
  why always | bluegreen.linear.step bluegreen.default | Linear shifting moves traffic in equal steps of {bluegreen.linear.step}, baking between steps; an alarm rolls everything back.
  not bluegreen.linear.step | Equal steps of {bluegreen.linear.step} with a bake each: slower, and not what you described.
  fits To shift traffic in equal steps with a bake between them
option rolling
  block inference=serverless | rolling.batch | Rolling deployments are not available for serverless endpoints.
  block guardrails | guardrails.exclusions | Marketplace containers and Inf1 endpoints fall back to all-at-once.
  why always | rolling.batch | Rolling updates the fleet in batches of {rolling.batch}, so it needs far less spare capacity than a full blue/green fleet; rollback is 100% by default.
  not rolling.batch | Serves mixed versions while batches update; choose it when spare capacity is short.
  fits With little spare capacity for a second fleet
option shadow
  block inference=serverless,async,multi-model,multi-container | shadow.duration.max | Shadow tests are not available for serverless, async, multi-model or multi-container endpoints.
  block guardrails | shadow.duration.max | Shadow tests are not available for Marketplace containers or Inf1 endpoints.
  why always | shadow.duration.default shadow.duration.max | Production answers 100% of requests; the shadow variant gets a copy and its answers are never returned to users. Runs {shadow.duration.default} by default, up to {shadow.duration.max}.
  not shadow.duration.default | A test, not a rollout: shadow answers are never returned, so it never ships the new model.
  fits To validate on live traffic with no user impact first
option ab-test
  block inference=serverless | serverless.exclusions | Serverless endpoints do not take several production variants.
  why always | abtest.weights | Two production variants both serve real users; each gets weight / sum of weights of the traffic (TargetVariant can pick one per request), and weights change without a redeploy.
  not abtest.weights | An experiment keeping two models live for real users, not a guarded rollout with automatic rollback.
  fits To compare business metrics of two models with real users
dimension scaling list
  applies appliesScaling
  none inference=serverless | serverless.concurrency.max serverless.no-gpu | No endpoint autoscaling policy: serverless scales with requests up to MaxConcurrency ({serverless.concurrency.max}) and down to zero.
  none inference=batch | batch.no-endpoint | No endpoint to scale: set the instance count per transform job; instances shut down when it ends.
  prefer scheduled: peaks !noPolicy
  prefer target-tracking: !noPolicy !explicitTiers !peaks/!fullyPredictable
  prefer step: !noPolicy explicitTiers/fineControl/fromZero/endpointZero
  prefer step: !noPolicy slowSpikes !peaks
option scheduled
  why always | scaling.scheduled | Scheduled scaling adds capacity before the known peak, so the spike never waits for a reaction.
  not scaling.scheduled | No predictable peak times in what you described.
  fits Known peaks (e.g. every weekday at 9 AM) → add scheduled scaling ahead of them.
option target-tracking
  why inference=async | scaling.target-tracking | Target tracking on ApproximateBacklogSizePerInstance keeps the queue short per instance.
  why !inference=async | scaling.target-tracking | Target tracking (e.g. on SageMakerVariantInvocationsPerInstance) is the recommended default: it adds and removes instances to hold the target.
  not scaling.target-tracking | Your alarm tiers or fixed schedule already say how to scale; target tracking would add a second policy.
option step
  why fromZero | scaling.target-tracking async.scale-to-zero | A step scaling policy on the HasBacklogWithoutCapacity alarm scales out from zero; target tracking alone cannot. Set MinCapacity 0.
  why endpointZero | realtime.scale-to-zero realtime.scale-out-from-zero | To scale to zero, host the model as an inference component with MinInstanceCount 0; a step scaling policy on a CloudWatch alarm brings the first instance back, which takes minutes, and requests fail meanwhile.
  why !fromZero | scaling.target-tracking | Step scaling adds larger steps at higher alarm thresholds, for finer control.
  not scaling.target-tracking | Target tracking covers this without hand-set thresholds; step is for alarm tiers or scaling out from zero.
  fits Scaling out from zero or alarm tiers (+N instances above X%) → add step scaling.
dimension instance
  applies appliesInstance
  prefer gpu: customCuda
  prefer inferentia: neuron/~elasticInference
  prefer inferentia: cost gpu/~gpu !classicModel
  prefer cpu: inference=serverless/-gpu
  prefer cpu: classicModel !+gpu
  prefer gpu: gpu/deepModel
  prefer cpu
option cpu
  why inference=serverless | serverless.no-gpu serverless.memory.max | Serverless inference runs on CPU only ({serverless.no-gpu}), with memory {serverless.memory.min} to {serverless.memory.max}.
  why always |  | Classic ML (XGBoost, scikit-learn, small models) runs cost-efficiently on CPU: c family compute-optimised, m general purpose, r memory-optimised.
  not  | Too slow per request for a deep learning model of this size.
option gpu
  block inference=serverless | serverless.no-gpu | Serverless inference has {serverless.no-gpu}.
  why customCuda | inferentia.no-cuda | Custom CUDA kernels do not run on Inferentia: Neuron compiles supported operators only, so without a port to NKI or Neuron custom operators this is a GPU instance.
  why always |  | Deep learning at high throughput and low latency: g family (g5/g6) for inference, p family only for the largest models.
  why !inference=serverless | serverless.no-gpu | A GPU rules out serverless inference, which has no GPUs.
  not  | Pays for accelerators the model does not need.
option inferentia
  block customCuda | inferentia.no-cuda | Custom CUDA kernels do not run on Inferentia without a port to the Neuron SDK.
  block inference=serverless | serverless.no-gpu | Serverless inference offers no accelerators.
  why always | inferentia.cost | Inferentia is built for inference: AWS claims {inferentia.cost} (its Inf1 figure); Inf2 adds 4x the throughput of Inf1.
  why always | guardrails.exclusions | Use Inf2: Inf1 endpoints fall back to all-at-once deployments with no baking period.
  why ~elasticInference | elastic-inference.retired | Elastic Inference, the old cheap-GPU answer, is retired.
  not inferentia.cost | Needs Neuron SDK support; pick it when cost per inference matters and the model compiles.
dimension container
  applies appliesContainer
  prefer byoc: byoc
  prefer script-mode: script
  prefer prebuilt
option prebuilt
  why always |  | A standard framework (TensorFlow, PyTorch, scikit-learn, XGBoost) or built-in algorithm with its own inference logic: use the prebuilt SageMaker image and its optimisations.
  not  | Built-in inference logic does not cover your custom code or dependencies.
option script-mode
  block byoc |  | Script mode still needs a framework and dependencies the prebuilt images support.
  why always |  | Script mode keeps the prebuilt framework container and adds your own inference script (model_fn, input_fn, predict_fn, output_fn): far less to maintain than a custom image.
  not  | No custom inference code to add.
option byoc
  why always |  | A language, server or native dependency the prebuilt images lack needs your own image in ECR, following the SageMaker contract (/opt/ml/model, port 8080, /invocations and /ping).
  not  | A custom image means owning the web server, patches and the container contract; not needed here.
dimension orchestration
  applies appliesOrchestration
  prefer mwaa: airflow
  prefer kubeflow: kubeflow
  prefer mlflow: mlflow
  prefer step-functions: stepFunctions
  prefer sagemaker-pipelines
option sagemaker-pipelines
  why always |  | SageMaker Pipelines runs processing → train → evaluate → register → deploy as one DAG inside SageMaker, with lineage and step caching.
  why always |  | A ConditionStep on the evaluation metrics registers the model only when it beats the threshold; a FailStep stops the run otherwise.
  why retrain |  | Start it from EventBridge when new data lands in S3 or on a schedule.
  not  | SageMaker-only; your workflow reaches beyond it or already lives in another tool.
option step-functions
  why always |  | Step Functions orchestrates SageMaker alongside other AWS services (Lambda, Glue, EMR, DynamoDB) with branching, parallel states, retries per state, waits for a human callback and a visual workflow.
  not  | General AWS orchestration; the SageMaker-native pipeline adds ML lineage and caching you would rebuild.
option mwaa
  why always |  | Amazon MWAA runs managed Apache Airflow: keep your DAGs and scheduling, and call SageMaker through its operators.
  not  | Worth it when the team already writes Airflow DAGs.
option mlflow
  why always |  | MLflow is open source and tracks experiments and packages models across clouds; SageMaker offers managed MLflow.
  not  | For experiment tracking across clouds; not needed to orchestrate this.
option kubeflow
  why always |  | Kubeflow Pipelines on EKS with SageMaker Components: keep Kubernetes control and run the heavy jobs on SageMaker.
  not  | Needs a Kubernetes cluster to run and maintain.
dimension iac
  applies appliesIac
  prefer pulumi: pulumi
  prefer terraform: terraform
  prefer cdk: cdk
  prefer pulumi: multiCloud programming/-terraform
  prefer terraform: multiCloud
  prefer cloudformation: cloudformation/+declarative/-programming
  prefer cdk: programming
  prefer cloudformation
option cloudformation
  why always |  | CloudFormation: declarative JSON/YAML templates, AWS-native, for AWS-only stacks of simple to moderate complexity.
  why cloudformation | projects.templates | SageMaker Projects take templates from Service Catalog or, through CreateProject TemplateProviders, from CloudFormation.
  not  | Declarative templates get awkward for logic and reuse.
option cdk
  why always |  | CDK: write the infrastructure in TypeScript, Python, Java or C# with loops and reusable constructs; it synthesises CloudFormation. AWS only.
  not  | AWS-only, and a programming layer you did not ask for.
option terraform
  why always |  | Terraform: declarative HCL across clouds, for multi-cloud or hybrid deployments.
  not  | Multi-cloud HCL; unnecessary for an AWS-only stack, or not the language you want.
option pulumi
  why always |  | Pulumi: general-purpose languages (Python, TypeScript, C#, Go) across clouds, for real logic in a multi-cloud setup.
  not  | Multi-cloud in code; unnecessary for an AWS-only stack.
dimension target
  applies appliesTarget
  prefer lambda: lambda
  prefer eks: +k8sControl
  prefer ecs: ecs
  prefer sagemaker
option sagemaker
  why always |  | SageMaker endpoints are fully managed, with autoscaling, monitoring and deployment guardrails built in.
  not  | Less control over the runtime than you asked for.
option eks
  why always |  | EKS gives full control of scheduling and configuration for teams that run Kubernetes; you manage the cluster.
  not  | Running a Kubernetes cluster is overhead you did not ask for.
option ecs
  why always |  | ECS is managed container orchestration with good AWS integration, without Kubernetes to run.
  not  | Managed containers without the ML features SageMaker hosting adds.
option lambda
  limits payload<lambda.payload.sync processing<lambda.timeout.max memory<<lambda.memory.max modelSize<<lambda.memory.max
  block gpu | lambda.memory.max lambda.timeout.max lambda.payload.sync | Lambda has no GPUs.
  why always | lambda.memory.max lambda.timeout.max lambda.payload.sync | A lightweight model fits Lambda: up to {lambda.memory.max} memory, {lambda.timeout.max} per call, {lambda.payload.sync} synchronous payload; pay per use, with cold starts.
  not lambda.memory.max lambda.timeout.max lambda.payload.sync | Limited run time and cold starts; suits only lightweight models.
dimension edge list
  applies appliesEdge
  prefer neo: compile
  prefer neo: !fleet !~edgeManager !-compile
  prefer greengrass: fleet/~edgeManager/!compile !-fleet
option neo
  why always | neo.speedup | SageMaker Neo compiles the model for the target hardware (ARM, x86, NVIDIA Jetson), cutting footprint and latency; AWS gives no fixed speed-up figure, so measure yours.
  not  | You asked about running and managing devices, not compiling the model.
option greengrass
  why always |  | AWS IoT Greengrass deploys and runs the model on device fleets, offline too, and manages them remotely.
  why ~edgeManager | edge-manager.retired | SageMaker Edge Manager, once the fleet manager, was discontinued.
  not  | You asked about compiling the model, not managing devices.
`;

/** The sentences of an answer that belong to no option: questions, levers, retired and related services, "I read". */
const TEXTS = `
assume payload | payloads under
assume processing | one request takes under
question payload payload | serverless.payload.max realtime.payload.max async.payload.max | What is the payload size? Under {serverless.payload.max} serverless fits; over {realtime.payload.max} only async or batch.
question processing processing | realtime.timeout async.timeout.max | How long does one request take to process? Up to {realtime.timeout} real-time or serverless; up to {async.timeout.max} async.
question sync latency | realtime.timeout async.scale-to-zero | Does the caller wait for the answer in the same request, or can it be told later? Waiting needs real-time or serverless; later allows async, which scales to zero.
question quiet traffic | serverless.payload.max realtime.billing | Is traffic steady, or intermittent with idle periods? Intermittent with payloads under {serverless.payload.max} suits serverless; steady suits real-time.
question sameFramework models | mme.framework mce.containers.max | Do the models share one framework? Same framework → multi-model endpoint; different frameworks → multi-container (up to {mce.containers.max} containers).
question gpu gpu | serverless.no-gpu | Does the model need a GPU? Serverless has none; a GPU means real-time or async on g5/g6 instances.
question rollout rollout | bluegreen.default bluegreen.canary.max rolling.batch shadow.duration.default | What matters most in the rollout: instant rollback, exposing only a small slice first, little spare capacity, or testing without any user impact?
start workload workload | serverless.payload.max realtime.payload.max async.payload.max | What does one request carry, and how big is it? (e.g. "20 MB PDFs", "2 KB JSON")
start latency latency | realtime.timeout async.timeout.max | How soon is the answer needed: in the same request, within minutes, or by morning?
start traffic traffic | realtime.billing batch.no-endpoint | What does traffic look like: steady, spiky, intermittent, a nightly dataset, or known peaks?
lever sync true | If callers must wait for the answer in the same request
lever sync false | If callers can get the answer later (S3 output, SNS notification)
lever quiet true | With intermittent traffic and idle periods
lever steady true | With steady traffic all day
lever gpu true | If the model needs a GPU
lever coldOk true | If cold starts after idle periods were acceptable
lever dataset true | To score a whole dataset on a schedule instead of live requests
retired elastic-inference retiredEI | elastic-inference.retired inferentia.cost | Elastic Inference closed to new customers on 15 Apr 2023 and is no longer available. | Inferentia (inf2) for cost per inference, or a right-sized GPU instance (g5).
retired edge-manager ~edgeManager | edge-manager.retired neo.speedup | SageMaker Edge Manager was discontinued on 26 Apr 2024. | Compile with SageMaker Neo and deploy and manage the fleet with AWS IoT Greengrass.
retired model-monitor ~modelMonitor | model-monitor.types | SageMaker Model Monitor is no longer open to new customers (accounts already using it keep it). | Existing accounts: Data Quality monitoring catches input drift against the training baseline without labels (Model Quality needs ground truth). New accounts: capture requests and compare them with the training baseline in a scheduled SageMaker Processing job, alarming in CloudWatch.
related inference-recommender ~inferenceRecommender | inference-recommender.default | SageMaker Inference Recommender benchmarks instance types: a default job finishes within {inference-recommender.default}; an advanced load test takes about 2 hours over up to 10 types.
related model-registry ~modelRegistry |  | SageMaker Model Registry versions models and gates deployment on an approval status (PendingManualApproval → Approved).
related pipeline-caching ~pipelineCaching |  | SageMaker Pipelines step caching skips a step whose inputs and configuration are unchanged.
related eventbridge ~eventbridge |  | An EventBridge rule (S3 object created, schedule, or Model Registry approval) starts the SageMaker Pipeline.
related codepipeline ~cicd |  | CodePipeline + CodeBuild deliver code and containers; SageMaker Pipelines trains and evaluates; deploy after Model Registry approval.
related vpc-endpoints ~network |  | Run jobs and endpoints in a VPC with no internet gateway, and reach S3 and the SageMaker API through VPC endpoints (PrivateLink).
related kms ~kms |  | Give a customer-managed KMS key ID to training jobs, endpoint configs and S3 for encryption at rest.
related network-isolation ~networkIsolation |  | The network isolation flag cuts the container off from every network call, including AWS services.
related quality-gates ~qualityGate |  | Between training and deployment: unit tests of the code, integration tests of the pipeline steps, an evaluation step whose ConditionStep blocks registration below the current model's metrics, and a regression test on a fixed holdout set.
read payload | # per request
read processing | # to process one
read turnaround | results within #
read perDay | ~# a day
read concurrency | # concurrent
read models | # models
read containers | # containers
read instances | # instances
read modelSize | # model (not the payload)
read memory | # memory
read dataset | # of data
read records | # records
read share | #% of traffic first
read bake | bake or wait #
read testDuration | for #
label +customCuda | custom CUDA kernels
label +neuron | Neuron-compatible model
label +airflow | Airflow in use
label +kubeflow | Kubernetes in use
label +multiCloud | more than one cloud
label +awsOnly | AWS only
label +byoc | custom runtime or dependencies
label +script | own inference code
label +onDevice | runs on devices
label +rolling | little spare capacity
label +shadow | no user impact
label +abTest | both models serve users
label +idleCost | no paying for idle
label +coldOk | cold starts OK
label +coldBad | no cold starts
lead instance | askInstance
lead container | askContainer
lead orchestration | askOrchestration airflow stepFunctions smPipelines mlflow
lead iac | askIac terraform cdk cloudformation pulumi
lead target | askTarget lambda
lead scaling | askScaling tiers targetMetric
lead strategy | rollout shadow canary linear abTest rolling allAtOnce
`;
export interface Text {
  /** The words before the first "|"; the last one is also the line's condition. */
  key: string[];
  fields: string[];
  when: Pred;
}
/** The lines of one section of TEXTS, figures quoted. */
export const texts = (section: string): Text[] =>
  TEXTS.trim()
    .split('\n')
    .filter((l) => l.startsWith(`${section} `))
    .map((l) => {
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
  for (const line of CATALOG.trim().split('\n')) {
    const [key = '', rest = ''] = [line.trim().split(' ')[0], line.trim().split(' ').slice(1).join(' ')];
    if (key === 'dimension') {
      d = { applies: () => false, options: {}, prefer: [], list: rest.endsWith(' list'), none: [] };
      DIMENSIONS[rest.split(' ')[0] ?? ''] = d;
    } else if (key === 'option' && d) {
      name = rest;
      o = d.options[name] = { limits: [], blocks: [], reasons: [], otherwise: rule('always |  | ', name) };
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
    else if (key === 'not' && o) o.otherwise = rule(`always | ${rest}`, name);
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
    for (const r of [...o.blocks, ...o.reasons, o.otherwise]) r.facts.forEach(fact);
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
