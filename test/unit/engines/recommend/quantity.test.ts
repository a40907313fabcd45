import { describe, expect, it } from 'vitest';
import { parseQuantity, type Role, readQuantities } from '../../../../src/engines/recommend/quantity.ts';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** The largest quantity of a role in the text, at its top. */
function top(text: string, role: Role): number | undefined {
  const qs = readQuantities(text).filter((q) => q.role === role);
  return qs.length ? Math.max(...qs.map((q) => q.high)) : undefined;
}

describe('sizes are read in bytes (binary units, as AWS counts 6 MB = 6,291,456 bytes)', () => {
  it.each([
    ['20 MB documents', 20 * MB],
    ['payload is 3.9MB', 3.9 * MB],
    ['requests of 512 KB', 512 * KB],
    ['a 1.2 GB point cloud per request', 1.2 * GB],
    ['each request is 8 MiB', 8 * MB],
    ['128,000 bytes per request', 128_000],
    ['payloads 2-5 MB', 5 * MB],
    ['payloads between 2 and 5 MB', 5 * MB],
    ['a few megabytes per request', 3 * MB],
    ['payload is half a GB', 0.5 * GB],
    ['half a gig input', 0.5 * GB],
    ['four and a half MB requests', 4.5 * MB],
    ['episodes of forty to ninety MB of audio', 90 * MB],
    ['payloads are 4096 KiB max', 4 * MB],
    ['each upload is 5 megabtyes', 5 * MB],
  ])('%s → %d bytes', (text, bytes) => {
    expect(top(text, 'payload')).toBeCloseTo(bytes, 0);
  });

  it('keeps the figure as typed and where it came from', () => {
    const text = 'Adjusters upload 20 MB PDFs';
    const [q] = readQuantities(text);
    expect(q?.said).toBe('20 mb');
    expect(text.slice(q?.at[0], q?.at[1])).toBe('20 MB');
  });

  it('reads "over 6 MB" as above the limit and "under 4 MB" as below it', () => {
    expect(readQuantities('some are over 6 MB')[0]?.open).toBe('above');
    expect(readQuantities('payloads are under 4 MB')[0]?.open).toBe('below');
  });

  it.each([
    ['our model is 2 GB, requests are 100 KB', 'model-size', 2 * GB],
    ['a 2 GB LightGBM ensemble (artifact size, not the request)', 'model-size', 2 * GB],
    ['300 tenant churn models, all xgboost, ~20MB each', 'model-size', 20 * MB],
    ['the model needs 8 GB of memory', 'memory', 8 * GB],
    ['model needs ~9 GB RAM to load', 'memory', 9 * GB],
    ['a 40 GB dataset in S3 every night', 'dataset', 40 * GB],
    ['nightly 200 GB of images to classify', 'dataset', 200 * GB],
    ['someone told me serverless takes up to 30MB?', 'other', 30 * MB],
  ] as const)('gives each size its role: %s → %s', (text, role, bytes) => {
    expect(top(text, role)).toBeCloseTo(bytes, 0);
    if (role !== 'other') expect(top(text, 'payload')).not.toBeCloseTo(bytes, 0);
  });
});

describe('durations are read in seconds, each with its role', () => {
  it.each([
    ['each image takes 5 minutes to process', 'processing', 300],
    ['inference takes 61 s per request', 'processing', 61],
    ['the job runs for 1.5 hours per file', 'processing', 5400],
    ['a 90-minute transcription per recording', 'processing', 5400],
    ['a forty-five minute job per upload', 'processing', 2700],
    ['transcription takes between ten and twenty-five minutes', 'processing', 1500],
    ['each job runs ~1h30m on 400 MB inputs', 'processing', 5400],
    ['processing takes 1 hr 15 min per file', 'processing', 4500],
    ['it takes one and a half hours per file', 'processing', 5400],
    ['a single request can run for three hours', 'processing', 10_800],
    ['p50 40 s, p99 75 s', 'processing', 75],
    ['results within 30 minutes', 'turnaround', 1800],
    ['we need an answer within half an hour', 'turnaround', 1800],
    ['p99 latency under 50 ms', 'turnaround', 0.05],
    ['users ok waiting a min or two', 'turnaround', 120],
    ['answer within the hour is fine', 'turnaround', 3600],
    ['bake 30 min on 5xx alarms, then the rest', 'wait', 1800],
    ['if alarms stay green for an hour, shift everything', 'wait', 3600],
    ['run the shadow test for 2 weeks', 'test-duration', 1_209_600],
    ['users upload a 30-min podcast', 'media-length', 1800],
    ['a few sec of cold start is whatever', 'cold-start', 3],
    ['shift 10% every 5 minutes', 'interval', 300],
    ['after a bad deployment caused a 2-hour outage', 'other', 7200],
    ['async inference caps at 15 min right?', 'other', 900],
  ] as const)('%s → %s %d s', (text, role, seconds) => {
    expect(top(text, role)).toBeCloseTo(seconds, 3);
  });

  it('keeps the slower alternative of a comparison out of the workload', () => {
    const qs = readQuantities('the model only runs acceptably on GPU (3s vs 90s on cpu)');
    expect(qs.map((q) => q.role)).toEqual(['processing', 'other']);
  });
});

describe('rates, percentages and counts', () => {
  it.each([
    ['about 500 a day', 500],
    ['10,000 requests per second', 864_000_000],
    ['2k requests per hour', 48_000],
    ['100 rps', 8_640_000],
    ['a few hundred calls a day', 300],
    ['couple hundred calls a day', 200],
    ['like 5 req/hr', 120],
    ['~200 docs/day', 200],
    ['about three hundred requests a day', 300],
    ['twenty five requests an hour', 600],
    ['a few hundred requests/min', 432_000],
    ['maybe 80 studies on a busy day', 80],
    ['maybe fifty a day in bursts', 50],
    ['3-4 times an hour', 96],
    ['one request per week', 1 / 7],
  ])('%s → %d per day', (text, perDay) => {
    expect(top(text, 'request-rate')).toBeCloseTo(perDay, 3);
  });

  it('tells a peak rate from the usual one', () => {
    const qs = readQuantities('~5 an hour, sometimes bursts to 50/min');
    expect(qs.map((q) => q.role)).toEqual(['request-rate', 'peak-rate']);
  });

  it.each([
    ['send like five percent of traffic to the new one first', 'traffic-share', 5],
    ['update 25% of the instances at a time', 'instance-batch', 25],
    ['+2 instances at 70% GPU util', 'threshold', 70],
    ['does inf2 really give 70% lower cost?', 'other', 70],
  ] as const)('%s → %s %d', (text, role, n) => {
    expect(top(text, role)).toBe(n);
  });

  it.each([
    ['1000 customer-specific models', 'models', 1000],
    ['300 tenant churn models', 'models', 300],
    ['our 12-instance GPU endpoint', 'instances', 12],
    ['endpoint is 40x ml.g5.12xlarge', 'instances', 40],
    ['chain of 20 containers', 'containers', 20],
    ['10M records every night', 'records', 10_000_000],
    ['max ~30 concurrent', 'concurrency', 30],
    ['each of our 60 hospitals', 'entities', 60],
  ] as const)('%s → %s %d', (text, role, n) => {
    expect(top(text, role)).toBe(n);
  });

  it.each([
    's3 buckets 5',
    'pytorch 2.x',
    'ml.g5.12xlarge',
    'every day 12:00-14:00',
    '24/7 traffic',
    'on 27 Nov',
    'the 25th',
    '5xx errors',
    'v2 and v3',
  ])('does not read identifiers, clock times or dates as quantities: %s', (text) => {
    expect(readQuantities(text)).toEqual([]);
  });
});

describe('a `key=value` value', () => {
  it.each([
    ['20MB', 'size', 20 * MB],
    ['750kb', 'size', 750 * KB],
    ['30m', 'duration', 1800],
    ['200ms', 'duration', 0.2],
    ['500/day', 'rate', 500],
    ['2k/h', 'rate', 48_000],
  ] as const)('%s → %d', (value, kind, n) => {
    expect(parseQuantity(value, kind, kind === 'rate' ? 'day' : 'mb')?.high).toBeCloseTo(n, 3);
  });

  it('refuses a unit it does not know', () => {
    expect(parseQuantity('20xb', 'size', 'mb')).toBeUndefined();
  });
});

describe('roles and forms first seen on the 2026-12-b set', () => {
  it('reads a decimal comma ("2,5 MB") and keeps thousands separators ("1,500 rows")', () => {
    expect(top('Picture is 2,5 MB.', 'payload')).toBe(2.5 * MB);
    expect(readQuantities('1,500 rows')[0]?.high).toBe(1500);
  });

  it('a training set, a training run or a benchmark job is not the request', () => {
    expect(top('training set is 2-3 GB; each request is a 2KB JSON', 'payload')).toBe(2 * KB);
    expect(top('we trained for 3 days on 2 TB; serving takes 200 ms per 10KB request', 'payload')).toBe(
      10 * KB,
    );
    expect(top('the retraining pipeline takes 2h end to end. inference itself is ~4 s', 'processing')).toBe(
      4,
    );
    expect(
      top('We ran Inference Recommender (default job, finished in ~40 min). Payload is 10KB', 'processing'),
    ).toBe(undefined);
  });

  it('a test period, "24 hour 7 day", "calls a day" and "requests are 12 MB" take their own roles', () => {
    expect(top('the shadow test ran two weeks and looked good', 'processing')).toBe(undefined);
    expect(top('production line is running 24 hour 7 day', 'processing')).toBe(undefined);
    expect(top('a handful of 50KB calls a day', 'processing')).toBe(undefined);
    expect(top('requests are 12 MB images and the app can pick results up from S3', 'payload')).toBe(12 * MB);
  });

  it('a latency target ("p95 needs to be 100ms", "under 1 second", "fine waiting a few seconds") is a turnaround', () => {
    expect(top('payload ~40KB, p95 needs to be 100ms', 'turnaround')).toBe(0.1);
    expect(top('We need answer quick, under 1 second, all day', 'turnaround')).toBe(1);
    expect(top("they're fine waiting a few seconds", 'turnaround')).toBe(3);
  });
});
