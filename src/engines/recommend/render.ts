/**
 * Platform-neutral rendering of a Recommendation: a title, a one-line summary and short sections
 * that the Slack and Discord adapters turn into Block Kit or embeds, and the CLI prints as text.
 */
import type { Recommendation } from './schema.ts';

export interface RenderedAnswer {
  title: string;
  summary: string;
  sections: { heading: string; lines: string[] }[];
}

const NAMES: Record<string, string> = {
  'real-time': 'Real-time endpoint',
  serverless: 'Serverless inference',
  async: 'Asynchronous inference',
  batch: 'Batch transform',
  'multi-model': 'Multi-model endpoint',
  'multi-container': 'Multi-container endpoint',
  'blue-green-all-at-once': 'Blue/green, all at once',
  canary: 'Blue/green canary',
  linear: 'Blue/green linear',
  rolling: 'Rolling deployment',
  shadow: 'Shadow test',
  'ab-test': 'A/B test with production variants',
  'target-tracking': 'target tracking',
  step: 'step scaling',
  scheduled: 'scheduled scaling',
  cpu: 'CPU instances (c/m/r)',
  gpu: 'GPU instances (g5/g6)',
  inferentia: 'Inferentia (inf2)',
  prebuilt: 'Prebuilt SageMaker container',
  'script-mode': 'Script mode',
  byoc: 'Bring your own container',
  'sagemaker-pipelines': 'SageMaker Pipelines',
  'step-functions': 'AWS Step Functions',
  mwaa: 'Amazon MWAA (Airflow)',
  mlflow: 'MLflow',
  kubeflow: 'Kubeflow on EKS',
  cloudformation: 'CloudFormation',
  cdk: 'AWS CDK',
  terraform: 'Terraform',
  pulumi: 'Pulumi',
  sagemaker: 'SageMaker endpoints',
  eks: 'Amazon EKS',
  ecs: 'Amazon ECS',
  lambda: 'AWS Lambda',
  neo: 'SageMaker Neo',
  greengrass: 'AWS IoT Greengrass',
  'elastic-inference': 'Elastic Inference',
  'edge-manager': 'SageMaker Edge Manager',
  'model-monitor': 'SageMaker Model Monitor',
};

export function optionName(o: string): string {
  return NAMES[o] ?? o;
}

type AnyDecision = {
  choice: string | string[];
  reasons: { text: string }[];
  ruledOut: { option: string; reason: string }[];
  assumptions: string[];
};

function decisionSection(
  heading: string,
  d: AnyDecision,
  withRuledOut = true,
): { heading: string; lines: string[] } {
  const choice = Array.isArray(d.choice)
    ? d.choice.length
      ? d.choice.map(optionName).join(' + ')
      : 'no policy needed'
    : optionName(d.choice);
  const lines = d.reasons.map((r) => `• ${r.text}`);
  if (withRuledOut) for (const r of d.ruledOut) lines.push(`✗ ${optionName(r.option)}: ${r.reason}`);
  for (const a of d.assumptions) lines.push(`◦ ${a}`);
  return { heading: `${heading}: ${choice}`, lines };
}

export function renderRecommendation(r: Recommendation): RenderedAnswer {
  if (r.status === 'needs-input') {
    return {
      title: 'Tell me about the workload',
      summary: r.message ?? 'Tell me about the workload.',
      sections: [
        { heading: 'Questions', lines: r.questions.map((q) => `? ${q.ask}`) },
        ...(r.notes.length ? [{ heading: 'Notes', lines: r.notes }] : []),
      ],
    };
  }
  const parts: string[] = [];
  if (r.inference) parts.push(optionName(r.inference.choice));
  if (r.strategy) parts.push(`${optionName(r.strategy.choice)} rollout`);
  if (r.scaling?.choice.length) parts.push(`${r.scaling.choice.map(optionName).join(' + ')}`);
  for (const k of ['instance', 'container', 'orchestration', 'iac', 'target'] as const) {
    const d = r[k];
    if (d) parts.push(optionName(d.choice));
  }
  if (r.edge) parts.push(r.edge.choice.map(optionName).join(' + '));
  const title = r.inference
    ? `SageMaker recommendation: ${optionName(r.inference.choice)}`
    : parts[0]
      ? `Recommendation: ${parts[0]}`
      : 'Recommendation';
  const summary = parts.length
    ? parts.join(' · ')
    : r.retired.length
      ? 'That service is retired; here is the current option.'
      : 'See the notes below.';

  const sections: RenderedAnswer['sections'] = [];
  if (r.inference) sections.push(decisionSection('Inference', r.inference));
  if (r.strategy) sections.push(decisionSection('Rollout', r.strategy));
  if (r.scaling) sections.push(decisionSection('Autoscaling', r.scaling, r.scaling.choice.length > 0));
  const extras: [string, AnyDecision | null][] = [
    ['Instances', r.instance],
    ['Container', r.container],
    ['Orchestration', r.orchestration],
    ['Infrastructure as code', r.iac],
    ['Deployment target', r.target],
    ['Edge', r.edge],
  ];
  for (const [heading, d] of extras) if (d) sections.push(decisionSection(heading, d));
  if (r.retired.length) {
    sections.push({
      heading: 'Retired',
      lines: r.retired.flatMap((x) => [`✗ ${x.status}`, `→ ${x.instead}`]),
    });
  }
  if (r.related.length)
    sections.push({ heading: 'Also relevant', lines: r.related.map((x) => `• ${x.why}`) });
  if (r.wouldChange.length)
    sections.push({
      heading: 'What would change the answer',
      lines: r.wouldChange.map((c) => `↺ ${c.when}`),
    });
  if (r.questions.length)
    sections.push({ heading: 'To settle it, tell me', lines: r.questions.map((q) => `? ${q.ask}`) });
  if (r.notes.length) sections.push({ heading: 'Notes', lines: r.notes });
  if (r.facts.length) {
    const sources = [...new Set(r.facts.map((f) => f.source))];
    sections.push({ heading: 'Sources', lines: sources });
  }
  return { title, summary, sections };
}

/** Plain text for a terminal or a log line. */
export function renderText(r: Recommendation): string {
  const a = renderRecommendation(r);
  const out = [a.title, a.summary, ''];
  for (const s of a.sections) {
    out.push(s.heading, ...s.lines.map((l) => `  ${l}`), '');
  }
  return out.join('\n').trimEnd();
}
