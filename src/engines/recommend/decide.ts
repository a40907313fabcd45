/**
 * Workload → decisions. Hard limits first (payload, processing time, synchronous answer), then
 * traffic and idle cost, then tenancy. Every reason and every ruled-out option names the fact ids
 * it rests on, so the answer can cite the AWS page.
 */
import { formatBytes, formatCount, formatSeconds, LIMIT, shown } from './cite.ts';
import { INFERENCE_OPTIONS, SCALING_OPTIONS, STRATEGY_OPTIONS } from './options.ts';
import type { Amount, InferenceOption, Workload } from './parse.ts';
import type {
  Change,
  Cite,
  InferenceChoice,
  InferenceDecision,
  Question,
  Recommendation,
  Related,
  Retired,
  ScalingChoice,
  ScalingDecision,
  StrategyChoice,
  StrategyDecision,
} from './schema.ts';

type Out = { option: InferenceChoice; reason: string; facts: string[] };

/** Exceeds a limit: "over 6 MB" (open above) exceeds 6 MB; "6 MB" exactly does not. */
function over(a: Amount | undefined, limit: number): boolean {
  return a !== undefined && (a.high > limit || (a.open === 'above' && a.high >= limit));
}

function size(a: Amount): string {
  return a.open === 'above' ? `over ${formatBytes(a.high)}` : formatBytes(a.high);
}

function time(a: Amount): string {
  return a.open === 'above' ? `over ${formatSeconds(a.high)}` : formatSeconds(a.high);
}

const cite = (text: string, ...facts: string[]): Cite => ({ text, facts });

export interface Context {
  w: Workload;
  inference: InferenceChoice | null;
  questions: Question[];
  changes: Change[];
}

// ---------------------------------------------------------------- inference

interface Feasibility {
  realtime: boolean;
  serverless: boolean;
  async: boolean;
  mme: boolean;
  mce: boolean;
}

function hasInferenceSignal(w: Workload): boolean {
  return (
    w.payload !== undefined ||
    w.payloadWord !== undefined ||
    w.processing !== undefined ||
    w.deadline !== undefined ||
    w.sync !== undefined ||
    w.lowLatency ||
    w.patterns.size > 0 ||
    w.perDay !== undefined ||
    w.records !== undefined ||
    w.multiTenant ||
    w.chain ||
    w.idleCost ||
    w.mentioned.size > 0
  );
}

export function decideInference(ctx: Context): InferenceDecision | null {
  const { w } = ctx;
  if (!hasInferenceSignal(w)) return null;
  const f = w.flags;
  const P = w.payload;
  const T = w.processing;
  const D = w.deadline;

  const pOverRt = over(P, LIMIT.realtimePayload);
  const pOverSl = over(P, LIMIT.serverlessPayload);
  const pOverAsync = over(P, LIMIT.asyncPayload);
  const tOverRt = over(T, LIMIT.realtimeTime);
  const tOverSl = over(T, LIMIT.serverlessTime);
  const tOverAsync = over(T, LIMIT.asyncTime);
  const largeWord = !P && w.payloadWord === 'large';
  const gpu = w.gpu === true;
  const memOverSl = over(w.memory, LIMIT.serverlessMemory) || over(w.modelSize, LIMIT.serverlessMemory);
  const concOverSl = (w.concurrency?.value ?? 0) > LIMIT.serverlessConcurrency;
  const wantsVariantFeatures = f.has('no-user-impact') || f.has('compare-metrics');
  const coldStartBad = w.coldStartOk === false || (w.lowLatency && w.coldStartOk !== true);
  const steady = w.patterns.has('steady');
  const spiky = w.patterns.has('spiky');
  const intermittent = w.patterns.has('intermittent') || w.idleCost;
  const lowVolume = w.perDay !== undefined && w.perDay.value <= 2_000;
  const dataset = (w.patterns.has('batch') && w.sync !== true) || w.current === 'batch';
  const tooManyContainers = (w.containers?.value ?? 0) > LIMIT.containers;
  const mixedFrameworks = w.sameFramework === false;

  const can: Feasibility = {
    realtime: !pOverRt && !tOverRt,
    serverless: !pOverSl && !tOverSl && !gpu && !memOverSl && !concOverSl && !w.multiTenant && !w.chain,
    async: !pOverAsync && !tOverAsync,
    mme: !pOverRt && !tOverRt && w.multiTenant,
    mce: !pOverRt && !tOverRt && !tooManyContainers && (w.chain || (w.multiTenant && mixedFrameworks)),
  };

  const assumptions: string[] = [];
  let choice: InferenceChoice;
  let why = '';

  if (w.multiTenant && !w.chain && !mixedFrameworks && can.mme && !dataset) {
    choice = 'multi-model';
  } else if (
    w.multiTenant &&
    mixedFrameworks &&
    !w.chain &&
    can.mme &&
    (w.models?.value ?? 0) > LIMIT.containers
  ) {
    // More models than containers fit: one multi-model endpoint per framework.
    choice = 'multi-model';
    why = 'per-framework';
  } else if (can.mce && !dataset) {
    choice = 'multi-container';
  } else if (pOverAsync || tOverAsync) {
    choice = 'batch';
    why = 'beyond-async';
  } else if (dataset) {
    choice = 'batch';
  } else if (can.realtime && !(largeWord && w.sync !== true)) {
    const serverlessFits = can.serverless && !(wantsVariantFeatures && f.has('rollout'));
    // Spiky alone suits serverless only when nobody waits on a cold start during a burst.
    const spikyQuiet = spiky && !w.lowLatency && (w.sync !== true || w.coldStartOk === true);
    const quietTraffic = intermittent || lowVolume || spikyQuiet || (w.costSensitive && !steady);
    if (w.sync === false) {
      if (serverlessFits && quietTraffic && !steady) choice = 'serverless';
      else if (!steady && (w.idleCost || intermittent) && can.async) choice = 'async';
      else choice = 'real-time';
    } else if (serverlessFits && !coldStartBad && quietTraffic && !steady) {
      choice = 'serverless';
    } else {
      choice = 'real-time';
    }
  } else if (can.async) {
    choice = 'async';
  } else {
    choice = 'batch';
  }

  // What they already run wins when nothing described rules it out: answer their question, not another.
  if (w.current && w.current !== choice) {
    const ok: Record<InferenceOption, boolean> = {
      'real-time': can.realtime,
      serverless: can.serverless,
      async: can.async,
      batch: true,
      'multi-model': can.mme,
      'multi-container': can.mce,
    };
    if (ok[w.current]) {
      choice = w.current;
      why = 'current';
    }
  }

  // Assumptions stand in for what was not said, and questions ask for it when it could flip the answer.
  const endpointLike =
    choice === 'real-time' ||
    choice === 'serverless' ||
    choice === 'multi-model' ||
    choice === 'multi-container';
  if (!P && endpointLike) {
    if (largeWord) {
      assumptions.push(
        `Assuming each request fits the ${shown('realtime.payload.max')} real-time limit (pass large files as S3 URIs).`,
      );
    } else {
      assumptions.push(
        choice === 'serverless'
          ? `Assuming payloads under ${shown('serverless.payload.max')}.`
          : `Assuming payloads under ${shown('realtime.payload.max')}.`,
      );
    }
    ctx.questions.push({
      about: 'payload',
      ask: `What is the payload size? Under ${shown('serverless.payload.max')} serverless fits; over ${shown('realtime.payload.max')} only async or batch.`,
      facts: ['serverless.payload.max', 'realtime.payload.max', 'async.payload.max'],
    });
  }
  if (!P && choice === 'async' && largeWord) {
    assumptions.push(`Assuming "large" means over the ${shown('realtime.payload.max')} real-time limit.`);
    ctx.questions.push({
      about: 'payload',
      ask: `How large is one request? Up to ${shown('realtime.payload.max')} a real-time endpoint fits; up to ${shown('async.payload.max')} async.`,
      facts: ['realtime.payload.max', 'async.payload.max'],
    });
  }
  if (!T && (endpointLike || choice === 'async')) {
    assumptions.push(
      endpointLike
        ? `Assuming one request takes under ${shown('realtime.timeout')}.`
        : `Assuming one request takes under ${shown('async.timeout.max')}.`,
    );
    if (choice !== 'async' || !P) {
      ctx.questions.push({
        about: 'processing',
        ask: `How long does one request take to process? Up to ${shown('realtime.timeout')} real-time or serverless; up to ${shown('async.timeout.max')} async.`,
        facts: ['realtime.timeout', 'async.timeout.max'],
      });
    }
  }
  if (w.sync === undefined && (choice === 'real-time' || choice === 'async') && why !== 'current') {
    assumptions.push(
      choice === 'real-time'
        ? 'Assuming callers wait for the answer in the same request.'
        : 'Assuming callers can get the answer later (S3 output, SNS notification).',
    );
    ctx.questions.push({
      about: 'latency',
      ask: 'Does the caller wait for the answer in the same request, or can it be told later? Waiting needs real-time or serverless; later allows async, which scales to zero.',
      facts: ['realtime.timeout', 'async.scale-to-zero'],
    });
  }
  if (
    (choice === 'real-time' || choice === 'serverless') &&
    !steady &&
    !intermittent &&
    !spiky &&
    w.perDay === undefined &&
    why !== 'current'
  ) {
    assumptions.push(
      choice === 'real-time'
        ? 'Assuming steady traffic.'
        : 'Assuming intermittent traffic with idle periods.',
    );
    ctx.questions.push({
      about: 'traffic',
      ask: `Is traffic steady, or intermittent with idle periods? Intermittent with payloads under ${shown('serverless.payload.max')} suits serverless; steady suits real-time.`,
      facts: ['serverless.payload.max', 'realtime.billing'],
    });
  }
  if (
    w.multiTenant &&
    w.sameFramework === undefined &&
    (choice === 'multi-model' || choice === 'multi-container')
  ) {
    assumptions.push('Assuming the models share one framework.');
    ctx.questions.push({
      about: 'models',
      ask: `Do the models share one framework? Same framework → multi-model endpoint; different frameworks → multi-container (up to ${shown('mce.containers.max')} containers).`,
      facts: ['mme.framework', 'mce.containers.max'],
    });
  }

  const reasons = inferenceReasons(choice, why, w, { pOverRt, pOverSl, tOverRt, pOverAsync, tOverAsync });
  const ruledOut = INFERENCE_OPTIONS.filter((o) => o !== choice).map((o) =>
    whyNot(o, choice, w, {
      pOverRt,
      pOverSl,
      pOverAsync,
      tOverRt,
      tOverSl,
      tOverAsync,
      gpu,
      memOverSl,
      concOverSl,
      coldStartBad,
      wantsVariantFeatures,
      tooManyContainers,
    }),
  );
  inferenceChanges(ctx, choice, w, { pOverRt, pOverSl, tOverRt, gpu, steady });
  if (D && T && D.high < T.high && D.open !== 'above') {
    assumptions.push(
      `Your ${time(D)} deadline is shorter than the ${time(T)} each request takes: more instances help throughput, not the time of one request.`,
    );
  }
  return { choice, reasons, ruledOut, assumptions };
}

interface Limits {
  pOverRt: boolean;
  pOverSl: boolean;
  tOverRt: boolean;
  pOverAsync: boolean;
  tOverAsync: boolean;
}

function inferenceReasons(choice: InferenceChoice, why: string, w: Workload, l: Limits): Cite[] {
  const P = w.payload;
  const T = w.processing;
  const D = w.deadline;
  const r: Cite[] = [];
  if (why === 'current') {
    r.push(cite(`You already run ${label(choice)}, and nothing you described rules it out.`));
  }
  switch (choice) {
    case 'async': {
      if (P && l.pOverRt) {
        r.push(
          cite(
            `${size(P)} is over the ${shown('realtime.payload.max')} real-time limit; async reads payloads up to ${shown('async.payload.max')} from S3.`,
            'realtime.payload.max',
            'async.payload.max',
          ),
        );
      }
      if (T && l.tOverRt) {
        r.push(
          cite(
            `${time(T)} per request is over the ${shown('realtime.timeout')} real-time limit; async runs a request for up to ${shown('async.timeout.max')}.`,
            'realtime.timeout',
            'async.timeout.max',
          ),
        );
      }
      if (T && T.high > LIMIT.asyncDefaultTime) {
        r.push(
          cite(
            `Set InvocationTimeoutSeconds above ${time(T)}: the default is only ${shown('async.timeout.default')}.`,
            'async.timeout.default',
            'async.timeout.max',
          ),
        );
      }
      if (w.sync === true) {
        r.push(
          cite(
            'An answer in the same request is not possible at this size or duration; async is the closest: callers get the result from S3 with an SNS notification.',
            'async.scale-to-zero',
          ),
        );
      } else if (D) {
        r.push(
          cite(
            `Your ${time(D)} turnaround leaves room for a queue: requests wait up to ${shown('async.queue.ttl')} by default.`,
            'async.queue.ttl',
          ),
        );
      } else {
        r.push(
          cite(
            'Callers get the result from S3, with an optional SNS notification on success or error.',
            'async.scale-to-zero',
          ),
        );
      }
      r.push(
        cite(
          w.idleCost || w.patterns.has('intermittent') || w.patterns.has('business-hours')
            ? 'It scales to zero instances when the queue is empty, so idle hours cost nothing.'
            : 'It can scale to zero instances when the queue is empty.',
          'async.scale-to-zero',
        ),
      );
      if (!P && !T && !w.payloadWord)
        r.push(cite('Queued requests smooth out load without an always-on fleet.', 'async.scale-to-zero'));
      break;
    }
    case 'real-time': {
      const fits: string[] = [];
      const ids: string[] = [];
      if (P) {
        fits.push(`${size(P)} fits the ${shown('realtime.payload.max')} request limit`);
        ids.push('realtime.payload.max');
      }
      if (T) {
        fits.push(`${time(T)} fits the ${shown('realtime.timeout')} limit`);
        ids.push('realtime.timeout');
      }
      if (fits.length) r.push(cite(`${capital(fits.join(' and '))}.`, ...ids));
      if (w.lowLatency || w.sync === true) {
        r.push(
          cite(
            'Always-on instances answer in the same request with steady low latency and no cold starts.',
            'realtime.billing',
            'serverless.no-gpu',
          ),
        );
      } else {
        r.push(cite('Always-on instances answer in the same request.', 'realtime.billing'));
      }
      if (w.gpu === true)
        r.push(cite('GPU instances are available (serverless has none).', 'serverless.no-gpu'));
      if (w.patterns.has('steady'))
        r.push(
          cite(
            'Steady traffic keeps instances busy, so paying per instance-hour is efficient.',
            'realtime.billing',
          ),
        );
      if (w.patterns.has('intermittent') || w.idleCost) {
        r.push(
          cite(
            'It bills per instance-hour even when idle; to scale to zero, host the model as an inference component (MinInstanceCount 0), accepting minutes to bring an instance back.',
            'realtime.billing',
            'realtime.scale-to-zero',
          ),
        );
      }
      if (P && l.pOverSl)
        r.push(
          cite(
            `${size(P)} is over serverless's ${shown('serverless.payload.max')}, so real-time is the synchronous option that fits.`,
            'serverless.payload.max',
          ),
        );
      break;
    }
    case 'serverless': {
      const fits: string[] = [];
      if (P)
        fits.push(
          `${size(P)} fits the ${shown('serverless.payload.max')} serverless limit (request and response)`,
        );
      if (T) fits.push(`${time(T)} fits the ${shown('serverless.timeout')} limit`);
      if (fits.length)
        r.push(cite(`${capital(fits.join(' and '))}.`, 'serverless.payload.max', 'serverless.timeout'));
      r.push(
        cite(
          'Intermittent traffic: it scales to zero, so you pay per request and nothing while idle.',
          'serverless.no-gpu',
        ),
      );
      r.push(
        cite(
          `Expect cold starts after idle periods; memory ${shown('serverless.memory.min')} to ${shown('serverless.memory.max')}, MaxConcurrency up to ${shown('serverless.concurrency.max')}.`,
          'serverless.no-gpu',
          'serverless.memory.max',
          'serverless.concurrency.max',
        ),
      );
      break;
    }
    case 'batch': {
      if (why === 'beyond-async' && P && l.pOverAsync) {
        r.push(
          cite(
            `${size(P)} is over async's ${shown('async.payload.max')}: only batch transform, splitting the input into records (SplitType Line or RecordIO), can take it.`,
            'async.payload.max',
            'batch.payload.max',
          ),
        );
      }
      if (why === 'beyond-async' && T && l.tOverAsync) {
        r.push(
          cite(
            `${time(T)} per request is over async's ${shown('async.timeout.max')}: split the work into records that batch transform processes in parallel.`,
            'async.timeout.max',
            'batch.no-endpoint',
          ),
        );
      }
      r.push(
        cite(
          'A whole dataset at once: batch transform reads from S3, writes to S3 and shuts its instances down, with no endpoint to pay for between runs.',
          'batch.no-endpoint',
        ),
      );
      if (w.records) {
        r.push(
          cite(
            `For ${formatCount(w.records.value)} records: SplitType Line with BatchStrategy MultiRecord, and JoinSource=Input to keep each prediction next to its input.`,
            'batch.no-endpoint',
          ),
        );
      }
      r.push(
        cite(
          `MaxPayloadInMB is ${shown('batch.payload.default')} by default and at most ${shown('batch.payload.max')} per mini-batch.`,
          'batch.payload.default',
          'batch.payload.max',
        ),
      );
      break;
    }
    case 'multi-model': {
      const n = w.models ? `${formatCount(w.models.value)} models` : 'Many models';
      if (why === 'per-framework') {
        r.push(
          cite(
            `${n} in several frameworks is more than the ${shown('mce.containers.max')} containers of a multi-container endpoint: run one multi-model endpoint per framework.`,
            'mce.containers.max',
            'mme.framework',
          ),
        );
      } else {
        r.push(
          cite(
            `${n} of one framework share one container on one endpoint instead of one endpoint each.`,
            'mme.framework',
          ),
        );
      }
      r.push(
        cite(
          'Each model loads from S3 on its first call and stays cached; the first call to a cold model is slower.',
          'mme.framework',
          'mme.caching',
        ),
      );
      if (w.gpu === true)
        r.push(
          cite('GPU models run on multi-model endpoints through the Triton container.', 'mme.framework'),
        );
      if (w.payload || w.processing) {
        r.push(
          cite(
            `It is a real-time endpoint, so the ${shown('realtime.payload.max')} and ${shown('realtime.timeout')} limits apply and fit.`,
            'realtime.payload.max',
            'realtime.timeout',
          ),
        );
      }
      break;
    }
    case 'multi-container': {
      if (w.chain) {
        r.push(
          cite(
            `Up to ${shown('mce.containers.max')} containers on one endpoint; Serial mode (the default) runs them as an inference pipeline, so pre-processing, model and post-processing stay separate.`,
            'mce.containers.max',
          ),
        );
      }
      if (w.sameFramework === false) {
        r.push(
          cite(
            'Different frameworks each keep their own container; Direct mode calls one container with TargetContainerHostname.',
            'mce.containers.max',
          ),
        );
      }
      r.push(
        cite(
          `It is a real-time endpoint: the ${shown('realtime.payload.max')} and ${shown('realtime.timeout')} limits apply.`,
          'realtime.payload.max',
          'realtime.timeout',
        ),
      );
      break;
    }
  }
  return r;
}

interface NotFlags {
  pOverRt: boolean;
  pOverSl: boolean;
  pOverAsync: boolean;
  tOverRt: boolean;
  tOverSl: boolean;
  tOverAsync: boolean;
  gpu: boolean;
  memOverSl: boolean;
  concOverSl: boolean;
  coldStartBad: boolean;
  wantsVariantFeatures: boolean;
  tooManyContainers: boolean;
}

function whyNot(option: InferenceChoice, chosen: InferenceChoice, w: Workload, n: NotFlags): Out {
  const P = w.payload;
  const T = w.processing;
  const out = (reason: string, ...facts: string[]): Out => ({ option, reason, facts });
  const datasetChosen = chosen === 'batch';
  switch (option) {
    case 'real-time':
      if (P && n.pOverRt)
        return out(
          `${size(P)} is over the ${shown('realtime.payload.max')} request limit.`,
          'realtime.payload.max',
        );
      if (T && n.tOverRt)
        return out(
          `${time(T)} is over the ${shown('realtime.timeout')} limit for an answer.`,
          'realtime.timeout',
        );
      if (datasetChosen)
        return out(
          'An always-on endpoint would sit idle between runs, billed per instance-hour.',
          'realtime.billing',
        );
      if (chosen === 'multi-model')
        return out(
          'One endpoint per model multiplies instance-hours; a multi-model endpoint shares one.',
          'realtime.billing',
          'mme.framework',
        );
      if (chosen === 'multi-container')
        return out('A single-container endpoint cannot chain steps or mix frameworks.', 'mce.containers.max');
      if (chosen === 'serverless')
        return out(
          'Always-on instances bill per instance-hour even when idle; your traffic leaves them idle.',
          'realtime.billing',
        );
      if (chosen === 'async' && w.sync === false)
        return out(
          'It fits, but bills per instance-hour while idle; async queues requests and scales to zero.',
          'realtime.billing',
          'async.scale-to-zero',
        );
      return out('Not needed for this workload.', 'realtime.billing');
    case 'serverless':
      if (P && n.pOverSl)
        return out(
          `${size(P)} is over the ${shown('serverless.payload.max')} serverless payload limit.`,
          'serverless.payload.max',
        );
      if (T && n.tOverSl)
        return out(
          `${time(T)} is over the ${shown('serverless.timeout')} serverless limit.`,
          'serverless.timeout',
        );
      if (n.gpu) return out('It has no GPUs.', 'serverless.no-gpu');
      if (n.memOverSl)
        return out(
          `The model needs more than the ${shown('serverless.memory.max')} serverless memory maximum.`,
          'serverless.memory.max',
        );
      if (n.concOverSl)
        return out(
          `More than ${shown('serverless.concurrency.max')} concurrent requests is over its MaxConcurrency.`,
          'serverless.concurrency.max',
        );
      if (w.multiTenant || w.chain)
        return out('Not available with multi-model or multi-container endpoints.', 'serverless.exclusions');
      if (datasetChosen)
        return out('A dataset job, not requests: batch needs no endpoint at all.', 'batch.no-endpoint');
      if (n.wantsVariantFeatures && w.flags.has('rollout')) {
        return out(
          'It does not support shadow tests, several production variants or rolling deployments, which your rollout needs.',
          'serverless.exclusions',
        );
      }
      if (n.coldStartBad)
        return out('Cold starts after idle periods break a strict latency target.', 'serverless.no-gpu');
      if (w.patterns.has('steady'))
        return out(
          'Steady traffic: always-on instances cost less than per-request billing, with no cold starts.',
          'realtime.billing',
          'serverless.no-gpu',
        );
      return out(
        'It fits the limits, but scales from cold starts; the chosen option suits this traffic better.',
        'serverless.no-gpu',
      );
    case 'async':
      if (P && n.pOverAsync)
        return out(
          `${size(P)} is over the ${shown('async.payload.max')} async payload limit.`,
          'async.payload.max',
        );
      if (T && n.tOverAsync)
        return out(
          `${time(T)} is over the ${shown('async.timeout.max')} async limit per request.`,
          'async.timeout.max',
        );
      if (datasetChosen)
        return out(
          'Built for single requests; a whole dataset at once is cheaper as a batch job.',
          'batch.no-endpoint',
        );
      if (w.sync === true || w.lowLatency)
        return out(
          'Callers need the answer in the same request; async answers later through S3 and SNS.',
          'async.scale-to-zero',
        );
      if (chosen === 'multi-model' || chosen === 'multi-container')
        return out(
          'It hosts one model per endpoint here; one endpoint per model multiplies cost.',
          'mme.framework',
        );
      return out(
        'It fits too, but adds a queue and an S3 round trip that this workload does not need.',
        'async.scale-to-zero',
      );
    case 'batch':
      if (w.deadline && w.deadline.high <= LIMIT.realtimeTime)
        return out(
          `Batch jobs take minutes to start; you need answers within ${time(w.deadline)}.`,
          'batch.no-endpoint',
        );
      return out(
        'Scores a whole dataset in S3 with no endpoint; you need an answer for each request as it arrives.',
        'batch.no-endpoint',
      );
    case 'multi-model':
      if (!w.multiTenant)
        return out(
          'You described one model; multi-model endpoints are for many models of one framework.',
          'mme.framework',
        );
      if (w.sameFramework === false && chosen === 'multi-container')
        return out(
          'The models need different frameworks; a multi-model endpoint shares one container.',
          'mme.framework',
        );
      if (w.chain)
        return out(
          'A chain of steps needs several containers, not many models in one.',
          'mce.containers.max',
        );
      if (P && n.pOverRt)
        return out(
          `It runs on a real-time endpoint, so ${size(P)} is over its ${shown('realtime.payload.max')} limit.`,
          'realtime.payload.max',
          'mme.framework',
        );
      if (T && n.tOverRt)
        return out(
          `It runs on a real-time endpoint, so ${time(T)} is over its ${shown('realtime.timeout')} limit.`,
          'realtime.timeout',
          'mme.framework',
        );
      return out('Not needed for this workload.', 'mme.framework');
    case 'multi-container':
      if (n.tooManyContainers)
        return out(
          `${formatCount(w.containers?.value ?? 0)} containers is over the ${shown('mce.containers.max')}-container limit.`,
          'mce.containers.max',
        );
      if (chosen === 'multi-model' && (w.models?.value ?? 0) > LIMIT.containers) {
        return out(
          `At most ${shown('mce.containers.max')} containers; ${formatCount(w.models?.value ?? 0)} models fit a multi-model endpoint.`,
          'mce.containers.max',
          'mme.framework',
        );
      }
      if (!w.chain && w.sameFramework !== false)
        return out('No chain of steps or mix of frameworks to combine.', 'mce.containers.max');
      if (P && n.pOverRt)
        return out(
          `It runs on a real-time endpoint, so ${size(P)} is over its ${shown('realtime.payload.max')} limit.`,
          'realtime.payload.max',
          'mce.containers.max',
        );
      if (T && n.tOverRt)
        return out(
          `It runs on a real-time endpoint, so ${time(T)} is over its ${shown('realtime.timeout')} limit.`,
          'realtime.timeout',
          'mce.containers.max',
        );
      return out('Not needed for this workload.', 'mce.containers.max');
  }
}

function inferenceChanges(
  ctx: Context,
  choice: InferenceChoice,
  w: Workload,
  l: { pOverRt: boolean; pOverSl: boolean; tOverRt: boolean; gpu: boolean; steady: boolean },
): void {
  const add = (option: InferenceChoice, when: string, ...facts: string[]): void => {
    ctx.changes.push({ dimension: 'inference', option, when, facts });
  };
  const sl = shown('serverless.payload.max');
  const rt = shown('realtime.payload.max');
  const t60 = shown('realtime.timeout');
  switch (choice) {
    case 'async':
      if (l.pOverRt || l.tOverRt) {
        add(
          'real-time',
          `With payloads up to ${rt} and answers within ${t60}, a real-time endpoint would fit.`,
          'realtime.payload.max',
          'realtime.timeout',
        );
        add(
          'serverless',
          `Under ${sl} and ${t60}, with intermittent traffic, serverless would fit.`,
          'serverless.payload.max',
          'serverless.timeout',
        );
      } else {
        add(
          'real-time',
          'If callers must wait for the answer in the same request, a real-time endpoint.',
          'realtime.timeout',
        );
      }
      add(
        'batch',
        `Over ${shown('async.payload.max')} per payload or ${shown('async.timeout.max')} per request, only batch transform fits; it also wins for a whole dataset at once.`,
        'async.payload.max',
        'async.timeout.max',
        'batch.no-endpoint',
      );
      break;
    case 'real-time':
      if (!l.gpu && !w.lowLatency) {
        add(
          'serverless',
          `With payloads under ${sl}, intermittent traffic and cold starts acceptable, serverless would fit.`,
          'serverless.payload.max',
          'serverless.no-gpu',
        );
      } else if (l.gpu) {
        add(
          'serverless',
          `Without a GPU, payloads under ${sl} and intermittent traffic, serverless would fit.`,
          'serverless.no-gpu',
          'serverless.payload.max',
        );
      } else {
        add(
          'serverless',
          `If cold starts were acceptable and traffic intermittent (payloads under ${sl}), serverless would cost less.`,
          'serverless.no-gpu',
          'serverless.payload.max',
        );
      }
      add(
        'async',
        `Payloads over ${rt} or processing over ${t60} → async (up to ${shown('async.payload.max')}, ${shown('async.timeout.max')}).`,
        'realtime.payload.max',
        'realtime.timeout',
        'async.payload.max',
      );
      add(
        'batch',
        'Scoring a whole dataset on a schedule instead of live requests → batch transform.',
        'batch.no-endpoint',
      );
      break;
    case 'serverless':
      add(
        'real-time',
        `Payloads over ${sl} (up to ${rt}), steady traffic, a GPU or no tolerance for cold starts → real-time.`,
        'serverless.payload.max',
        'realtime.payload.max',
        'serverless.no-gpu',
      );
      add(
        'async',
        `Processing over ${shown('serverless.timeout')} or payloads over ${rt}, when callers can wait → async.`,
        'serverless.timeout',
        'async.timeout.max',
      );
      break;
    case 'batch':
      add(
        'async',
        `If each item needed an answer within minutes as it arrives (up to ${shown('async.payload.max')}, ${shown('async.timeout.max')}) → async.`,
        'async.payload.max',
        'async.timeout.max',
      );
      add(
        'real-time',
        `If callers needed answers in the request (under ${rt}, ${t60}) → real-time.`,
        'realtime.payload.max',
        'realtime.timeout',
      );
      break;
    case 'multi-model':
      add(
        'multi-container',
        `Models in different frameworks (up to ${shown('mce.containers.max')}) → multi-container endpoint.`,
        'mce.containers.max',
      );
      add(
        'async',
        `Payloads over ${rt} or processing over ${t60} rule out the shared real-time endpoint → async.`,
        'realtime.payload.max',
        'realtime.timeout',
      );
      break;
    case 'multi-container':
      add('multi-model', 'Many models sharing one framework → multi-model endpoint.', 'mme.framework');
      add(
        'async',
        `Payloads over ${rt} or processing over ${t60} rule out the real-time endpoint → async.`,
        'realtime.payload.max',
        'realtime.timeout',
      );
      break;
  }
}

// ---------------------------------------------------------------- strategy

const ROLLOUT_FLAGS = [
  'rollback',
  'small-slice',
  'equal-steps',
  'gradual',
  'no-user-impact',
  'compare-metrics',
  'low-capacity',
  'rollout',
  'all-at-once',
];

export function decideStrategy(ctx: Context): StrategyDecision | null {
  const { w } = ctx;
  const f = w.flags;
  if (!ROLLOUT_FLAGS.some((x) => f.has(x))) return null;
  const inf = ctx.inference;
  const noShadow =
    inf === 'serverless' || inf === 'async' || inf === 'multi-model' || inf === 'multi-container';
  const noVariants = inf === 'serverless';
  const noRolling = inf === 'serverless';
  const assumptions: string[] = [];
  const reasons: Cite[] = [];

  let want: StrategyChoice;
  if (f.has('no-user-impact')) want = 'shadow';
  else if (f.has('compare-metrics')) want = 'ab-test';
  else if (f.has('low-capacity')) want = 'rolling';
  else if (f.has('equal-steps')) want = 'linear';
  else if (f.has('small-slice')) want = 'canary';
  else if (f.has('gradual')) want = 'canary';
  else want = 'blue-green-all-at-once';

  let choice = want;
  if (want === 'shadow' && noShadow) {
    choice = 'canary';
    reasons.push(
      cite(
        `Shadow tests are not available for ${label(inf ?? 'real-time')} endpoints; the closest is a canary with a small first slice and alarms.`,
        'shadow.duration.max',
        'bluegreen.canary.max',
      ),
    );
  } else if (want === 'ab-test' && noVariants) {
    choice = 'canary';
    reasons.push(
      cite(
        'Serverless endpoints do not take several production variants, so no A/B split; a canary shift is the closest.',
        'serverless.exclusions',
      ),
    );
  } else if (want === 'rolling' && noRolling) {
    choice = 'blue-green-all-at-once';
    reasons.push(
      cite(
        'Rolling deployments are not available for serverless endpoints, and serverless needs no spare instances anyway.',
        'serverless.exclusions',
        'rolling.batch',
      ),
    );
  }
  if (f.has('inferentia') && /\binf1\b/.test(w.text)) {
    choice = 'blue-green-all-at-once';
    reasons.push(
      cite(
        'Inf1 endpoints fall back to all-at-once with no baking period; use Inf2 to get canary or linear shifting.',
        'guardrails.exclusions',
      ),
    );
  }

  switch (choice) {
    case 'blue-green-all-at-once':
      reasons.push(
        cite(
          'Blue/green keeps the old (blue) fleet while the new (green) one takes traffic; during the baking period a CloudWatch alarm shifts 100% back at once.',
          'bluegreen.default',
        ),
      );
      reasons.push(
        cite(
          `Keep blue a little longer with TerminationWaitInSeconds (${shown('bluegreen.termination-wait.max')}).`,
          'bluegreen.termination-wait.max',
        ),
      );
      if (!f.has('rollback') && !f.has('all-at-once')) {
        assumptions.push('Assuming instant rollback matters most and there is capacity for a second fleet.');
        ctx.questions.push({
          about: 'rollout',
          ask: 'What matters most in the rollout: instant rollback, exposing only a small slice first, little spare capacity, or testing without any user impact?',
          facts: ['bluegreen.default', 'bluegreen.canary.max', 'rolling.batch', 'shadow.duration.default'],
        });
      }
      break;
    case 'canary':
      reasons.push(
        cite(
          `Blue/green canary shifts a first slice (at most ${shown('bluegreen.canary.max')} of traffic, e.g. 5-10%), bakes while CloudWatch alarms watch it, then shifts the rest; an alarm rolls back 100%.`,
          'bluegreen.canary.max',
          'bluegreen.default',
        ),
      );
      if (f.has('small-slice') || f.has('gradual')) {
        reasons.push(
          cite(
            'To hold the split and raise it by hand, use two production variants (e.g. weights 95/5) and UpdateEndpointWeightsAndCapacities, with no redeploy.',
            'abtest.weights',
          ),
        );
      }
      break;
    case 'linear':
      reasons.push(
        cite(
          `Linear shifting moves traffic in equal steps of ${shown('bluegreen.linear.step')}, baking between steps; an alarm rolls everything back.`,
          'bluegreen.linear.step',
          'bluegreen.default',
        ),
      );
      break;
    case 'rolling':
      reasons.push(
        cite(
          `Rolling updates the fleet in batches of ${shown('rolling.batch')}, so it needs far less spare capacity than a full blue/green fleet; rollback is 100% by default.`,
          'rolling.batch',
        ),
      );
      break;
    case 'shadow':
      reasons.push(
        cite(
          `Production answers 100% of requests; the shadow variant gets a copy and its answers are never returned to users. Runs ${shown('shadow.duration.default')} by default, up to ${shown('shadow.duration.max')}.`,
          'shadow.duration.default',
          'shadow.duration.max',
        ),
      );
      break;
    case 'ab-test':
      reasons.push(
        cite(
          'Two production variants both serve real users; each gets weight / sum of weights of the traffic, so you can compare business metrics per variant and change weights without a redeploy.',
          'abtest.weights',
        ),
      );
      break;
  }

  const ruledOut = STRATEGY_OPTIONS.filter((o) => o !== choice).map((o) => strategyWhyNot(o, choice, w, inf));
  strategyChanges(ctx, choice, inf);
  return { choice, reasons, ruledOut, assumptions };
}

function strategyWhyNot(
  option: StrategyChoice,
  chosen: StrategyChoice,
  w: Workload,
  inf: InferenceChoice | null,
): { option: StrategyChoice; reason: string; facts: string[] } {
  const f = w.flags;
  const out = (reason: string, ...facts: string[]) => ({ option, reason, facts });
  switch (option) {
    case 'blue-green-all-at-once':
      if (chosen === 'rolling')
        return out(
          'Needs a full second (green) fleet during the shift; you have little spare capacity.',
          'bluegreen.default',
          'rolling.batch',
        );
      if (chosen === 'shadow')
        return out("Users would see the new model's answers as soon as traffic shifts.", 'bluegreen.default');
      if (chosen === 'ab-test')
        return out(
          'A rollout ends with one model; it does not compare two with real users.',
          'bluegreen.default',
        );
      return out('Shifts 100% of traffic in one step; you want less exposure at first.', 'bluegreen.default');
    case 'canary':
      if (chosen === 'shadow')
        return out('The canary slice answers real users; you want no user impact.', 'bluegreen.canary.max');
      if (chosen === 'rolling')
        return out(
          'Blue/green canary still needs a full green fleet.',
          'bluegreen.canary.max',
          'rolling.batch',
        );
      if (chosen === 'linear')
        return out(
          'Two steps only (a slice, then the rest); you asked for equal increments.',
          'bluegreen.canary.max',
          'bluegreen.linear.step',
        );
      if (chosen === 'ab-test')
        return out(
          'A canary is a rollout with automatic rollback, not an experiment that keeps both models.',
          'bluegreen.canary.max',
        );
      return out(
        `Exposes a first slice (up to ${shown('bluegreen.canary.max')}) for the baking period; you did not ask for a partial first step.`,
        'bluegreen.canary.max',
      );
    case 'linear':
      if (chosen === 'shadow')
        return out('Every step sends real users to the new model.', 'bluegreen.linear.step');
      return out(
        `Equal steps of ${shown('bluegreen.linear.step')} with a bake each: slower, and not what you described.`,
        'bluegreen.linear.step',
      );
    case 'rolling':
      if (inf === 'serverless')
        return out('Not available for serverless endpoints.', 'serverless.exclusions', 'rolling.batch');
      if (chosen === 'ab-test')
        return out('Not for endpoints with several production variants.', 'rolling.batch');
      return out(
        'Serves mixed versions while batches update; choose it when spare capacity is short, which you did not mention.',
        'rolling.batch',
      );
    case 'shadow':
      if (inf === 'serverless' || inf === 'async' || inf === 'multi-model' || inf === 'multi-container') {
        return out(`Not available for ${label(inf)} endpoints.`, 'shadow.duration.max');
      }
      if (f.has('compare-metrics'))
        return out(
          'Shadow answers are never returned, so users never react to them: no business metrics to compare.',
          'shadow.duration.default',
        );
      return out(
        'A test, not a rollout: shadow answers are never returned, so it never ships the new model.',
        'shadow.duration.default',
      );
    case 'ab-test':
      if (inf === 'serverless')
        return out('Serverless endpoints do not take several production variants.', 'serverless.exclusions');
      if (chosen === 'shadow')
        return out('Both variants answer real users; you want no user impact.', 'abtest.weights');
      return out(
        'An experiment keeping two models live for real users, not a guarded rollout with automatic rollback.',
        'abtest.weights',
      );
  }
}

function strategyChanges(ctx: Context, choice: StrategyChoice, inf: InferenceChoice | null): void {
  const add = (option: StrategyChoice, when: string, ...facts: string[]) =>
    ctx.changes.push({ dimension: 'strategy', option, when, facts });
  if (choice !== 'canary')
    add(
      'canary',
      `To expose only a small first slice (up to ${shown('bluegreen.canary.max')}) before the rest → canary.`,
      'bluegreen.canary.max',
    );
  if (choice !== 'rolling' && inf !== 'serverless')
    add('rolling', 'With little spare capacity for a second fleet → rolling.', 'rolling.batch');
  if (choice !== 'shadow' && (inf === null || inf === 'real-time'))
    add(
      'shadow',
      'To validate on live traffic with no user impact first → shadow test.',
      'shadow.duration.default',
    );
  if (choice !== 'ab-test' && choice !== 'shadow' && inf !== 'serverless')
    add(
      'ab-test',
      'To compare business metrics of two models with real users → A/B test with production variants.',
      'abtest.weights',
    );
}

// ---------------------------------------------------------------- scaling

export function decideScaling(ctx: Context): ScalingDecision | null {
  const { w } = ctx;
  const f = w.flags;
  const inf = ctx.inference;
  if (!inf && !f.has('scaling')) return null;
  if (inf === 'serverless') {
    return {
      choice: [],
      reasons: [
        cite(
          `No endpoint autoscaling policy: serverless scales with requests up to MaxConcurrency (${shown('serverless.concurrency.max')}) and down to zero.`,
          'serverless.concurrency.max',
          'serverless.no-gpu',
        ),
      ],
      ruledOut: SCALING_OPTIONS.map((o) => ({
        option: o,
        reason: 'Serverless endpoints scale on their own.',
        facts: ['serverless.no-gpu'],
      })),
      assumptions: [],
    };
  }
  if (inf === 'batch') {
    return {
      choice: [],
      reasons: [
        cite(
          'No endpoint to scale: set the instance count per transform job; instances shut down when it ends.',
          'batch.no-endpoint',
        ),
      ],
      ruledOut: SCALING_OPTIONS.map((o) => ({
        option: o,
        reason: 'Batch transform has no endpoint to scale.',
        facts: ['batch.no-endpoint'],
      })),
      assumptions: [],
    };
  }
  const predictable = w.patterns.has('peaks') || (w.patterns.has('business-hours') && inf !== 'async');
  const fromZero =
    inf === 'async' &&
    (w.idleCost ||
      w.patterns.has('intermittent') ||
      w.patterns.has('business-hours') ||
      w.patterns.has('spiky') ||
      w.perDay !== undefined);
  // Real-time (and multi-model/multi-container) endpoints reach zero only through inference components;
  // scaling back out from zero needs a step policy.
  const endpointZero = inf !== 'async' && f.has('scale-to-zero');
  const step =
    f.has('fine-control') ||
    fromZero ||
    endpointZero ||
    (w.patterns.has('spiky') && f.has('slow-scaling') && !predictable);
  const chosen = new Set<ScalingChoice>(['target-tracking']);
  if (predictable) chosen.add('scheduled');
  if (step) chosen.add('step');
  const reasons: Cite[] = [];
  const assumptions: string[] = [];
  if (chosen.has('scheduled')) {
    reasons.push(
      cite(
        'Scheduled scaling adds capacity before the known peak, so the spike never waits for a reaction.',
        'scaling.target-tracking',
      ),
    );
  }
  if (inf === 'async') {
    reasons.push(
      cite(
        'Target tracking on ApproximateBacklogSizePerInstance keeps the queue short per instance.',
        'scaling.target-tracking',
      ),
    );
  } else {
    reasons.push(
      cite(
        chosen.has('scheduled')
          ? 'Target tracking (e.g. on SageMakerVariantInvocationsPerInstance) covers the unplanned load around the peaks.'
          : 'Target tracking on SageMakerVariantInvocationsPerInstance is the recommended default: it adds and removes instances to hold the target.',
        'scaling.target-tracking',
      ),
    );
  }
  if (chosen.has('step')) {
    reasons.push(
      cite(
        fromZero
          ? 'A step scaling policy on the HasBacklogWithoutCapacity alarm scales out from zero; target tracking alone cannot.'
          : 'Step scaling adds larger steps at higher alarm thresholds, for finer control over sharp spikes.',
        'scaling.target-tracking',
        ...(fromZero ? ['async.scale-to-zero'] : []),
      ),
    );
  }
  if (endpointZero)
    reasons.push(
      cite(
        'To scale to zero, host the model as an inference component with MinInstanceCount 0; a step scaling policy brings the first instance back, which takes minutes.',
        'realtime.scale-to-zero',
        'scaling.target-tracking',
      ),
    );
  if (fromZero)
    reasons.push(
      cite(
        'Set MinCapacity 0 so the endpoint scales to zero when the queue is empty.',
        'async.scale-to-zero',
      ),
    );
  if (!inf) assumptions.push('Assuming a real-time endpoint.');
  const ruledOut = SCALING_OPTIONS.filter((o) => !chosen.has(o)).map((o) => ({
    option: o,
    reason:
      o === 'scheduled'
        ? 'No predictable peak times in what you described.'
        : o === 'step'
          ? 'Target tracking covers this without hand-set thresholds; step is for finer control or scaling out from zero.'
          : 'Needed as the baseline.',
    facts: ['scaling.target-tracking'],
  }));
  const add = (option: string, when: string, ...facts: string[]) =>
    ctx.changes.push({ dimension: 'scaling', option, when, facts });
  if (!chosen.has('scheduled'))
    add(
      'scheduled',
      'Known peaks (e.g. every weekday at 9 AM) → add scheduled scaling ahead of them.',
      'scaling.target-tracking',
    );
  if (!chosen.has('step'))
    add(
      'step',
      'Scaling out from zero or finer control at several thresholds → add step scaling.',
      'scaling.target-tracking',
    );
  return { choice: SCALING_OPTIONS.filter((o) => chosen.has(o)), reasons, ruledOut, assumptions };
}

// ---------------------------------------------------------------- the rest

export function retiredServices(w: Workload): Retired[] {
  const out: Retired[] = [];
  const f = w.flags;
  if (f.has('elastic-inference') || (f.has('cost') && f.has('gpu') && f.has('ask-instance'))) {
    out.push({
      service: 'elastic-inference',
      status: 'Elastic Inference closed to new customers on 15 Apr 2023 and is no longer available.',
      instead: 'Inferentia (inf2) for cost per inference, or a right-sized GPU instance (g5).',
      facts: ['elastic-inference.retired', 'inferentia.cost'],
    });
  }
  if (
    f.has('edge-manager') ||
    (f.has('edge') &&
      /\b(manage|monitor)\w* (?:the )?(?:models? )?(?:on|across) (?:the )?(?:devices|fleet)/.test(w.text))
  ) {
    out.push({
      service: 'edge-manager',
      status: 'SageMaker Edge Manager was discontinued on 26 Apr 2024.',
      instead: 'Compile with SageMaker Neo and deploy and manage the fleet with AWS IoT Greengrass.',
      facts: ['edge-manager.retired', 'neo.speedup'],
    });
  }
  if (f.has('model-monitor')) {
    out.push({
      service: 'model-monitor',
      status:
        'SageMaker Model Monitor is no longer open to new customers (accounts already using it keep it).',
      instead:
        'Existing accounts: Data Quality monitoring catches input drift against the training baseline without labels (Model Quality needs ground truth). New accounts: capture requests and compare them with the training baseline in a scheduled SageMaker Processing job, alarming in CloudWatch.',
      facts: ['model-monitor.types'],
    });
  }
  return out;
}

export function relatedServices(w: Workload): Related[] {
  const f = w.flags;
  const out: Related[] = [];
  if (f.has('inference-recommender')) {
    out.push({
      service: 'inference-recommender',
      why: 'SageMaker Inference Recommender benchmarks instance types: a default job finishes within 45 minutes; an advanced load test takes about 2 hours over up to 10 types.',
      facts: ['inference-recommender.default'],
    });
  }
  if (f.has('model-registry')) {
    out.push({
      service: 'model-registry',
      why: 'SageMaker Model Registry versions models and gates deployment on an approval status (PendingManualApproval → Approved).',
      facts: [],
    });
  }
  if (f.has('pipeline-caching')) {
    out.push({
      service: 'pipeline-caching',
      why: 'SageMaker Pipelines step caching skips a step whose inputs and configuration are unchanged.',
      facts: [],
    });
  }
  if (f.has('eventbridge')) {
    out.push({
      service: 'eventbridge',
      why: 'An EventBridge rule (S3 object created, schedule, or Model Registry approval) starts the SageMaker Pipeline.',
      facts: [],
    });
  }
  if (f.has('cicd')) {
    out.push({
      service: 'codepipeline',
      why: 'CodePipeline + CodeBuild deliver code and containers; SageMaker Pipelines trains and evaluates; deploy after Model Registry approval.',
      facts: [],
    });
  }
  if (f.has('network')) {
    out.push({
      service: 'vpc-endpoints',
      why: 'Run jobs and endpoints in a VPC with no internet gateway, and reach S3 and the SageMaker API through VPC endpoints (PrivateLink).',
      facts: [],
    });
  }
  if (f.has('kms')) {
    out.push({
      service: 'kms',
      why: 'Give a customer-managed KMS key ID to training jobs, endpoint configs and S3 for encryption at rest.',
      facts: [],
    });
  }
  if (f.has('network-isolation')) {
    out.push({
      service: 'network-isolation',
      why: 'The network isolation flag cuts the container off from every network call, including AWS services.',
      facts: [],
    });
  }
  if (f.has('quality-gate')) {
    out.push({
      service: 'quality-gates',
      why: "Between training and deployment: unit tests of the code, integration tests of the pipeline steps, an evaluation step whose ConditionStep blocks registration below the current model's metrics, and a regression test on a fixed holdout set.",
      facts: [],
    });
  }
  return out;
}

function label(o: InferenceOption | string): string {
  const names: Record<string, string> = {
    'real-time': 'a real-time endpoint',
    serverless: 'serverless inference',
    async: 'asynchronous inference',
    batch: 'batch transform',
    'multi-model': 'a multi-model endpoint',
    'multi-container': 'a multi-container endpoint',
  };
  return names[o] ?? o;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type { Recommendation };
