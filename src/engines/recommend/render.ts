/**
 * Platform-neutral rendering of a Recommendation: a title, a one-line summary and short sections
 * that the Slack and Discord adapters turn into Block Kit or embeds, and the CLI prints as text.
 */
import { texts } from './catalog.ts';
import { DIMENSIONS } from './options.ts';
import type { Recommendation } from './schema.ts';

type Dimension = (typeof DIMENSIONS)[number];

export interface RenderedAnswer {
  title: string;
  summary: string;
  sections: { heading: string; lines: string[] }[];
}

/** What a person reads for every option and service, and each dimension's heading (content/recommend/answer.txt). */
const NAMES: Record<string, string> = Object.fromEntries(
  texts('name').map((t) => [t.key[0], t.fields[0] ?? '']),
);

export function optionName(o: string): string {
  return NAMES[o] ?? o;
}

type AnyDecision = {
  choice: string | string[];
  reasons: { text: string; facts: string[] }[];
  ruledOut: { option: string; reason: string }[];
  assumptions: string[];
};

function decisionSection(
  heading: string,
  d: AnyDecision,
  withRuledOut = true,
): { heading: string; lines: string[] } {
  const choice = choiceName(d);
  const lines = d.reasons.map((r) => `• ${r.text}`);
  if (withRuledOut) for (const r of d.ruledOut) lines.push(`✗ ${optionName(r.option)}: ${r.reason}`);
  for (const a of d.assumptions) lines.push(`◦ ${a}`);
  return { heading: `${heading}: ${choice}`, lines };
}

const HEADINGS = Object.fromEntries(texts('heading').map((t) => [t.key[0], t.fields[0] ?? ''])) as Record<
  Dimension,
  string
>;

const choiceName = (d: AnyDecision): string =>
  Array.isArray(d.choice)
    ? d.choice.length
      ? d.choice.map(optionName).join(' + ')
      : 'no policy needed'
    : optionName(d.choice);

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
  // The dimension asked about comes first; the rest follow in their usual order.
  const order = DIMENSIONS.filter((d) => r[d]).sort((a, b) => Number(b === r.lead) - Number(a === r.lead));
  const lead = order[0];
  const leadDecision = lead ? (r[lead] as AnyDecision) : undefined;
  const title =
    !lead || !leadDecision
      ? r.retired.length
        ? 'That service is retired'
        : 'Recommendation'
      : `${lead === 'inference' ? 'SageMaker recommendation' : HEADINGS[lead]}: ${choiceName(leadDecision)}`;
  const parts = order.map((d) => choiceName(r[d] as AnyDecision));
  // What was read comes first, so a misreading is visible at a glance.
  const summary = r.read.length
    ? `I read: ${r.read.join(' · ')}`
    : parts.length
      ? parts.join(' · ')
      : r.retired.length
        ? 'That service is retired; here is the current option.'
        : 'See the notes below.';
  const sections: RenderedAnswer['sections'] = order.map((d) => {
    const dec = r[d] as AnyDecision;
    return decisionSection(HEADINGS[d], dec, !Array.isArray(dec.choice) || dec.choice.length > 0);
  });
  if (r.retired.length)
    sections.push({
      heading: 'Retired',
      lines: r.retired.flatMap((x) => [`✗ ${x.status}`, `→ ${x.instead}`]),
    });
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
  // Sources: only the pages behind the chosen options' reasons; every other one stays in --json.
  const cited = new Set([
    ...order.flatMap((d) => (r[d] as AnyDecision).reasons.flatMap((x) => x.facts)),
    ...r.retired.flatMap((x) => x.facts),
    ...r.related.flatMap((x) => x.facts),
  ]);
  const sources = [...new Set(r.facts.filter((f) => cited.has(f.id)).map((f) => f.source))];
  if (sources.length) sections.push({ heading: 'Sources', lines: sources });
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
