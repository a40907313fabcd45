import { describe, expect, it } from 'vitest';
import { run } from '../../../../src/cli/recommend.ts';
import { RecommendationSchema } from '../../../../src/engines/recommend/schema.ts';
import { captureCli } from '../../../support/cli.ts';

const cli = (args: string[]) => captureCli(run, args);

describe('studybot recommend', () => {
  it('prints a readable answer that cites the limits', async () => {
    const { code, out } = await cli([
      '20 MB documents, results within 30 minutes, about 500 a day in business hours',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Asynchronous inference');
    expect(out).toContain('6 MB');
    expect(out).toContain('https://docs.aws.amazon.com/');
  });

  it('--json prints the stable object, valid against the schema', async () => {
    const { code, out } = await cli(['payload=20MB', 'latency=30m', 'traffic=spiky', '--json']);
    expect(code).toBe(0);
    const r = RecommendationSchema.parse(JSON.parse(out));
    expect(r.inference?.choice).toBe('async');
    expect(r.inference?.ruledOut.map((x) => x.option)).toEqual(
      expect.arrayContaining(['real-time', 'serverless', 'batch', 'multi-model', 'multi-container']),
    );
    expect(r.facts.every((f) => f.source.startsWith('https://'))).toBe(true);
  });

  it('joins several unquoted args into one message', async () => {
    const { out } = await cli(['Score', '10M', 'records', 'overnight', '--json']);
    expect(JSON.parse(out).inference.choice).toBe('batch');
  });

  it('empty text gets a helpful "tell me ..." and exit 0', async () => {
    const { code, out } = await cli(['']);
    expect(code).toBe(0);
    expect(out).toMatch(/Tell me/);
  });

  it('no args at all prints usage and exits 2', async () => {
    const { code, err } = await cli([]);
    expect(code).toBe(2);
    expect(err).toMatch(/usage: studybot recommend/);
  });

  it('an unknown option is a usage error', async () => {
    const { code, err } = await cli(['--yaml', 'spiky']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option --yaml/);
  });
});
