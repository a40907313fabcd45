/**
 * The names the recommendation uses for each option. Plain constants, apart from the zod schema in
 * schema.ts, so the engine can use them without pulling zod into the Lambda bundles.
 */
export const INFERENCE_OPTIONS = [
  'real-time',
  'serverless',
  'async',
  'batch',
  'multi-model',
  'multi-container',
] as const;
export const STRATEGY_OPTIONS = [
  'blue-green-all-at-once',
  'canary',
  'linear',
  'rolling',
  'shadow',
  'ab-test',
] as const;
export const SCALING_OPTIONS = ['scheduled', 'target-tracking', 'step'] as const;
export const INSTANCE_OPTIONS = ['cpu', 'gpu', 'inferentia'] as const;
export const CONTAINER_OPTIONS = ['prebuilt', 'script-mode', 'byoc'] as const;
export const ORCHESTRATION_OPTIONS = [
  'sagemaker-pipelines',
  'step-functions',
  'mwaa',
  'mlflow',
  'kubeflow',
] as const;
export const IAC_OPTIONS = ['cloudformation', 'cdk', 'terraform', 'pulumi'] as const;
export const TARGET_OPTIONS = ['sagemaker', 'eks', 'ecs', 'lambda'] as const;
export const EDGE_OPTIONS = ['neo', 'greengrass'] as const;
export const RETIRED_SERVICES = ['elastic-inference', 'edge-manager', 'model-monitor'] as const;
export const RELATED_SERVICES = [
  'inference-recommender',
  'model-registry',
  'pipeline-caching',
  'eventbridge',
  'codepipeline',
  'vpc-endpoints',
  'kms',
  'network-isolation',
  'quality-gates',
] as const;
export const QUESTION_TOPICS = [
  'workload',
  'payload',
  'processing',
  'latency',
  'traffic',
  'models',
  'rollout',
  'gpu',
] as const;
export const PATTERNS = ['steady', 'spiky', 'intermittent', 'batch', 'peaks', 'business-hours'] as const;
/** The dimensions of a recommendation, in the order an answer lists them. */
export const DIMENSIONS = [
  'inference',
  'strategy',
  'scaling',
  'instance',
  'container',
  'orchestration',
  'iac',
  'target',
  'edge',
] as const;
