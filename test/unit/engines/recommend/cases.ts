/**
 * Scenarios with the answer a strong SageMaker engineer would give. `undefined` leaves a dimension
 * unchecked; `null` asserts the engine left it undecided.
 */
export interface Expect {
  inference?: string | null;
  strategy?: string | null;
  scaling?: string[] | null;
  instance?: string | null;
  container?: string | null;
  orchestration?: string | null;
  iac?: string | null;
  target?: string | null;
  edge?: string[] | null;
  retired?: string[];
  related?: string[];
  /** Question topics that must be asked. */
  asks?: string[];
  /** Fact ids that must be cited somewhere in the answer. */
  cites?: string[];
}

export interface Case {
  name: string;
  text: string;
  expect: Expect;
}

/** The notes' own tables and questions, corrected by shared/facts.md where the notes are wrong. */
export const NOTES_CASES: Case[] = [
  // 002 "Domain 3 — Exam Scenarios"
  {
    name: '002 live predictions, low latency',
    text: 'Live predictions, low latency',
    expect: { inference: 'real-time', strategy: null },
  },
  {
    name: '002 score 10M records overnight',
    text: 'Score 10M records overnight',
    expect: { inference: 'batch', scaling: [] },
  },
  {
    name: '002 infrequent, pay-per-use',
    text: 'Infrequent predictions, pay-per-use',
    expect: { inference: 'serverless' },
  },
  {
    name: '002 500 MB documents',
    text: 'Large document inference, 500MB payload',
    expect: { inference: 'async', cites: ['realtime.payload.max', 'async.payload.max'] },
  },
  {
    name: '002 1000 customer-specific models',
    text: '1000 customer-specific models, cost-efficient',
    expect: { inference: 'multi-model', cites: ['mme.framework'] },
  },
  {
    name: '002 test without user impact',
    text: 'Test new model without user impact',
    expect: { strategy: 'shadow', inference: null },
  },
  {
    name: '002 gradually shift traffic',
    text: 'Gradually shift traffic to new model',
    expect: { strategy: 'canary' },
  },
  {
    name: '002 automate train-evaluate-deploy',
    text: 'Automate train → evaluate → deploy pipeline',
    expect: { orchestration: 'sagemaker-pipelines', inference: null },
  },
  {
    name: '002 retrain when data lands in S3',
    text: 'Trigger retraining when new data arrives in S3',
    expect: { orchestration: 'sagemaker-pipelines', related: ['eventbridge'] },
  },
  {
    name: '002 optimise for edge device',
    text: 'Optimise model for edge device',
    expect: { edge: ['neo'], inference: null },
  },
  {
    name: '002 cheapest GPU option (Elastic Inference is retired)',
    text: 'Cheapest GPU option for inference',
    expect: {
      instance: 'inferentia',
      retired: ['elastic-inference'],
      cites: ['elastic-inference.retired', 'inferentia.cost'],
    },
  },
  {
    name: '002 best instance type',
    text: 'Find best instance type for inference',
    expect: { related: ['inference-recommender'], cites: ['inference-recommender.default'] },
  },
  {
    name: '002 version control + approval',
    text: 'Version control + approval for models',
    expect: { related: ['model-registry'] },
  },
  {
    name: '002 reuse unchanged steps',
    text: 'Reuse unchanged pipeline steps',
    expect: { related: ['pipeline-caching'], orchestration: 'sagemaker-pipelines' },
  },
  {
    name: '002 CI/CD for ML',
    text: 'CI/CD for ML on AWS',
    expect: { orchestration: 'sagemaker-pipelines', related: ['codepipeline'] },
  },
  // 003 practice questions
  {
    name: '003 Q1 nightly 10 million records',
    text: 'A company needs to generate predictions for 10 million customer records every night for a marketing campaign. The predictions are not time-sensitive. Which SageMaker deployment option is most cost-effective?',
    expect: { inference: 'batch', cites: ['batch.no-endpoint'] },
  },
  {
    name: '003 Q2 5% to the new model, then gradually more',
    text: 'A team wants to deploy a new version of their fraud detection model alongside the current production model, sending 5% of traffic to the new model. If the new model performs well, they will gradually increase its traffic share. Which SageMaker feature should they use?',
    expect: { strategy: 'canary', cites: ['abtest.weights', 'bluegreen.canary.max'] },
  },
  {
    name: '003 Q3 data drift (Model Monitor closed to new customers)',
    text: 'A deployed ML model starts producing inaccurate predictions after several months. Investigation reveals that the distribution of incoming customer data has shifted significantly from the training data. Which SageMaker feature would have detected this issue earliest?',
    expect: { retired: ['model-monitor'], cites: ['model-monitor.types'] },
  },
  {
    name: '003 Q4 no public internet, customer-managed keys',
    text: 'A financial services company requires that ML training data and model artifacts never traverse the public internet, and all data must be encrypted with customer-managed KMS keys. What configuration is needed?',
    expect: { related: ['vpc-endpoints', 'kms'], inference: null },
  },
  {
    name: '003 Q5 weekday 9 AM spikes',
    text: 'A SageMaker real-time endpoint experiences traffic spikes every weekday at 9 AM. The current scaling policy reacts too slowly, causing timeouts during the spike. What should the team do?',
    expect: { inference: 'real-time', scaling: ['scheduled', 'target-tracking'], strategy: null },
  },
  // 004 worked example and checkpoint questions
  {
    name: '004 satellite imagery, 500 MB, 5 minutes each (serverless is 4 MB, not 30 MB)',
    text: 'A startup needs to process high-resolution satellite imagery. Each image takes 5 minutes to process and the payload is 500MB. They want to minimize costs when there are no images to process.',
    expect: {
      inference: 'async',
      scaling: ['target-tracking', 'step'],
      cites: ['serverless.payload.max', 'realtime.timeout', 'async.scale-to-zero'],
    },
  },
  {
    name: '004 Neo for an IoT doorbell',
    text: 'What is the primary advantage of using Amazon SageMaker Neo for a model deployed on an IoT doorbell?',
    expect: { edge: ['neo'], cites: ['neo.speedup'] },
  },
  {
    name: '004 fixed increments',
    text: 'Which SageMaker deployment strategy shifts traffic in fixed increments (e.g., 10% every 5 minutes)?',
    expect: { strategy: 'linear', inference: null },
  },
  {
    name: '004 constant sub-10ms latency is not serverless',
    text: 'True or False: Serverless Inference is the best choice for a model that requires constant, sub-10ms latency.',
    expect: { inference: 'real-time' },
  },
  // 000 self-check questions
  {
    name: '000 Q1 insurance claims, 20 MB, within 30 minutes',
    text: 'A company processes insurance claims by analyzing uploaded document images (average 20 MB). They need results within 30 minutes and process about 500 claims per day during business hours. Which endpoint type should they use, and how should they configure scaling?',
    expect: {
      inference: 'async',
      scaling: ['target-tracking', 'step'],
      cites: ['realtime.payload.max', 'serverless.payload.max'],
    },
  },
  {
    name: '000 Q2 safer strategy with instant rollback',
    text: 'A team has a CodePipeline that trains a model, evaluates it, and deploys to a SageMaker endpoint. Currently deployment is all-at-once. After a bad deployment caused a 2-hour outage, they need a safer strategy with instant rollback. What changes should they make?',
    expect: { strategy: 'blue-green-all-at-once', inference: null, cites: ['bluegreen.default'] },
  },
  {
    name: '000 Q3 tests between training and deployment',
    text: 'An ML pipeline automatically retrains weekly and deploys the new model. Describe the minimum set of automated tests that should exist between training and deployment to prevent deploying a degraded model.',
    expect: { orchestration: 'sagemaker-pipelines', related: ['quality-gates'], inference: null },
  },
];

/** Our own scenarios: short chat messages and long paragraphs, in the words people actually use. */
export const OWN_CASES: Case[] = [
  // Near-threshold pairs: the figure decides.
  {
    name: '3.9 MB intermittent → serverless',
    text: 'payloads around 3.9 MB, traffic is intermittent, a few hundred calls a day',
    expect: { inference: 'serverless' },
  },
  {
    name: '4.1 MB intermittent → not serverless',
    text: 'payloads around 4.1 MB, traffic is intermittent, a few hundred calls a day',
    expect: { inference: 'real-time' },
  },
  {
    name: '4.1 MB intermittent, can wait → async',
    text: 'payloads around 4.1 MB, traffic is intermittent, nobody waits for the answer, results can come later',
    expect: { inference: 'async' },
  },
  {
    name: '5.9 MB synchronous → real-time',
    text: 'user uploads a 5.9 MB photo and waits for the answer in the app',
    expect: { inference: 'real-time' },
  },
  {
    name: '6 MB exactly is within the real-time limit',
    text: 'requests are 6 MB, answer needed right away, steady traffic',
    expect: { inference: 'real-time' },
  },
  {
    name: '6.5 MB synchronous → async with explanation',
    text: 'requests are 6.5 MB and the user waits for the answer',
    expect: { inference: 'async', cites: ['realtime.payload.max'] },
  },
  {
    name: '59 s processing → real-time',
    text: 'each request takes 59 seconds of processing, 2 MB inputs, steady traffic from our API',
    expect: { inference: 'real-time' },
  },
  {
    name: '61 s processing → async',
    text: 'each request takes 61 seconds of processing, 2 MB inputs, steady traffic from our API',
    expect: { inference: 'async', cites: ['realtime.timeout'] },
  },
  {
    name: '55 minutes per job → async',
    text: 'each video takes about 55 minutes to process, 300 MB files, a few per day',
    expect: { inference: 'async', cites: ['async.timeout.default'] },
  },
  {
    name: '65 minutes per job → batch',
    text: 'each video takes about 65 minutes to process, 300 MB files, a few per day',
    expect: { inference: 'batch', cites: ['async.timeout.max'] },
  },
  {
    name: '0.9 GB → async',
    text: 'inputs are 0.9 GB point clouds, results within an hour is fine',
    expect: { inference: 'async' },
  },
  {
    name: '1.2 GB → batch',
    text: 'inputs are 1.2 GB point clouds, results within a few hours is fine',
    expect: { inference: 'batch', cites: ['async.payload.max'] },
  },
  {
    name: 'range 2-5 MB spans the serverless limit',
    text: 'payloads 2-5 MB, sporadic traffic, fine with cold starts',
    expect: { inference: 'real-time' },
  },
  {
    name: 'under 4 MB sporadic',
    text: 'payloads are under 4 MB, sporadic usage, cold starts are fine',
    expect: { inference: 'serverless' },
  },
  {
    name: 'over 6 MB',
    text: 'some requests are over 6 MB, the client can wait a few minutes',
    expect: { inference: 'async' },
  },
  {
    name: 'KB payloads with comma volume',
    text: '10,000 requests per second, 2 KB JSON, p99 under 50 ms',
    expect: { inference: 'real-time', scaling: ['target-tracking'] },
  },
  {
    name: 'MiB unit',
    text: 'request body is 8 MiB, processed asynchronously',
    expect: { inference: 'async' },
  },
  // Latency and wording.
  {
    name: 'half an hour in words',
    text: 'we get 30 MB scans, an answer within half an hour is fine',
    expect: { inference: 'async' },
  },
  {
    name: 'a few seconds in words',
    text: 'small JSON payloads, the model answers in a few seconds, steady traffic all day',
    expect: { inference: 'real-time' },
  },
  {
    name: 'by morning → batch',
    text: 'we need scores for all customers by morning, about 2 million rows in S3',
    expect: { inference: 'batch' },
  },
  {
    name: 'does not need to be real time',
    text: "doesn't need to be real time, 12 MB audio files, maybe 50 a day",
    expect: { inference: 'async' },
  },
  {
    name: 'not latency sensitive, small, quiet',
    text: 'not latency sensitive, 100 KB payloads, a handful of requests per hour',
    expect: { inference: 'serverless' },
  },
  {
    name: 'cannot wait',
    text: "the caller can't wait, 1 MB payload, steady traffic",
    expect: { inference: 'real-time' },
  },
  {
    name: 'chatbot',
    text: 'chatbot that classifies intents, tiny text payloads, constant traffic',
    expect: { inference: 'real-time' },
  },
  {
    name: 'fraud detection at checkout',
    text: 'fraud scoring at checkout, must respond in 100 ms, 24/7 traffic',
    expect: { inference: 'real-time' },
  },
  {
    name: 'interactive but cold starts bad',
    text: 'internal tool, used a few times a day, but no cold starts allowed, 50 KB requests',
    expect: { inference: 'real-time' },
  },
  {
    name: 'dev test environment',
    text: 'dev/test endpoint for a proof of concept, barely used',
    expect: { inference: 'serverless' },
  },
  {
    name: 'spiky small no strict latency',
    text: 'spiky unpredictable traffic, 200 KB payloads, a second or two of extra latency is fine',
    expect: { inference: 'serverless' },
  },
  // GPU.
  {
    name: 'GPU rules out serverless',
    text: 'intermittent traffic, 1 MB images, the model needs a GPU',
    expect: { inference: 'real-time', cites: ['serverless.no-gpu'] },
  },
  {
    name: 'no GPU keeps serverless',
    text: 'no GPU needed, sporadic calls, 500 KB payloads',
    expect: { inference: 'serverless' },
  },
  {
    name: 'LLM can wait, idle → async',
    text: 'LLM summarisation of long reports, takes about 3 minutes per report, idle most of the day, results emailed when done',
    expect: { inference: 'async' },
  },
  {
    name: 'GPU memory over serverless',
    text: 'model needs 8 GB of memory, a few requests a day, 1 MB payloads',
    expect: { inference: 'real-time', cites: ['serverless.memory.max'] },
  },
  // Batch.
  {
    name: 'weekly churn scoring',
    text: 'Every Sunday we score all 3 million customers for churn; the output goes to a dashboard on Monday.',
    expect: { inference: 'batch', scaling: [] },
  },
  {
    name: 'nightly CSV in S3',
    text: 'nightly job over CSV files in S3, 40 GB total',
    expect: { inference: 'batch' },
  },
  {
    name: 'backfill',
    text: 'backfill predictions for five years of transactions',
    expect: { inference: 'batch' },
  },
  // Multi-model / multi-container.
  {
    name: 'per-tenant models same framework',
    text: 'We have one XGBoost model per customer, about 400 tenants, all the same framework, low latency API',
    expect: { inference: 'multi-model' },
  },
  {
    name: 'hundreds of models',
    text: 'hundreds of small sklearn models, one per store, most are rarely called',
    expect: { inference: 'multi-model' },
  },
  {
    name: 'different frameworks',
    text: 'three models in different frameworks (TensorFlow, PyTorch and XGBoost) behind one endpoint',
    expect: { inference: 'multi-container', cites: ['mce.containers.max'] },
  },
  {
    name: 'pre/post-processing in separate containers',
    text: 'preprocessing in scikit-learn, then an XGBoost model, then postprocessing, each in its own container',
    expect: { inference: 'multi-container' },
  },
  {
    name: 'inference pipeline',
    text: 'we need an inference pipeline: feature transformation container followed by a model container, real-time',
    expect: { inference: 'multi-container' },
  },
  {
    name: '20 containers over the limit',
    text: 'chain of 20 containers for one request',
    expect: { inference: 'real-time', cites: ['mce.containers.max'] },
  },
  {
    name: 'models=200 hint',
    text: 'models=200 framework=same latency=100ms',
    expect: { inference: 'multi-model' },
  },
  // Hints.
  {
    name: 'issue hint example',
    text: 'payload=20MB latency=30m traffic=spiky',
    expect: { inference: 'async' },
  },
  { name: 'hint processing long', text: 'payload=2MB processing=5m', expect: { inference: 'async' } },
  { name: 'hint nightly', text: 'traffic=nightly payload=50MB', expect: { inference: 'batch' } },
  {
    name: 'hint gpu=no intermittent',
    text: 'payload=1MB traffic=intermittent gpu=no',
    expect: { inference: 'serverless' },
  },
  // Rollouts.
  {
    name: 'canary 10%',
    text: 'deploying v2 of our recommender on a real-time endpoint; send 10% of traffic first and roll back automatically if error alarms fire',
    expect: { strategy: 'canary' },
  },
  {
    name: 'linear 20% steps',
    text: 'roll out the new model in equal steps of 20% with a bake time between steps',
    expect: { strategy: 'linear' },
  },
  {
    name: 'rolling little capacity',
    text: 'we run 40 GPU instances and have little spare capacity; how do we update the model?',
    expect: { strategy: 'rolling' },
  },
  {
    name: 'rolling not for serverless',
    text: 'serverless endpoint, we want to update the model but have limited capacity, payloads 1 MB, intermittent traffic',
    expect: { inference: 'serverless', strategy: 'blue-green-all-at-once' },
  },
  {
    name: 'shadow on live traffic',
    text: 'we want to validate the new model on live traffic before any users see its predictions',
    expect: { strategy: 'shadow' },
  },
  {
    name: 'shadow not for async',
    text: 'async endpoint with 100 MB payloads; test the new model on real traffic without user impact',
    expect: { inference: 'async', strategy: 'canary', cites: ['shadow.duration.max'] },
  },
  {
    name: 'A/B business metrics',
    text: 'compare click-through rate of two ranking models with real users',
    expect: { strategy: 'ab-test', cites: ['abtest.weights'] },
  },
  {
    name: 'zero downtime instant rollback',
    text: 'critical model, zero downtime, need instant rollback when we release a new version',
    expect: { strategy: 'blue-green-all-at-once' },
  },
  {
    name: 'new version, no preference → asks',
    text: 'we are shipping a new model version next week',
    expect: { strategy: 'blue-green-all-at-once', asks: ['rollout'] },
  },
  // Scaling.
  {
    name: 'Black Friday peak',
    text: 'real-time endpoint, traffic triples on Black Friday and otherwise varies',
    expect: { scaling: ['scheduled', 'target-tracking'] },
  },
  {
    name: 'step for finer control',
    text: 'real-time endpoint, we want finer control with different thresholds for scaling',
    expect: { scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'serverless needs no policy',
    text: 'serverless inference for a demo, how should we configure auto scaling?',
    expect: { inference: 'serverless', scaling: [] },
  },
  {
    name: 'business hours real-time',
    text: 'steady traffic during business hours only, 500 KB requests, users wait for answers',
    expect: { inference: 'real-time', scaling: ['scheduled', 'target-tracking'] },
  },
  // Extras.
  {
    name: 'Terraform multi-cloud',
    text: 'we deploy to AWS and GCP, which infrastructure as code tool should we use?',
    expect: { iac: 'terraform' },
  },
  {
    name: 'CDK in TypeScript',
    text: 'our team writes TypeScript and wants reusable constructs for SageMaker infrastructure as code',
    expect: { iac: 'cdk' },
  },
  {
    name: 'CloudFormation YAML',
    text: 'AWS-only, simple stack, we like declarative YAML templates - CloudFormation or CDK?',
    expect: { iac: 'cloudformation' },
  },
  {
    name: 'BYOC for C++',
    text: 'our model needs a proprietary C++ library for feature engineering; which container approach?',
    expect: { container: 'byoc' },
  },
  {
    name: 'script mode',
    text: 'PyTorch model with custom preprocessing in our own inference script, which container?',
    expect: { container: 'script-mode' },
  },
  {
    name: 'prebuilt',
    text: 'standard TensorFlow model, no custom code, which container image should we use?',
    expect: { container: 'prebuilt' },
  },
  {
    name: 'Airflow team',
    text: 'our data team already runs Airflow DAGs; how do we orchestrate training and deployment?',
    expect: { orchestration: 'mwaa' },
  },
  {
    name: 'Step Functions',
    text: 'orchestrate a workflow with Glue, Lambda and SageMaker steps with branching',
    expect: { orchestration: 'step-functions' },
  },
  {
    name: 'Kubeflow',
    text: 'we run everything on Kubernetes (EKS) and want ML workflows there',
    expect: { orchestration: 'kubeflow' },
  },
  {
    name: 'Lambda for tiny model',
    text: 'tiny scikit-learn model, 10 KB requests; can we run it in Lambda?',
    expect: { target: 'lambda' },
  },
  {
    name: 'Lambda too small',
    text: 'can we run our 20 GB model in Lambda? requests take 30 minutes',
    expect: { target: 'sagemaker', cites: ['lambda.memory.max'] },
  },
  {
    name: 'Inferentia',
    text: 'large transformer model, high throughput, lowest cost per inference: GPU or Inferentia instances?',
    expect: { instance: 'inferentia' },
  },
  {
    name: 'CPU instance',
    text: 'XGBoost on tabular data, which instance family?',
    expect: { instance: 'cpu' },
  },
  {
    name: 'Greengrass fleet',
    text: 'deploy and manage the model across a fleet of 5,000 factory cameras',
    expect: { edge: ['greengrass'] },
  },
  {
    name: 'Edge Manager retired',
    text: 'should we use SageMaker Edge Manager for our devices?',
    expect: { retired: ['edge-manager'], cites: ['edge-manager.retired'] },
  },
  {
    name: 'Elastic Inference asked',
    text: 'can we attach Elastic Inference to save money on GPU?',
    expect: { retired: ['elastic-inference'], instance: 'inferentia' },
  },
  // Missing facts → questions.
  {
    name: 'traffic only → asks payload',
    text: 'we get a few requests an hour and want to pay only when used',
    expect: { inference: 'serverless', asks: ['payload', 'processing'] },
  },
  {
    name: 'payload only → asks latency',
    text: '15 MB files',
    expect: { inference: 'async', asks: ['latency'] },
  },
  {
    name: 'empty-ish',
    text: 'hello',
    expect: { inference: null, strategy: null, scaling: null, asks: ['workload'] },
  },
  {
    name: 'media length is not processing time',
    text: 'We need to transcribe 2-hour audio recordings, about 200 MB each, results by the next day',
    expect: { inference: 'async' },
  },
  {
    name: 'three adjectives before "models"',
    text: 'We host 50 regional demand forecasting models, all XGBoost, called a few times an hour each',
    expect: { inference: 'multi-model' },
  },
  {
    name: 'camera frames sent to the cloud are not edge',
    text: 'GPU object detection on 2 MB camera frames, 30 requests per second around the clock',
    expect: { inference: 'real-time', edge: null },
  },
  {
    name: '2 GB video is over async',
    text: 'Video analytics: 2 GB video files uploaded by customers, each processed in 20 minutes on GPU',
    expect: { inference: 'batch' },
  },
  // Long paragraph.
  {
    name: 'long paragraph: claims triage',
    text: `Hi all - we're building a claims triage model. Adjusters upload PDFs (usually 8-12 MB, sometimes up to 40 MB) through our portal,
and the model extracts fields and scores fraud risk. Processing takes 2-4 minutes per document on a GPU. Adjusters don't need the
result immediately; a notification within 20 minutes is fine. Volume is roughly 2,000 documents a day, mostly 8am-6pm on weekdays,
and nothing at night. We'd like not to pay for GPUs overnight. Also, how should we roll out new versions safely? We'd want to send
a small slice first and roll back automatically if CloudWatch alarms fire.`,
    expect: { inference: 'async', strategy: 'canary', scaling: ['target-tracking', 'step'] },
  },
  {
    name: 'long paragraph: recommendations API',
    text: `Our product recommendations API serves the web shop. Requests are small JSON (under 10 KB), traffic is steady around
1,500 requests per second with a big predictable peak every evening at 8 pm. p99 latency must stay under 80 ms. We want to test
a new ranking model on real traffic without users seeing its results before we switch.`,
    expect: { inference: 'real-time', strategy: 'shadow', scaling: ['scheduled', 'target-tracking'] },
  },
  // Classes first seen on the 2026-12-b blind set, in other words than its cases.
  {
    name: 'decimal comma and "24 hours 7 days" read as a payload and steady traffic',
    text: 'Our model check welds on photos. One photo is 1,5 MB. Answer must come under 1 second, line runs 24 hours 7 days.',
    expect: { inference: 'real-time' },
  },
  {
    name: 'a finished shadow test period is not processing time',
    text: 'we did a shadow test for three weeks, all good. now serving: 20KB requests, p99 has to be 80ms, steady',
    expect: { inference: 'real-time' },
  },
  {
    name: 'the training run length is not the inference time',
    text: 'the training job takes 3h every sunday. inference is ~2 s per 500 KB request, called by our web app all day',
    expect: { inference: 'real-time' },
  },
  {
    name: 'users who never wait on a GPU job: async, not real-time',
    text: 'video upscaler, needs a GPU, ~20s per clip, 50 requests a day, tiny payload. users do not wait, results land in their library',
    expect: { inference: 'async' },
  },
  {
    name: 'steps said as "then 40, then 70"',
    text: 'move 10% to the new model, then 40, then 70, then 100, with a bake between',
    expect: { strategy: 'linear' },
  },
  {
    name: 'no budget for a second fleet: rolling',
    text: 'Our endpoint runs 30 instances and management will not approve a second 30 for a deploy.',
    expect: { strategy: 'rolling' },
  },
  {
    name: 'validate on live traffic before its outputs are used: shadow',
    text: 'We want to see how the new scorer performs on live traffic for two weeks, without any customer getting its predictions.',
    expect: { strategy: 'shadow' },
  },
  {
    name: 'custom CUDA ops make the instance a GPU',
    text: 'the detector relies on a custom CUDA op for NMS; traffic is steady, 30KB images',
    expect: { instance: 'gpu' },
  },
  {
    name: 'container: defaults fine, entry point script, apt dependencies',
    text: 'PyTorch model, the prebuilt container defaults are fine for us',
    expect: { container: 'prebuilt' },
  },
  {
    name: 'container: our own entry_point and requirements.txt',
    text: 'prebuilt sklearn container, but we want to give it our own entry_point script',
    expect: { container: 'script-mode' },
  },
  {
    name: 'hourly calls "a day" are a rate',
    text: 'a couple of 20KB calls a day to our serverless endpoint',
    expect: { inference: 'serverless', scaling: [] },
  },
];
