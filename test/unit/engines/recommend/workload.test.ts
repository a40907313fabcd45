import { describe, expect, it } from 'vitest';
import { has, MAX_CHARS, negates, readWorkload, states } from '../../../../src/engines/recommend/workload.ts';

describe('each figure keeps its value and where it came from', () => {
  it('a span of the text, quoted as typed', () => {
    const text = 'Adjusters upload 20 MB PDFs, results within 30 minutes';
    const w = readWorkload(text);
    const p = w.figures.payload;
    expect(p?.value.high).toBe(20 * 1024 ** 2);
    expect(p?.source).toEqual({ from: 'text', said: '20 MB', at: [17, 22] });
    expect(w.figures.turnaround?.source.said).toBe('30 minutes');
  });

  it('a key=value hint, which wins over the free text', () => {
    const w = readWorkload('payload=20MB latency=30m, 2 MB images');
    expect(w.figures.payload?.value.high).toBe(20 * 1024 ** 2);
    expect(w.figures.payload?.source.from).toBe('hint');
    expect(w.figures.turnaround?.value.high).toBe(1800);
  });

  it('Adjust form corrections: "key=value" lines, a space before the unit allowed, win over the text', () => {
    const text =
      '20 MB documents, results within 30 minutes, 500 a day, steady traffic\n--- corrections ---\npayload=2 MB\nlatency=30 min\nvolume=500 / day\ntraffic=intermittent';
    const w = readWorkload(text);
    expect(w.figures.payload?.value.high).toBe(2 * 1024 ** 2);
    expect(w.figures.turnaround?.value.high).toBe(1800);
    expect(w.figures.turnaround?.source.from).toBe('hint');
    expect(w.figures.perDay?.value.high).toBe(500);
    expect([...w.patterns.keys()]).toEqual(['intermittent']);
    expect(readWorkload('payload=500B latency=30m').figures.payload?.value.high).toBe(500);
    expect(readWorkload('gpu=1 latency=30 m').figures.turnaround?.value.high).toBe(1800);
    const glued = readWorkload('users wait on screen for it, 2 MB files --- corrections ---latency=30min');
    expect(glued.figures.turnaround?.source.from).toBe('hint');
    expect(glued.sync?.value).toBe(false);
  });

  it('says which hints it could not read', () => {
    const w = readWorkload('payload=20XB latency=soon colour=blue');
    expect(w.figures.payload).toBeUndefined();
    expect(w.notes.join(' ')).toContain('payload=20XB');
    expect(w.notes.join(' ')).toContain('colour=blue');
  });
});

describe('questions, alternatives, negation and the past are not facts', () => {
  it('"do we need a GPU?" leaves the GPU unknown; "no GPU needed" says no', () => {
    expect(readWorkload('tiny logistic regression - do we need GPU for hosting?').gpu).toBeUndefined();
    expect(readWorkload('no GPU needed, sporadic calls').gpu?.value).toBe(false);
    expect(readWorkload('GPU is not required').gpu?.value).toBe(false);
    expect(readWorkload('runs on a GPU').gpu?.value).toBe(true);
  });

  it('"Pipelines, Step Functions or Airflow?" lists alternatives; the Airflow DAGs in use are a fact', () => {
    const w = readWorkload('Pipelines, Step Functions or Airflow? we already run ~200 Airflow DAGs');
    expect(w.mentions.get('stepFunctions')?.[0]?.mode).toBe('listed');
    expect(states(w, 'airflow')).toBe(true);
  });

  it.each([
    ["don't wanna pay for an idle box 24/7", 'idleCost', true],
    ['no custom pre/post-processing, stock TF SavedModel', 'script', false],
    ["we can't afford a second fleet for blue/green", 'rolling', true],
    ["we don't need fleet management from AWS", 'fleet', false],
    ['no shadow testing needed, just 10% first', 'shadow', false],
    ['we did a 7-day shadow test last quarter already', 'shadow', false],
  ] as const)('%s → %s %s', (text, concept, value) => {
    expect(has(readWorkload(text), concept)).toBe(value);
  });

  it('reads "not latency sensitive" and "can\'t wait" as how soon the answer is needed', () => {
    expect(readWorkload("doesn't need to be real time, 12 MB audio").sync?.value).toBe(false);
    expect(readWorkload("the caller can't wait, 1 MB payload").sync?.value).toBe(true);
    expect(readWorkload('the portal pings them when the result lands').sync?.value).toBe(false);
    expect(readWorkload('people stare at the screen until the fields come back').sync?.value).toBe(true);
    expect(readWorkload('respond within 200 ms').sync?.value).toBe(true);
    expect(readWorkload('results within 30 minutes').sync?.value).toBe(false);
  });

  it('"intermittent connectivity" is not intermittent traffic', () => {
    const w = readWorkload('~2,000 warehouse cameras on Jetson boards, intermittent connectivity');
    expect(w.patterns.has('intermittent')).toBe(false);
    expect(has(w, 'onDevice')).toBe(true);
  });

  it('"compared multiple models offline and picked one" is one model', () => {
    expect(
      readWorkload('we compared multiple models offline and picked one xgboost').figures.models,
    ).toBeUndefined();
  });

  it('"don\'t want GPUs idling" is an idle-cost concern, not "no GPU"', () => {
    const w = readWorkload("we really don't want GPUs idling");
    expect(w.gpu?.value).toBe(true);
    expect(has(w, 'idleCost')).toBe(true);
    expect(negates(w, 'gpu')).toBe(false);
  });
});

describe('the endpoint in use', () => {
  it.each([
    ['real-time endpoint, traffic jumps at 9am', 'real-time'],
    ['do I need an autoscaling policy for my serverless endpoint?', 'serverless'],
    ['what autoscaling config should the batch transform job get?', 'batch'],
    ['is serverless ok?? 5.5 MB scans', undefined],
    ['real-time endpoint or serverless for 2 MB images?', undefined],
    ["we'd love serverless but the model needs a GPU", undefined],
    ['our app is 100% serverless (API GW + Lambda)', undefined],
  ])('%s → %s', (text, current) => {
    expect(readWorkload(text).current?.value).toBe(current);
  });
});

describe('patterns and hostile input', () => {
  it.each([
    ['steady traffic all day', 'steady'],
    ['spiky, bursty load', 'spiky'],
    ['used sporadically', 'intermittent'],
    ['nightly scoring job', 'batch'],
    ['spikes every weekday at 9 AM', 'peaks'],
    ['busy 8am-6pm', 'business-hours'],
    ['traffic=spiky', 'spiky'],
    ['traffic v low', 'intermittent'],
    ['uploads come in waves', 'spiky'],
  ] as const)('%s → %s', (text, pattern) => {
    expect(readWorkload(text).patterns.has(pattern)).toBe(true);
  });

  it('does not read "flat overnight" or "pay for GPUs overnight" as an overnight job', () => {
    expect(readWorkload('traffic is roughly flat overnight').patterns.has('batch')).toBe(false);
    expect(readWorkload("we'd like not to pay for GPUs overnight").patterns.has('batch')).toBe(false);
  });

  it('joins a sentence wrapped over two lines', () => {
    const w = readWorkload("a TensorFlow model and a PyTorch model; we'd like one\nendpoint for all of them");
    expect(has(w, 'sharedEndpoint')).toBe(true);
    expect(w.sameFramework?.value).toBe(false);
  });

  it('cuts very long input and says so', () => {
    const w = readWorkload('spiky traffic '.repeat(10_000));
    expect(w.truncated).toBe(true);
    expect(w.text.length).toBe(MAX_CHARS);
  });

  it.each([undefined, null, 42, {}, ''])('treats %s as empty text', (input) => {
    expect(readWorkload(input).mentions.size).toBe(0);
  });
});

describe('what a word is doing in the sentence', () => {
  it('a word used as a name says nothing about the workload', () => {
    for (const text of [
      "the ticket title says 'real-time' but we re-score the whole catalog every sunday",
      'our team is literally called Real-Time Analytics; score 3M invoices in S3 once',
    ]) {
      const w = readWorkload(text);
      expect(w.named.has('real-time')).toBe(false);
      expect(w.mentions.has('syncWeak')).toBe(false);
    }
    expect(has(readWorkload('our model is named Shadowfax, swap it in one go'), 'shadow')).toBe(false);
    // Not quoted, not a name: still read.
    expect(readWorkload('real-time endpoint, 2 KB, steady').named.get('real-time')?.mode).toBe('stated');
  });

  it('in a question about scaling or a rollout, the endpoint named is the premise', () => {
    expect(readWorkload('how do i make an async endpoint scale out from zero?').current?.value).toBe('async');
    expect(readWorkload('if we move to serverless, do we still need scaling policies?').current?.value).toBe(
      'serverless',
    );
    // Someone else's suggestion is not.
    expect(
      readWorkload("my manager keeps saying 'real-time endpoint with autoscaling'").current,
    ).toBeUndefined();
  });

  it('instances behind an endpoint are a real-time endpoint', () => {
    const w = readWorkload('fleet of 30 ml.g5.2xlarge on one variant, update in batches of ~20%');
    expect(w.current?.value).toBe('real-time');
    expect(w.current?.source.said).toBe('30 ml.g5.2xlarge');
  });
});
