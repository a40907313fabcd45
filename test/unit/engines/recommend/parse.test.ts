import { describe, expect, it } from 'vitest';
import { MAX_CHARS, parseWorkload } from '../../../../src/engines/recommend/parse.ts';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

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
    ['payload=20MB', 20 * MB],
    ['payload=750kb', 750 * KB],
    ['a few megabytes per request', 3 * MB],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseWorkload(text).payload?.high).toBeCloseTo(bytes, 0);
  });

  it('keeps the figure as typed and where it came from', () => {
    const text = 'Adjusters upload 20 MB PDFs';
    const p = parseWorkload(text).payload;
    expect(p?.said).toBe('20 MB');
    expect(text.slice(p?.at[0], p?.at[1])).toBe('20 MB');
  });

  it('reads "over 6 MB" as above the limit and "under 4 MB" as below it', () => {
    expect(parseWorkload('some are over 6 MB').payload?.open).toBe('above');
    expect(parseWorkload('payloads are under 4 MB').payload?.open).toBe('below');
  });

  it.each([
    ['our model is 2 GB, requests are 100 KB', 'modelSize', 2 * GB],
    ['the model needs 8 GB of memory', 'memory', 8 * GB],
    ['a 40 GB dataset in S3 every night', 'dataVolume', 40 * GB],
  ] as const)('does not mistake other sizes for the payload: %s', (text, field, bytes) => {
    const w = parseWorkload(text);
    expect(w[field]?.high).toBeCloseTo(bytes, 0);
    if (field !== 'modelSize') expect(w.payload).toBeUndefined();
  });
});

describe('durations are read in seconds and sorted into processing time and deadline', () => {
  it.each([
    ['each image takes 5 minutes to process', 'processing', 300],
    ['processing takes 59 seconds', 'processing', 59],
    ['inference takes 61 s per request', 'processing', 61],
    ['each video takes about 55 minutes to process', 'processing', 3300],
    ['the job runs for 1.5 hours per file', 'processing', 5400],
    ['results within 30 minutes', 'deadline', 1800],
    ['we need an answer within half an hour', 'deadline', 1800],
    ['p99 latency under 50 ms', 'deadline', 0.05],
    ['latency=30m', 'deadline', 1800],
    ['processing=2h', 'processing', 7200],
    ['results by morning', 'deadline', 43_200],
    ['the model answers in a few seconds', 'deadline', 3],
    ['a 90-minute transcription per recording', 'processing', 5400],
  ] as const)('%s → %s %d s', (text, field, seconds) => {
    expect(parseWorkload(text)[field]?.high).toBeCloseTo(seconds, 3);
  });

  it.each([
    'after a bad deployment caused a 2-hour outage',
    'shift 10% every 5 minutes',
    'retrain every 7 days',
    'about 500 a day',
  ])('ignores durations that are not the work or its deadline: %s', (text) => {
    const w = parseWorkload(text);
    expect(w.processing).toBeUndefined();
    expect(w.deadline).toBeUndefined();
  });
});

describe('volume, counts and patterns', () => {
  it.each([
    ['about 500 a day', 500],
    ['10,000 requests per second', 864_000_000],
    ['2k requests per hour', 48_000],
    ['100 rps', 8_640_000],
    ['a few hundred calls a day', 300],
    ['volume=500/day', 500],
  ])('%s → %d per day', (text, perDay) => {
    expect(parseWorkload(text).perDay?.value).toBeCloseTo(perDay, 0);
  });

  it('reads 10M records with an "every night" as a dataset job', () => {
    const w = parseWorkload('10M records every night');
    expect(w.records?.value).toBe(10_000_000);
    expect(w.patterns.has('batch')).toBe(true);
  });

  it.each([
    ['steady traffic all day', 'steady'],
    ['spiky, bursty load', 'spiky'],
    ['used sporadically', 'intermittent'],
    ['nightly scoring job', 'batch'],
    ['spikes every weekday at 9 AM', 'peaks'],
    ['busy 8am-6pm', 'business-hours'],
    ['traffic=spiky', 'spiky'],
  ] as const)('%s → %s', (text, pattern) => {
    expect(parseWorkload(text).patterns.has(pattern)).toBe(true);
  });

  it('counts models and tells same from different frameworks', () => {
    expect(parseWorkload('1000 customer-specific models').models?.value).toBe(1000);
    expect(parseWorkload('1000 customer-specific models').multiTenant).toBe(true);
    expect(parseWorkload('models in TensorFlow and PyTorch, different frameworks').sameFramework).toBe(false);
    expect(parseWorkload('hundreds of models, all the same framework').sameFramework).toBe(true);
  });
});

describe('negation and how soon the answer is needed', () => {
  it.each([
    ['no GPU needed', false],
    ['GPU is not required', false],
    ['runs on a GPU', true],
    ['7B parameter LLM', true],
    ["we'd like not to pay for GPUs overnight", true],
  ])('%s → gpu %s', (text, gpu) => {
    expect(parseWorkload(text).gpu).toBe(gpu);
  });

  it.each([
    ["doesn't need to be real time", false],
    ['not latency sensitive', false],
    ['not time-sensitive', false],
    ['the user waits for the answer in the app', true],
    ["the caller can't wait", true],
    ['results within 30 minutes', false],
    ['respond within 200 ms', true],
  ])('%s → answer needed in the request: %s', (text, sync) => {
    expect(parseWorkload(text).sync).toBe(sync);
  });
});

describe('hints and hostile input', () => {
  it('reads key=value hints and says which it could not read', () => {
    const w = parseWorkload('payload=20XB latency=soon colour=blue');
    expect(w.payload).toBeUndefined();
    expect(w.notes.join(' ').toLowerCase()).toContain('20xb');
    expect(w.notes.join(' ')).toContain('colour=blue');
  });

  it('cuts very long input and says so', () => {
    const w = parseWorkload('spiky traffic '.repeat(10_000));
    expect(w.truncated).toBe(true);
    expect(w.text.length).toBe(MAX_CHARS);
  });

  it.each([undefined, null, 42, {}, ''])('treats %s as empty text', (input) => {
    expect(parseWorkload(input).flags.size).toBe(0);
  });
});

describe('fixes found by the held-out scenarios', () => {
  it.each([
    ['a forty-five minute job per upload', 'processing', 2700],
    ['transcription takes between ten and twenty-five minutes', 'processing', 1500],
    ['each job runs ~1h30m on 400 MB inputs', 'processing', 5400],
    ['processing takes 1 hr 15 min per file', 'processing', 4500],
    ['it takes one and a half hours per file', 'processing', 5400],
    ['a couple of minutes per doc', 'processing', 120],
    ['a single request can run for three hours', 'processing', 10_800],
    ['users ok waiting a min or two', 'deadline', 120],
  ] as const)('duration: %s → %s %d s', (text, field, seconds) => {
    expect(parseWorkload(text)[field]?.high).toBeCloseTo(seconds, 3);
  });

  it('keeps "run the shadow test for 2 weeks" out of the processing time', () => {
    expect(parseWorkload('run the shadow test for 2 weeks').processing).toBeUndefined();
  });

  it.each([
    ['payload is half a GB', 0.5 * GB],
    ['episodes of forty to ninety MB of audio', 90 * MB],
    ['payloads are 4096 KiB max', 4 * MB],
  ])('size in words or binary units: %s → %d bytes', (text, bytes) => {
    expect(parseWorkload(text).payload?.high).toBeCloseTo(bytes, 0);
  });

  it.each([
    ['like 5 req/hr', 120],
    ['~200 docs/day', 200],
    ['about three hundred requests a day', 300],
    ['twenty five requests an hour', 600],
    ['a few hundred requests/min', 432_000],
    ['maybe 80 studies on a busy day', 80],
  ])('rate: %s → %d per day', (text, perDay) => {
    expect(parseWorkload(text).perDay?.value).toBeCloseTo(perDay, 0);
  });

  it.each(['cold starts are not acceptable', 'cold starts would annoy people', 'we hate cold starts'])(
    'cold starts ruled out: %s',
    (text) => {
      expect(parseWorkload(text).coldStartOk).toBe(false);
    },
  );

  it('reads "don\'t want GPUs idling" as an idle-cost concern, not as "no GPU"', () => {
    const w = parseWorkload("we really don't want GPUs idling");
    expect(w.gpu).toBe(true);
    expect(w.idleCost).toBe(true);
  });

  it.each([
    ['the portal pings them when the result lands', false],
    ['we email the transcript when it is done', false],
    ['nobody sits waiting for it', false],
    ['the front end polls for the result', false],
    ['people stare at the screen until the fields come back', true],
    ['the user watches a spinner', true],
  ])('%s → answer needed in the request: %s', (text, sync) => {
    expect(parseWorkload(text).sync).toBe(sync);
  });

  it.each([
    ['traffic v low', 'intermittent'],
    ["volume's small", 'intermittent'],
    ['uploads come in waves', 'spiky'],
    ['20x every year during tax season, known in advance', 'peaks'],
  ] as const)('%s → %s', (text, pattern) => {
    expect(parseWorkload(text).patterns.has(pattern)).toBe(true);
  });

  it('does not read "traffic is flat overnight" as an overnight job', () => {
    expect(parseWorkload('traffic is roughly flat overnight').patterns.has('batch')).toBe(false);
  });

  it('joins a sentence wrapped over two lines', () => {
    const w = parseWorkload(
      "a TensorFlow model and a PyTorch model; we'd like one\nendpoint for all of them",
    );
    expect(w.multiTenant).toBe(true);
    expect(w.sameFramework).toBe(false);
  });

  it.each([
    'a LightGBM model for each of our 200 clients',
    'hundreds of fine-tuned BERT variants',
    'one model per city',
  ])('many models: %s', (text) => {
    expect(parseWorkload(text).multiTenant).toBe(true);
  });

  it('reads each model in its own container as separate containers', () => {
    expect(parseWorkload('spaCy and fastText models, each in their own container').chain).toBe(true);
    expect(parseWorkload('spaCy and fastText models').frameworks).toEqual(['spacy', 'fasttext']);
  });

  it('takes an opening "real-time endpoint, ..." as the endpoint in use', () => {
    expect(parseWorkload('real-time endpoint, traffic jumps at 9am').current).toBe('real-time');
    expect(parseWorkload('real-time endpoint or serverless for 2 MB images?').current).toBeUndefined();
  });

  it.each([
    ['send 5 percent of traffic to the new model first, then the rest', 'small-slice'],
    ["mirror prod traffic; users only ever see the current model's answers", 'no-user-impact'],
    ['validate v2 against real queries before it serves anyone', 'no-user-impact'],
    ['add 2 instances above 70% CPU and 5 above 90%', 'fine-control'],
    ['we want it to scale to zero at night', 'scale-to-zero'],
  ])('%s → flag %s', (text, flag) => {
    expect(parseWorkload(text).flags.has(flag)).toBe(true);
  });

  it('a 10% canary on live traffic is not a shadow test', () => {
    expect(parseWorkload('test it on live traffic, 10% of traffic first').flags.has('no-user-impact')).toBe(
      false,
    );
  });
});
