/**
 * Held-out scenarios: written from shared/facts.md before running them through the engine, in
 * wording that is not a paraphrase of cases.ts (chat shorthand, typos, numbers in words, KiB/secs/
 * hrs, long paragraphs, asides that must not change the choice, boundaries at exactly the limit).
 * Only the dimensions a strong SageMaker engineer would answer with confidence are checked;
 * `null` asserts the text gives nothing to decide on.
 */
import type { Case } from './cases.ts';

export const HELDOUT_CASES: Case[] = [
  // ---------------------------------------------------------------- chat shorthand and typos
  {
    name: 'slack shorthand: ~5mb imgs, resp <200ms, spiky',
    text: '~5mb imgs, need resp <200ms, spiky',
    expect: { inference: 'real-time', strategy: null, scaling: ['target-tracking'] },
  },
  {
    name: 'realtime pls, p95 < 300 ms, 24x7',
    text: 'realtime pls, p95 < 300 ms, ~2kb payload, 24x7',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: 'typo serverles, ~5 req/hr',
    text: 'serverles?? traffic v low, like 5 req/hr, payload 1mb, cold start np',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'asynch for 45min video jobs',
    text: 'asynch inference for 45min video jobs, 700MB each',
    expect: { inference: 'async' },
  },
  {
    name: 'typo btach, 10 million recs nightly',
    text: 'btach scoring of 10 million recs nightly from s3',
    expect: { inference: 'batch', scaling: [] },
  },
  {
    name: 'imgs ~12MB, ok waiting a min or two',
    text: 'imgs ~12MB, users ok waiting a min or two, spiky',
    expect: { inference: 'async' },
  },
  {
    name: 'tiny json, 10k rps, 150ms budget',
    text: 'latency budget 150ms, 10k rps, tiny json',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: 'chatbot sub-second, ~50 QPS all day',
    text: 'need sub-second responses for our support chatbot, ~50 QPS all day',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  // ---------------------------------------------------------------- units and numbers in words
  {
    name: 'KiB payload, handful a day, pay per use',
    text: 'payloads ~3 KiB, a handful of calls per day, we only want to pay for what we use, cold start is ok',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: '90 secs on CPU, pick up later',
    text: 'each inference takes ~90 secs on cpu, payload 1mb, results can be picked up later',
    expect: { inference: 'async' },
  },
  {
    name: 'two minutes, front end polls',
    text: 'The model takes about two minutes per request and the front end polls for the result. Inputs are 300 KB.',
    expect: { inference: 'async' },
  },
  {
    name: 'ninety seconds in words',
    text: 'each request needs about ninety seconds of compute, inputs are 500 KB, the client gets a callback when done',
    expect: { inference: 'async' },
  },
  {
    name: 'forty-five minutes in words',
    text: 'a forty-five minute job per upload, 250 MB files, results emailed to the customer',
    expect: { inference: 'async' },
  },
  {
    name: 'two hours per file is over async',
    text: 'each file needs two hours of processing, files are 300 MB, a dozen per day',
    expect: { inference: 'batch' },
  },
  {
    name: 'a couple of minutes, ~200 docs/day, emailed',
    text: 'a couple of minutes per doc, users get an email when done, ~200 docs/day, docs are 2-3 MB',
    expect: { inference: 'async', scaling: ['target-tracking', 'step'] },
  },
  {
    name: '3 hrs per genome',
    text: 'alignment takes 3 hrs per genome, input files are 800 MB',
    expect: { inference: 'batch' },
  },
  {
    name: '1h30m per job',
    text: 'each job runs ~1h30m on 400 MB inputs',
    expect: { inference: 'batch' },
  },
  {
    name: 'a minute and a half, clients poll',
    text: 'it takes a minute and a half per request, clients poll for the result, 1 MB inputs',
    expect: { inference: 'async' },
  },
  {
    name: 'half a minute per call, REST API',
    text: 'half a minute per call, 2MB, behind a REST API, steady load',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: '2.5 mins, webhook',
    text: '2.5 mins per request, 3 MB, results posted to a webhook',
    expect: { inference: 'async' },
  },
  {
    name: '0.5 s, 512 KiB, 40 rps constant',
    text: 'each request takes 0.5s, payload 512 KiB, ~40 rps constant',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: 'three hundred requests a day in words',
    text: 'about three hundred requests a day, 2 MB each, cold start is fine',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'a few hundred requests/min steady',
    text: 'a few hundred requests/min, steady, 20 KB JSON, users wait on it',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: '5000 KB is over serverless',
    text: 'requests around 5000 KB, sporadic use, a couple seconds of cold start is fine, the app waits for the answer',
    expect: { inference: 'real-time' },
  },
  {
    name: '1,024 KB is 1 MB',
    text: '~1,024 KB requests, occasional traffic, cold starts tolerable',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'half a GB, 10 min',
    text: 'payload is half a GB, processing 10 min, notify via SNS',
    expect: { inference: 'async' },
  },
  // ---------------------------------------------------------------- boundaries
  {
    name: 'exactly 6 MB, users wait',
    text: 'request bodies are exactly 6 MB, users wait for the response, steady traffic',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: 'exactly 6,291,456 bytes',
    text: 'request body up to 6,291,456 bytes, synchronous, steady traffic',
    expect: { inference: 'real-time' },
  },
  {
    name: 'exactly 4 MB, sporadic',
    text: 'payloads are exactly 4 MB, sporadic calls, cold starts are fine',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: '4096 KiB is exactly 4 MB',
    text: 'payloads are 4096 KiB max, used a few times a day, cold starts fine',
    expect: { inference: 'serverless' },
  },
  {
    name: '4.5 MB sporadic but users wait',
    text: '4.5 MB payloads, users wait for the answer, occasional traffic, cold starts fine',
    expect: { inference: 'real-time' },
  },
  {
    name: 'exactly 60 s, caller waits',
    text: 'inference takes exactly 60 s, payload 100 KB, the caller waits for it',
    expect: { inference: 'real-time' },
  },
  {
    name: '60 secs per call',
    text: '60 secs per call worst case, 1 MB, steady stream from our web app',
    expect: { inference: 'real-time' },
  },
  {
    name: 'exactly 1 hour per job',
    text: 'each job runs exactly 1 hour, 200 MB inputs, results emailed',
    expect: { inference: 'async' },
  },
  {
    name: 'exactly 1 GB',
    text: 'inputs are 1 GB each, one-off requests, results whenever they are ready',
    expect: { inference: 'async' },
  },
  {
    name: '1GB, within an hour',
    text: 'inputs up to 1GB, need results within 1 hour',
    expect: { inference: 'async' },
  },
  {
    name: '2 GB scans is over async',
    text: 'ingest 2 GB CT scans, results in a few hours',
    expect: { inference: 'batch' },
  },
  {
    name: '3.9MB, few calls/day',
    text: 'payload 3.9MB, few calls/day, latency not critical',
    expect: { inference: 'serverless' },
  },
  {
    name: '10 MB but must answer in 2 s',
    text: 'response needed within 2 seconds, 10 MB payload',
    expect: { inference: 'async' },
  },
  // ---------------------------------------------------------------- traffic shapes
  {
    name: 'internal HR tool 20 times a day',
    text: 'internal HR tool, used maybe 20 times a day, 50KB requests, OK with a cold start',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'demo app, do not pay for idle',
    text: "Our demo app gets almost no traffic; small text inputs. We don't want to pay for idle instances.",
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'bursts with long idle gaps',
    text: 'unpredictable bursts of traffic with long idle gaps, 1 MB payloads, cold starts ok',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'CPU only, 10 requests an hour',
    text: 'model runs on CPU only, gets maybe 10 requests an hour, payload 20 KB',
    expect: { inference: 'serverless' },
  },
  {
    name: '500 concurrent is over serverless MaxConcurrency',
    text: 'up to 500 concurrent requests at peak, quiet otherwise, 100 KB payloads, cold starts fine',
    expect: { inference: 'real-time' },
  },
  {
    name: 'cold starts not acceptable, sporadic',
    text: 'sporadic use, 100 KB, but cold starts are not acceptable',
    expect: { inference: 'real-time' },
  },
  {
    name: 'negated real-time, 8 MB docs',
    text: 'it does NOT need to be real-time; 8 MB docs; ~100/day',
    expect: { inference: 'async' },
  },
  {
    name: 'no GPU, not latency sensitive, a few times per hour',
    text: 'no need for a GPU; not latency sensitive; tiny requests a few times per hour',
    expect: { inference: 'serverless' },
  },
  // ---------------------------------------------------------------- GPU mixed with traffic
  {
    name: 'GPU + intermittent + users wait',
    text: 'intermittent traffic, 2 MB images, needs a GPU (ml.g5), users wait for the result',
    expect: { inference: 'real-time' },
  },
  {
    name: 'GPU + sporadic + can wait + pay nothing idle',
    text: 'GPU model, sporadic requests, results can come later, we want to pay nothing when idle, 3 MB inputs',
    expect: { inference: 'async', scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'GPU real-time scale to zero at night',
    text: 'GPU model behind an API, users wait for answers; nights and weekends there is zero traffic and we want the endpoint to scale to zero, a few minutes to come back is acceptable',
    expect: { inference: 'real-time', scaling: ['target-tracking', 'step'] },
  },
  // ---------------------------------------------------------------- batch, and batch plus an API
  {
    name: 'weekly 50M rows from the data lake',
    text: 'we need to score 50M rows from our data lake once a week, nobody waits on it',
    expect: { inference: 'batch', scaling: [] },
  },
  {
    name: 'nightly orders parquet, precompute',
    text: "every night we pull yesterday's orders (about 3M rows, parquet in S3) and precompute recommendations",
    expect: { inference: 'batch', scaling: [] },
  },
  {
    name: 'monthly credit risk 800k accounts',
    text: 'monthly job: score every account for credit risk, ~800k accounts',
    expect: { inference: 'batch' },
  },
  {
    name: 'nightly catalog + live API for new items',
    text: 'We score the whole catalog nightly, but the product page also calls the model live for new items, responses <100ms, 2KB requests',
    expect: { inference: 'real-time' },
  },
  {
    name: 'nightly 20M records ready by 6am',
    text: 'nightly scoring of 20M records; the results must be ready by 6am',
    expect: { inference: 'batch', scaling: [] },
  },
  // ---------------------------------------------------------------- many models, chains
  {
    name: '~300 per-merchant xgboost models',
    text: '~300 per-merchant fraud models, all xgboost, each gets a few calls an hour, small payloads',
    expect: { inference: 'multi-model', scaling: ['target-tracking'] },
  },
  {
    name: '5 models, 3 frameworks, one endpoint',
    text: 'we have 5 models: a TF image model, a PyTorch text model, and 3 sklearn ones, want them on one endpoint to save cost',
    expect: { inference: 'multi-container' },
  },
  {
    name: 'tokenizer -> bert -> postprocessing containers',
    text: 'tokenizer container -> bert classifier -> postprocessing container, called synchronously',
    expect: { inference: 'multi-container' },
  },
  {
    name: 'chain of preprocessing containers',
    text: 'chain of preprocessing containers: feature scaling (sklearn) then the XGBoost model, served in real time',
    expect: { inference: 'multi-container' },
  },
  {
    name: 'one model per city, GPU',
    text: 'one model per city for 120 cities, same architecture, they run on GPU',
    expect: { inference: 'multi-model' },
  },
  {
    name: 'thousands of per-user models',
    text: 'thousands of small per-user models, same framework, users wait, payload small',
    expect: { inference: 'multi-model' },
  },
  {
    name: 'five NLP models in own containers, direct',
    text: 'Five different NLP models (HF transformers, spaCy and fastText) each in their own container, called independently, low traffic',
    expect: { inference: 'multi-container' },
  },
  // ---------------------------------------------------------------- compliance asides
  {
    name: 'HIPAA VPC aside, 25 MB DICOM',
    text: 'HIPAA workload, must run in our VPC with no internet access. 25 MB DICOM images, results within 10 minutes, ~1,000/day',
    expect: { inference: 'async', strategy: null, scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'KMS aside, card swipe <50ms',
    text: 'data must be encrypted with our own KMS key; fraud scoring at card swipe, <50ms, 24/7',
    expect: { inference: 'real-time', strategy: null, scaling: ['target-tracking'] },
  },
  {
    name: 'network isolation aside, nightly 5M rows',
    text: 'network isolation is required by security; nightly batch of 5M rows',
    expect: { inference: 'batch', strategy: null },
  },
  // ---------------------------------------------------------------- rollouts
  {
    name: 'instant rollback to v2',
    text: 'roll out v3 with the ability to instantly roll back to v2 if alarms fire',
    expect: { strategy: 'blue-green-all-at-once', inference: null },
  },
  {
    name: '5 percent first, then the rest',
    text: 'send 5 percent of traffic to the new model first, then the rest after 30 min if no alarms',
    expect: { strategy: 'canary' },
  },
  {
    name: 'shift 25% every 10 minutes',
    text: 'shift 25% of traffic every 10 minutes until the new model has all of it',
    expect: { strategy: 'linear' },
  },
  {
    name: 'increments of 10%',
    text: 'deploy the new model version in increments of 10%',
    expect: { strategy: 'linear' },
  },
  {
    name: 'canary the new version at 10%',
    text: 'can we canary the new version at 10%?',
    expect: { strategy: 'canary' },
  },
  {
    name: 'only 4 instances, cannot double the fleet',
    text: "we only have 4 instances and can't double the fleet during deploys",
    expect: { strategy: 'rolling' },
  },
  {
    name: 'GPU quota, no room for a second copy',
    text: 'our GPU fleet is at quota, there is no room to spin up a second copy of the endpoint when we update the model',
    expect: { strategy: 'rolling' },
  },
  {
    name: 'conversion rate new vs current',
    text: 'we want to see if the new model improves conversion rate vs the current one',
    expect: { strategy: 'ab-test' },
  },
  {
    name: '50/50 split revenue per session',
    text: '50/50 split between two model variants to measure revenue per session',
    expect: { strategy: 'ab-test' },
  },
  {
    name: 'mirror prod traffic, users only see current',
    text: "mirror prod traffic to the candidate model and compare outputs offline, users must only ever see the current model's answers",
    expect: { strategy: 'shadow' },
  },
  {
    name: 'dark launch',
    text: 'we want to dark launch the new model on our real-time endpoint first',
    expect: { strategy: 'shadow' },
  },
  {
    name: 'validate on live traffic w/o users seeing it',
    text: 'validate the v2 model on live traffic w/o users seeing it',
    expect: { strategy: 'shadow' },
  },
  {
    name: 'shadow not for multi-model',
    text: 'we host 200 per-tenant models on a multi-model endpoint and want to try the new version on real requests without affecting users',
    expect: { inference: 'multi-model', strategy: 'canary' },
  },
  {
    name: 'Inf1 falls back to all-at-once',
    text: 'we serve on inf1 instances and want a canary rollout of the new model',
    expect: { strategy: 'blue-green-all-at-once' },
  },
  {
    name: 'negated A/B, safe rollback',
    text: "we don't need A/B testing, just a safe rollout with automatic rollback",
    expect: { strategy: 'blue-green-all-at-once' },
  },
  {
    name: 'negated shadow, 10% first',
    text: 'no shadow testing needed, just shift 10% of traffic first and then the rest',
    expect: { strategy: 'canary' },
  },
  {
    name: 'codepipeline 10% bake 15 minutes',
    text: 'we deploy via codepipeline; want to send 10% of traffic to the new model, bake for 15 minutes, then 100%',
    expect: { strategy: 'canary', inference: null },
  },
  // ---------------------------------------------------------------- scaling
  {
    name: '9am office opening plus random bursts',
    text: 'real-time endpoint, traffic jumps every morning at 9am when the office opens, and there are random bursts too',
    expect: { inference: 'real-time', scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: 'Mondays 8-10am predictable peaks',
    text: 'traffic peaks Mondays 8-10am, very predictable; 200KB payloads; users wait',
    expect: { inference: 'real-time', scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: 'month-end close 5x',
    text: 'our real-time endpoint sees 5x traffic at month-end close every month, predictable',
    expect: { scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: 'async scale from zero when jobs arrive',
    text: 'async endpoint, should scale from zero when jobs arrive, 30 MB inputs',
    expect: { inference: 'async', scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'idle at night, scale to zero, 5 minutes, 10 MB',
    text: 'endpoint is idle at night and we want it to scale to zero; requests take 5 minutes and carry 10 MB',
    expect: { inference: 'async', scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'unpredictable spikes, real-time 1MB',
    text: 'unpredictable spikes, 1MB requests, users are waiting on the response',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    // Explicit alarm tiers are the step policy itself; adding target tracking was the precedence bug
    // issue 18 names ("explicit step tiers get target tracking added"), so this expectation changed.
    name: 'step thresholds by CPU',
    text: 'real-time endpoint: add 2 instances above 70% CPU and 5 above 90%, how do we set that up?',
    expect: { inference: 'real-time', scaling: ['step'] },
  },
  // ---------------------------------------------------------------- nothing to decide on
  {
    name: 'pipelines vs codepipeline',
    text: "what's the diff between sagemaker pipelines and codepipeline?",
    expect: { inference: null, strategy: null, scaling: null },
  },
  {
    name: 'rotate KMS key',
    text: 'how do I rotate the KMS key used by my endpoint?',
    expect: { inference: null, strategy: null, scaling: null },
  },
  {
    name: 'model registry approvals',
    text: 'tell me about model registry approvals',
    expect: { inference: null, strategy: null, scaling: null },
  },
  // ---------------------------------------------------------------- long paragraphs
  {
    name: 'long: radiology GPU, can wait, weekends idle, linear',
    text: `Hey team, quick q. We've got a PyTorch segmentation model that runs on a GPU (g5.xlarge). Radiologists upload
studies through the portal; each study is roughly 150 MB and inference takes around 4-6 mins. Nobody sits waiting: the
portal pings them when the result lands. Volume's small, maybe 80 studies on a busy day, zero on weekends, and finance keeps
asking why we pay for a GPU all weekend. Also, for updates we'd like to move traffic over gradually in equal chunks,
20% at a time.`,
    expect: { inference: 'async', strategy: 'linear', scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'long: search re-ranker, lunch and evening peaks, validate v2',
    text: `Context: ecommerce search re-ranker. Calls come from the website and must return within 50 ms. Traffic is
roughly flat overnight but every day around lunchtime and again at 7pm we get big predictable peaks, plus random viral
bursts. Payload is a list of ~100 product ids, so a few KB. We also need to validate v2 against real queries before it
serves anyone.`,
    expect: { inference: 'real-time', strategy: 'shadow', scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: 'long: bank nightly 12M accounts, VPC and KMS',
    text: `We're a bank. Every night at 1am a job exports all 12 million card accounts to S3 as CSV, and we need a risk
score per account before the branches open at 7am. Everything must stay inside our VPC with no internet access and data
encrypted with our own KMS keys. Nobody calls this interactively.`,
    expect: { inference: 'batch', strategy: null, scaling: [] },
  },
  {
    name: 'long: support ticket triage, many frameworks, canary',
    text: `We're consolidating our support-ticket models. Today there are four of them: a TensorFlow language-ID model,
a PyTorch intent classifier, an XGBoost priority model and a small sklearn spam filter, each on its own endpoint and
mostly idle. The helpdesk calls them synchronously when an agent opens a ticket, payloads are a few KB. We'd like one
endpoint for all of them, and when we ship a new intent model we want 10% of traffic on it first with automatic
rollback.`,
    expect: { inference: 'multi-container', strategy: 'canary' },
  },
  {
    name: 'long: podcast transcription, words and hours',
    text: `Podcast transcription service. Users upload episodes (typically forty to ninety MB of audio), and
transcription on a GPU takes somewhere between ten and twenty-five minutes. We email the transcript when it's done.
Uploads come in waves after big releases, otherwise it's pretty quiet, and we really don't want GPUs idling.`,
    expect: { inference: 'async', scaling: ['target-tracking', 'step'] },
  },
];

/**
 * Second and third blind batches: written after the first round of fixes, scored before any fix
 * aimed at them, to check that the fixes generalise.
 */
export const HELDOUT_LATER_CASES: Case[] = [
  {
    name: '~800KB audio clips, transcribe in <5s, user waiting',
    text: '~800KB audio clips, transcribe in <5s, user is waiting in the app, traffic pretty even thru the day',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: 'scanned contracts 30-40 MB, hour turnaround',
    text: 'scanned contracts are 30-40 MB, an hour turnaround is totally fine, maybe 60 a day',
    expect: { inference: 'async', scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'quarterly re-score of 40 million policies',
    text: 'quarterly we re-score all 40 million policies sitting in S3',
    expect: { inference: 'batch', scaling: [] },
  },
  {
    name: 'image gen 20-40s on GPU, user waits',
    text: 'image generation on A10G, each generation is 20-40 secs, the user watches a spinner until it is done, payload tiny',
    expect: { inference: 'real-time' },
  },
  {
    name: 'image gen 2-3 min on GPU, notify',
    text: 'Stable Diffusion upscaling, 2-3 minutes per image on GPU, we notify the user when it is ready, traffic comes and goes',
    expect: { inference: 'async' },
  },
  {
    name: 'slack bot classifier few msgs/hr',
    text: 'slack bot classifies maybe a dozen msgs an hour, each msg < 4 KB, cold starts fine',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: '7MB sync',
    text: 'the mobile app uploads 7MB photos and shows the result immediately',
    expect: { inference: 'async' },
  },
  {
    name: 'exactly 4 MB but GPU',
    text: 'exactly 4 MB requests, used twice an hour, runs on a GPU',
    expect: { inference: 'real-time' },
  },
  {
    name: '5.5 MB sporadic, can wait',
    text: '5.5 MB payloads, sporadic, results can arrive later via SNS',
    expect: { inference: 'async' },
  },
  {
    name: '3 MB, a few times a week, no hurry',
    text: '3 MB json, a few times a week, no hurry, pay per use please',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'takes 70 seconds',
    text: 'model inference takes 70 seconds per document, docs are 1 MB, we can poll for the output',
    expect: { inference: 'async' },
  },
  {
    name: 'forty minutes per video',
    text: 'forty minutes of processing per video, videos ~900 MB, results go back to S3',
    expect: { inference: 'async' },
  },
  {
    name: 'seventy-five minutes',
    text: 'each simulation request needs seventy-five minutes of compute, input 50 MB',
    expect: { inference: 'batch' },
  },
  {
    name: '1.5 GB inputs',
    text: 'each lidar sweep is 1.5 GB, turnaround a day is fine',
    expect: { inference: 'batch' },
  },
  {
    name: '200 tenant models one framework',
    text: 'we train a LightGBM model for each of our 200 clients and need to serve them all cheaply, requests are small, latency ~100ms',
    expect: { inference: 'multi-model' },
  },
  {
    name: 'preprocess + model + postprocess pipeline',
    text: 'we need a preprocessing step in sklearn, the TensorFlow model, then a postprocessing step, all in one call',
    expect: { inference: 'multi-container' },
  },
  {
    name: 'GDPR aside, tiny payload steady',
    text: 'GDPR applies so data stays in eu-west-1 inside our VPC; tiny payloads, steady 200 rps, answers within 100 ms',
    expect: { inference: 'real-time', strategy: null, scaling: ['target-tracking'] },
  },
  {
    name: 'bulk nightly plus daytime API',
    text: 'nightly we bulk score 5M leads, and during the day sales reps hit an API for single leads and wait for the score (small JSON)',
    expect: { inference: 'real-time' },
  },
  {
    name: 'canary 20 percent',
    text: 'route 20 percent of traffic to the new model for an hour, then everything if alarms stay quiet',
    expect: { strategy: 'canary' },
  },
  {
    name: 'linear 10 percent steps',
    text: 'move traffic to v2 in 10% steps every 5 minutes',
    expect: { strategy: 'linear' },
  },
  {
    name: 'rolling quota',
    text: 'we are at our ml.p4d instance quota so we cannot stand up a full second fleet for the update',
    expect: { strategy: 'rolling' },
  },
  {
    name: 'shadow compare offline',
    text: 'run the challenger next to the champion on production requests but only return the champion responses',
    expect: { strategy: 'shadow' },
  },
  {
    name: 'ab revenue',
    text: 'split users between the old and new pricing model and see which one earns more revenue',
    expect: { strategy: 'ab-test' },
  },
  {
    name: 'rollback fast',
    text: 'if the new version misbehaves we must be able to flip back in seconds',
    expect: { strategy: 'blue-green-all-at-once' },
  },
  {
    name: 'black friday',
    text: 'real-time endpoint; traffic is 10x on Black Friday and Cyber Monday, normal otherwise',
    expect: { scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: '8am-6pm weekdays, users wait',
    text: 'users only use it 8am-6pm on weekdays, 50 KB requests, they wait for the result, steady while open',
    expect: { inference: 'real-time', scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: 'async scale in to 0',
    text: '20 MB docs, answer in 15 minutes is ok, and the endpoint should scale in to 0 when there is no work',
    expect: { inference: 'async', scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'nothing to decide: IAM role',
    text: 'which IAM permissions does the SageMaker execution role need?',
    expect: { inference: null, strategy: null, scaling: null },
  },
  {
    name: 'nothing: what is neo',
    text: 'what does SageMaker Neo do exactly?',
    expect: { inference: null, strategy: null, scaling: null },
  },
  {
    name: 'long: churn daily + dashboard',
    text: `We run a churn model for a telco. Once a day, around 2am, we
need predictions for every one of our 6 million subscribers; the marketing dashboard reads them at 9am. There is no
interactive use at all. The data is a Parquet export in S3.`,
    expect: { inference: 'batch', scaling: [], strategy: null },
  },
  {
    name: 'long: OCR portal mixed',
    text: `Our OCR service gets scanned forms of about 2 to 3 MB from a web portal. People stare at the screen
until the extracted fields come back, usually within 3 seconds. Usage is bursty: quiet most of the day, then a rush when
a deadline approaches. We'd hate to keep instances running during the quiet hours, but cold starts would annoy people.`,
    expect: { inference: 'real-time' },
  },
  {
    name: 'mme gpu triton',
    text: 'hundreds of fine-tuned BERT variants, all PyTorch, GPU, want one endpoint, requests are small and synchronous',
    expect: { inference: 'multi-model' },
  },
  {
    name: '100k/day steady small',
    text: 'roughly 100k predictions/day spread evenly, 1 KB features, clients block on the call',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: '2 TB nightly',
    text: 'every night 2 TB of clickstream lands in S3 and needs scoring before morning',
    expect: { inference: 'batch', scaling: [] },
  },
  {
    name: 'not needed immediately, 45 seconds',
    text: 'results are not needed immediately; inference is ~45 seconds, input 9 MB PDFs',
    expect: { inference: 'async' },
  },
  {
    name: 'GPU not required, sporadic, 2MB',
    text: 'GPU not required. sporadic usage (a few calls per day), 2MB images, cold starts are acceptable',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'serverless with A/B',
    text: 'we run on a serverless endpoint with 1 MB payloads and sporadic traffic, and want to A/B test two models on conversion',
    expect: { inference: 'serverless', strategy: 'canary' },
  },
  {
    name: 'serverless low capacity',
    text: 'serverless endpoint, sporadic traffic, small payloads; we have little spare capacity for updates',
    expect: { inference: 'serverless', strategy: 'blue-green-all-at-once' },
  },
  {
    name: 'async with canary',
    text: 'async inference, 200 MB inputs, 10 minutes each; roll out new versions to a small slice of traffic first',
    expect: { inference: 'async', strategy: 'canary' },
  },
  {
    name: 'memory 16 GiB',
    text: 'the model needs 16 GiB of RAM, used a handful of times per day, payload 10 KB, cold start fine',
    expect: { inference: 'real-time' },
  },
  {
    name: 'real-time 250ms thousands per minute',
    text: 'thousands of requests per minute all day, p99 must be < 250 ms',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: 'tax season predictable',
    text: 'traffic grows 20x every year during tax season in April, known in advance; users wait for answers; 100 KB',
    expect: { inference: 'real-time', scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: '12 models 2 frameworks serial? no: direct',
    text: 'twelve models, some TensorFlow and some PyTorch, each called on its own, one endpoint to cut costs',
    expect: { inference: 'multi-container' },
  },
  {
    name: '5000 models sklearn',
    text: '5,000 scikit-learn models, one per store, loaded on demand, small requests',
    expect: { inference: 'multi-model' },
  },
  {
    name: 'under 6 MB open below',
    text: 'payloads under 6 MB, requests come in constantly, answers within 1 second',
    expect: { inference: 'real-time' },
  },
  {
    name: 'over 4 MB sporadic wait',
    text: 'payloads are a bit over 4 MB, sporadic, the caller waits',
    expect: { inference: 'real-time' },
  },
  {
    name: 'minutes words long',
    text: 'Each report takes between fifteen and twenty minutes to generate; users come back for it later. Inputs are small.',
    expect: { inference: 'async' },
  },
  {
    name: 'hours words over',
    text: 'a single protein folding request can run for three hours; inputs are tiny',
    expect: { inference: 'batch' },
  },
  {
    name: 'instant rollback words',
    text: 'we need a one-step cutover with automatic rollback when CloudWatch alarms trip',
    expect: { strategy: 'blue-green-all-at-once' },
  },
  {
    name: 'shadow 2 weeks',
    text: 'run the new fraud model in shadow mode for two weeks against production requests',
    expect: { strategy: 'shadow' },
  },
  {
    name: 'linear thirds',
    text: 'shift traffic in three equal steps of 33% with 10 minute bakes',
    expect: { strategy: 'linear' },
  },
  {
    name: 'nothing: explain cold start',
    text: 'can you explain what a cold start is?',
    expect: { strategy: null, scaling: null },
  },
];
