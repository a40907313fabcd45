import { describe, expect, it } from 'vitest';
import { recommend, renderRecommendation } from '../../../../src/engines/recommend/index.ts';

describe('the platform-neutral rendering', () => {
  it('leads with the choice and cites the figures in short lines', () => {
    const a = renderRecommendation(recommend('payload 500MB, each takes 5 minutes, minimise cost when idle'));
    expect(a.title).toBe('SageMaker recommendation: Asynchronous inference');
    const inference = a.sections.find((s) => s.heading.startsWith('Inference'));
    expect(inference?.lines.some((l) => l.includes('6 MB') && l.includes('500 MB'))).toBe(true);
    expect(inference?.lines.some((l) => l.startsWith('✗ Serverless inference') && l.includes('4 MB'))).toBe(
      true,
    );
    for (const s of a.sections) for (const l of s.lines) expect(l.length).toBeLessThan(400);
  });

  it('rules endpoints out of a nightly dataset job for that reason, with no scaling thresholds', () => {
    const a = renderRecommendation(recommend('score the whole orders table every night, results in S3'));
    expect(a.title).toBe('SageMaker recommendation: Batch transform');
    const lines = a.sections.flatMap((s) => s.lines);
    for (const o of ['Real-time endpoint', 'Serverless inference', 'Asynchronous inference'])
      expect(lines.find((l) => l.startsWith(`✗ ${o}:`))).toMatch(/dataset/);
    // No endpoint to scale: no "add scheduled/step scaling" among what would change the answer.
    const change = a.sections.find((s) => s.heading === 'What would change the answer');
    expect(change?.lines.join(' ') ?? '').not.toMatch(/scaling/);
  });

  it('asks the question that would settle a missing figure', () => {
    const a = renderRecommendation(recommend('a few requests an hour, pay only when used'));
    const q = a.sections.find((s) => s.heading === 'To settle it, tell me');
    expect(q?.lines.join(' ')).toContain(
      'What is the payload size? Under 4 MB serverless fits; over 6 MB only async or batch.',
    );
  });

  it('names the nearest threshold that would change the answer', () => {
    const a = renderRecommendation(recommend('20 MB documents, results within 30 minutes'));
    const c = a.sections.find((s) => s.heading === 'What would change the answer');
    expect(c?.lines.join(' ')).toMatch(
      /Under 4 MB and 60 seconds, with intermittent traffic, serverless would fit/,
    );
  });

  it('says a retired service is retired and names the current option', () => {
    const a = renderRecommendation(recommend('Should we use Elastic Inference for cheap GPU inference?'));
    const lines = a.sections.find((s) => s.heading === 'Retired')?.lines.join(' ') ?? '';
    expect(lines).toContain('no longer available');
    expect(lines).toContain('Inferentia');
  });

  it('never recommends a retired service as a choice', () => {
    for (const text of ['Elastic Inference', 'Edge Manager for our cameras', 'Model Monitor for drift']) {
      const r = recommend(text);
      const json = JSON.stringify([r.inference, r.instance, r.edge, r.orchestration]);
      expect(json).not.toMatch(/"choice":"?(elastic|edge-manager|model-monitor)/);
    }
  });
});

describe('what a person sees first', () => {
  it('opens with what was read, so a misreading is visible at a glance', () => {
    const a = renderRecommendation(recommend('20 MB documents, results within 30 minutes, about 500 a day'));
    expect(a.summary).toBe(
      'I read: 20 MB per request · results within 30 min · ~500 a day · answer can wait · intermittent traffic',
    );
  });

  it('leads a rollout question with the strategy and asks nothing about payloads', () => {
    const a = renderRecommendation(
      recommend(
        'rolling out v7 on our real-time endpoint: 10% of the new fleet first, bake 30 min on alarms, then the rest',
      ),
    );
    expect(a.title).toBe('Rollout: Blue/green canary');
    expect(a.sections[0]?.heading).toBe('Rollout: Blue/green canary');
    expect(a.sections.find((s) => s.heading === 'To settle it, tell me')).toBeUndefined();
  });

  it('cites only the pages behind the chosen options; the rest stay in --json', () => {
    const r = recommend('payload 500MB, each takes 5 minutes, minimise cost when idle');
    const sources = renderRecommendation(r).sections.find((s) => s.heading === 'Sources')?.lines ?? [];
    const chosen = new Set(
      [r.inference, r.scaling]
        .flatMap((d) => d?.reasons.flatMap((x) => x.facts) ?? [])
        .map((id) => r.facts.find((f) => f.id === id)?.source),
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => chosen.has(s))).toBe(true);
    expect(r.facts.length).toBeGreaterThan(sources.length);
  });
});
