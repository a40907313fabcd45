/**
 * The dimensions answered only when the text asks about them: instance family, container approach,
 * orchestration, infrastructure as code, deployment target and edge. Most of these rest on the notes'
 * comparison tables rather than on limits, so their reasons cite facts only where a figure decides.
 */
import { LIMIT, shown } from './cite.ts';
import type { Workload } from './parse.ts';
import type { Cite, Recommendation } from './schema.ts';

type D<K extends keyof Recommendation> = Recommendation[K];
const cite = (text: string, ...facts: string[]): Cite => ({ text, facts });
const has = (w: Workload, re: RegExp): boolean => re.test(w.text);

export function decideInstance(w: Workload): D<'instance'> {
  const f = w.flags;
  const asked =
    f.has('ask-instance') ||
    f.has('elastic-inference') ||
    f.has('inferentia') ||
    (f.has('gpu') && f.has('cost'));
  if (!asked && !(w.gpu !== undefined && /\binstances?\b/.test(w.text))) return null;
  const known =
    w.gpu !== undefined ||
    f.has('cpu') ||
    f.has('inferentia') ||
    f.has('elastic-inference') ||
    f.has('big-dl');
  if (!known) return null;
  const inferentia = f.has('inferentia') || f.has('elastic-inference') || (w.gpu === true && f.has('cost'));
  const choice = inferentia ? 'inferentia' : w.gpu === true || f.has('big-dl') ? 'gpu' : 'cpu';
  const reasons: Cite[] = [];
  const assumptions: string[] = [];
  if (choice === 'inferentia') {
    reasons.push(
      cite(
        `Inferentia is built for inference: AWS claims ${shown('inferentia.cost')} (its Inf1 figure); Inf2 adds 4x the throughput of Inf1.`,
        'inferentia.cost',
      ),
    );
    reasons.push(
      cite(
        'Use Inf2: Inf1 endpoints fall back to all-at-once deployments with no baking period.',
        'guardrails.exclusions',
      ),
    );
    assumptions.push(
      'Assuming the AWS Neuron SDK supports your model; if not, a right-sized GPU instance (g5).',
    );
    if (f.has('elastic-inference'))
      reasons.push(
        cite('Elastic Inference, the old cheap-GPU answer, is retired.', 'elastic-inference.retired'),
      );
  } else if (choice === 'gpu') {
    reasons.push(
      cite(
        'Deep learning models at high throughput and low latency: g family (g5/g6) for inference, p family only for the largest models.',
      ),
    );
    reasons.push(cite('GPU rules out serverless inference, which has no GPUs.', 'serverless.no-gpu'));
  } else {
    reasons.push(
      cite(
        'Classic ML (XGBoost, scikit-learn, small models) runs cost-efficiently on CPU: c family compute-optimised, m general purpose, r memory-optimised.',
      ),
    );
  }
  const ruledOut = (['cpu', 'gpu', 'inferentia'] as const)
    .filter((o) => o !== choice)
    .map((o) => ({
      option: o,
      reason:
        o === 'cpu'
          ? 'Too slow per request for a deep learning model of this size.'
          : o === 'gpu'
            ? choice === 'inferentia'
              ? 'Costs more per inference than Inferentia for Neuron-supported models.'
              : 'Pays for accelerators a CPU model does not use.'
            : choice === 'gpu'
              ? 'Needs Neuron SDK support; pick it when cost per inference matters and the model compiles.'
              : 'An accelerator a small CPU model does not need.',
      facts: o === 'inferentia' ? ['inferentia.cost'] : [],
    }));
  return { choice, reasons, ruledOut, assumptions };
}

export function decideContainer(w: Workload): D<'container'> {
  if (!w.flags.has('ask-container')) return null;
  const byoc = has(
    w,
    /\b(byoc|bring your own (?:container|image)|unsupported framework|not supported|proprietary|c\+\+|rust|julia|(?:written |built )?in r\b|custom runtime|system (?:librar|dependenc|packages)|specific (?:os|system|native))/,
  );
  const script = has(
    w,
    /\b(script mode|entry ?point|custom (?:inference )?code|inference\.py|pre-?process\w*|post-?process\w*|own (?:inference |training )?script|custom (?:input|output) handling|model_fn|input_fn)/,
  );
  const noCustom = has(w, /\b(?:no|without|don'?t need) (?:any )?custom (?:code|logic|inference code)\b/);
  const choice = byoc ? 'byoc' : script && !noCustom ? 'script-mode' : 'prebuilt';
  const reasons: Cite[] = [];
  if (choice === 'byoc')
    reasons.push(
      cite(
        'A framework or native dependency the prebuilt images lack needs your own image in ECR, following the SageMaker contract (/opt/ml/model, port 8080, /invocations and /ping).',
      ),
    );
  if (choice === 'script-mode')
    reasons.push(
      cite(
        'Script mode keeps the prebuilt framework container and adds your own inference script (model_fn, input_fn, output_fn): far less to maintain than a custom image.',
      ),
    );
  if (choice === 'prebuilt')
    reasons.push(
      cite(
        'A standard framework (TensorFlow, PyTorch, scikit-learn, XGBoost) with built-in inference logic: use the prebuilt SageMaker image and its optimisations.',
      ),
    );
  const ruledOut = (['prebuilt', 'script-mode', 'byoc'] as const)
    .filter((o) => o !== choice)
    .map((o) => ({
      option: o,
      reason:
        o === 'byoc'
          ? 'A custom image means owning the web server, patches and the SageMaker container contract; not needed here.'
          : o === 'script-mode'
            ? choice === 'byoc'
              ? 'Script mode still needs a framework the prebuilt images support.'
              : 'No custom inference code to add.'
            : 'Built-in inference logic does not cover your custom code or dependencies.',
      facts: [],
    }));
  return { choice, reasons, ruledOut, assumptions: [] };
}

export function decideOrchestration(w: Workload): D<'orchestration'> {
  if (!w.flags.has('ask-orchestration')) return null;
  const choice = has(w, /\b(airflow|mwaa|dags?)\b/)
    ? 'mwaa'
    : has(w, /\b(kubeflow|kubernetes|k8s|eks)\b/)
      ? 'kubeflow'
      : has(w, /\b(mlflow|experiment tracking|multi[- ]cloud|hybrid)\b/)
        ? 'mlflow'
        : has(
              w,
              /\b(step functions?|state machines?|branching|parallel (?:branches|steps)|non-sagemaker|other aws services|glue|emr|visual workflow)\b/,
            )
          ? 'step-functions'
          : 'sagemaker-pipelines';
  const reasons: Cite[] = [];
  switch (choice) {
    case 'sagemaker-pipelines':
      reasons.push(
        cite(
          'SageMaker Pipelines runs train → evaluate → register → deploy as one DAG inside SageMaker, with lineage and step caching.',
        ),
      );
      reasons.push(
        cite(
          'A ConditionStep on the evaluation metrics registers the model only when it beats the threshold; a FailStep stops the run otherwise.',
        ),
      );
      if (w.flags.has('eventbridge') || /retrain/.test(w.text))
        reasons.push(cite('Start it from EventBridge when new data lands in S3 or on a schedule.'));
      break;
    case 'step-functions':
      reasons.push(
        cite(
          'Step Functions orchestrates SageMaker alongside other AWS services (Lambda, Glue, Batch) with branching, parallel states and a visual workflow.',
        ),
      );
      break;
    case 'mwaa':
      reasons.push(
        cite(
          'Amazon MWAA runs managed Apache Airflow: keep your DAGs and scheduling, and call SageMaker through its operators.',
        ),
      );
      break;
    case 'mlflow':
      reasons.push(
        cite(
          'MLflow is open source and tracks experiments and packages models across clouds; SageMaker offers managed MLflow.',
        ),
      );
      break;
    case 'kubeflow':
      reasons.push(
        cite(
          'Kubeflow Pipelines on EKS with SageMaker Components: keep Kubernetes control and run the heavy jobs on SageMaker (or use ACK operators with kubectl).',
        ),
      );
      break;
  }
  const ruledOut = (['sagemaker-pipelines', 'step-functions', 'mwaa', 'mlflow', 'kubeflow'] as const)
    .filter((o) => o !== choice)
    .map((o) => ({
      option: o,
      reason: {
        'sagemaker-pipelines':
          'SageMaker-only; your workflow reaches beyond it or already lives in another tool.',
        'step-functions':
          'General AWS orchestration; the SageMaker-native pipeline adds ML lineage and caching you would rebuild.',
        mwaa: 'Worth it when the team already writes Airflow DAGs.',
        mlflow: 'For experiment tracking across clouds; not needed to orchestrate this.',
        kubeflow: 'Needs a Kubernetes cluster to run and maintain.',
      }[o],
      facts: [],
    }));
  return { choice, reasons, ruledOut, assumptions: [] };
}

export function decideIac(w: Workload): D<'iac'> {
  if (!w.flags.has('ask-iac')) return null;
  const multiCloud = has(
    w,
    /\b(multi[- ]?cloud|hybrid|gcp|azure|other clouds?|several clouds|cloud[- ]agnostic)\b/,
  );
  const programming = has(
    w,
    /\b(typescript|python|java|c#|\.net|go(?:lang)?|programming languages?|loops|conditions|classes|reusable|constructs?|imperative|real code)\b/,
  );
  const declarative = has(w, /\b(declarative|yaml|json|templates?)\b/);
  const choice = has(w, /\bpulumi\b/)
    ? 'pulumi'
    : has(w, /\b(terraform|hcl)\b/)
      ? 'terraform'
      : multiCloud
        ? programming
          ? 'pulumi'
          : 'terraform'
        : declarative && !programming
          ? 'cloudformation'
          : has(w, /\b(cdk|cloud development kit)\b/) || programming
            ? 'cdk'
            : 'cloudformation';
  const text: Record<string, string> = {
    cloudformation:
      'CloudFormation: declarative JSON/YAML templates, AWS-native, for AWS-only stacks of simple to moderate complexity.',
    cdk: 'CDK: write the infrastructure in TypeScript or Python with loops and reusable constructs; it synthesises CloudFormation.',
    terraform: 'Terraform: declarative HCL across clouds, for multi-cloud or hybrid ML deployments.',
    pulumi: 'Pulumi: general-purpose languages across clouds, for complex logic in a multi-cloud setup.',
  };
  const why: Record<string, string> = {
    cloudformation: 'Declarative templates get awkward for logic and reuse.',
    cdk: 'AWS-only, and a programming layer you did not ask for.',
    terraform: 'Multi-cloud HCL; unnecessary for an AWS-only stack.',
    pulumi: 'Multi-cloud in code; unnecessary for an AWS-only stack.',
  };
  return {
    choice,
    reasons: [cite(text[choice] ?? choice)],
    ruledOut: (['cloudformation', 'cdk', 'terraform', 'pulumi'] as const)
      .filter((o) => o !== choice)
      .map((o) => ({ option: o, reason: why[o] ?? o, facts: [] })),
    assumptions: [],
  };
}

export function decideTarget(w: Workload): D<'target'> {
  if (!w.flags.has('ask-target')) return null;
  const lambdaTooSmall =
    (w.payload !== undefined && w.payload.high > LIMIT.lambdaPayload) ||
    (w.processing !== undefined && w.processing.high > LIMIT.lambdaTime) ||
    (w.memory !== undefined && w.memory.high > LIMIT.lambdaMemory) ||
    (w.modelSize !== undefined && w.modelSize.high > LIMIT.lambdaMemory) ||
    w.gpu === true;
  const wantsLambda =
    has(w, /\blambda\b/) &&
    (has(w, /\b(lightweight|tiny|small|simple|rule[- ]based|sklearn|scikit)\b/) || !lambdaTooSmall);
  const choice =
    wantsLambda && !lambdaTooSmall
      ? 'lambda'
      : has(
            w,
            /\b(eks|kubernetes|k8s|unmanaged|self[- ]managed|full control|custom (?:scheduling|configuration))\b/,
          )
        ? 'eks'
        : has(w, /\b(ecs|fargate)\b/)
          ? 'ecs'
          : 'sagemaker';
  const reasons: Cite[] = [];
  const lambdaFacts = ['lambda.memory.max', 'lambda.timeout.max', 'lambda.payload.sync'];
  if (choice === 'lambda') {
    reasons.push(
      cite(
        `A lightweight model fits Lambda: up to ${shown('lambda.memory.max')} memory, ${shown('lambda.timeout.max')} per call, ${shown('lambda.payload.sync')} synchronous payload; pay per use, with cold starts.`,
        ...lambdaFacts,
      ),
    );
  } else if (choice === 'eks') {
    reasons.push(
      cite(
        'EKS gives full control of scheduling and configuration for teams that run Kubernetes; you manage the cluster (EC2, ECS and Lambda are the other unmanaged targets).',
      ),
    );
  } else if (choice === 'ecs') {
    reasons.push(
      cite('ECS is managed container orchestration with good AWS integration, without Kubernetes to run.'),
    );
  } else {
    reasons.push(
      cite(
        'SageMaker endpoints are fully managed, with autoscaling, monitoring and deployment guardrails built in.',
      ),
    );
  }
  const ruledOut = (['sagemaker', 'eks', 'ecs', 'lambda'] as const)
    .filter((o) => o !== choice)
    .map((o) => {
      if (o === 'lambda') {
        return {
          option: o,
          reason: lambdaTooSmall
            ? `Beyond Lambda's limits (${shown('lambda.memory.max')}, ${shown('lambda.timeout.max')}, ${shown('lambda.payload.sync')}, no GPU).`
            : 'Limited run time and cold starts; suits only lightweight models.',
          facts: lambdaFacts,
        };
      }
      const r: Record<string, string> = {
        sagemaker: 'Less control over the runtime than you asked for.',
        eks: 'Running a Kubernetes cluster is overhead you did not ask for.',
        ecs: 'Managed containers without the ML features SageMaker hosting adds.',
      };
      return { option: o, reason: r[o] ?? o, facts: [] };
    });
  return { choice, reasons, ruledOut, assumptions: [] };
}

export function decideEdge(w: Workload): D<'edge'> {
  if (!w.flags.has('edge') && !w.flags.has('edge-manager')) return null;
  const optimise = has(
    w,
    /\b(optimi[sz]\w*|compil\w*|faster|smaller|footprint|latency|neo|quanti[sz]\w*|memory)\b/,
  );
  const fleet = has(
    w,
    /\b(fleet|manage|deploy\w* (?:to|across) (?:a |the |our |many |all )?(?:fleet|devices|cameras|sites)|greengrass|run (?:it )?locally|process\w* locally|thousands of devices|remote(?:ly)?|mqtt|update (?:the )?devices)\b/,
  );
  const namesNeo = has(w, /\bneo\b/);
  const namesGreengrass = has(w, /\bgreengrass\b/);
  // A service named outright is the question; otherwise the verbs decide (optimise vs run a fleet).
  const choice: ('neo' | 'greengrass')[] =
    namesNeo !== namesGreengrass
      ? [namesNeo ? 'neo' : 'greengrass']
      : optimise && !fleet
        ? ['neo']
        : fleet && !optimise
          ? ['greengrass']
          : ['neo', 'greengrass'];
  const reasons: Cite[] = [];
  if (choice.includes('neo')) {
    reasons.push(
      cite(
        'SageMaker Neo compiles the model for the target hardware (ARM, x86, NVIDIA Jetson), cutting footprint and latency; AWS gives no fixed speed-up figure, so measure yours.',
        'neo.speedup',
      ),
    );
  }
  if (choice.includes('greengrass')) {
    reasons.push(
      cite('AWS IoT Greengrass deploys and runs the model on device fleets and manages them remotely.'),
    );
  }
  reasons.push(
    cite('SageMaker Edge Manager, once the fleet manager, was discontinued.', 'edge-manager.retired'),
  );
  const ruledOut = (['neo', 'greengrass'] as const)
    .filter((o) => !choice.includes(o))
    .map((o) => ({
      option: o,
      reason:
        o === 'neo'
          ? 'You asked about running and managing devices, not optimising the model.'
          : 'You asked about optimising the model, not managing devices.',
      facts: [] as string[],
    }));
  return { choice, reasons, ruledOut, assumptions: [] };
}
