import { describe, expect, it } from 'vitest';
import {
  hasAwsSource,
  keyIsLongest,
  lengthGiveaway,
  MAX_QUESTION_ID,
  similarPairs,
} from '../../../src/content/bank-rules.ts';
import type { Fact, Question } from '../../../src/content/schema.ts';

/** A valid single-answer question; each test bends one thing. */
function question(over: Partial<Question> = {}): Question {
  return {
    id: 's001-case',
    topic: 'endpoint-types',
    difficulty: 'medium',
    kind: 'scenario',
    type: 'single',
    prompt: 'A retailer scores card payments during checkout with steady traffic. Which option fits?',
    choices: [
      { id: 'a', text: 'A real-time endpoint behind the checkout service' },
      { id: 'b', text: 'A nightly batch transform job over the payments' },
      { id: 'c', text: 'An asynchronous endpoint writing each score to S3' },
    ],
    answer: ['a'],
    explanation: {
      correct: 'A real-time endpoint answers in the same call.',
      wrong: { b: 'Too late.', c: 'Not in the call.' },
    },
    sources: [
      {
        seed: '001_0a.txt',
        section: 'Limits',
        url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints.html',
      },
    ],
    ...over,
  };
}

const fact = (id: string, source: string): Fact => ({
  id,
  subject: 'x',
  value: 1,
  unit: 'MB',
  display: '1 MB',
  statement: 'A statement of ten characters or more.',
  source,
});

describe('the bank rules', () => {
  it('fails an answer clearly longer than every distractor, and passes a balanced one', () => {
    const giveaway = question({
      choices: [
        {
          id: 'a',
          text: 'A real-time endpoint behind the checkout service, scaled by target tracking on invocations',
        },
        { id: 'b', text: 'Batch transform' },
        { id: 'c', text: 'An async endpoint' },
      ],
    });
    expect(lengthGiveaway(giveaway)).toMatch(
      /clearly longer than every other choice \(\d+ vs at most 17 characters\)/,
    );
    expect(keyIsLongest(giveaway)).toBe(true);
    expect(lengthGiveaway(question())).toBeUndefined();
    // A "choose two" has no single key to measure.
    expect(lengthGiveaway({ ...giveaway, type: 'multiple', answer: ['a', 'b'] })).toBeUndefined();
  });

  it('fails a question with no AWS page, and passes one whose fact has it', () => {
    const bare = question({ sources: [{ seed: '001_0a.txt', section: 'Limits' }] });
    const facts = new Map([
      [
        'serverless.payload.max',
        fact(
          'serverless.payload.max',
          'https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints.html',
        ),
      ],
    ]);
    expect(hasAwsSource(bare, facts)).toBe(false);
    expect(hasAwsSource({ ...bare, facts: ['serverless.payload.max'] }, facts)).toBe(true);
    expect(
      hasAwsSource(
        question({ sources: [{ seed: '001_0a.txt', section: 'L', url: 'https://example.com/blog' }] }),
        facts,
      ),
    ).toBe(false);
  });

  it('finds two questions that ask the same thing, and leaves different decisions alone', () => {
    const a = question({ id: 's001-a' });
    const reworded = question({
      id: 's002-b',
      prompt:
        'A retailer scores each card payment during checkout; traffic is steady. Which option fits best?',
    });
    const different = question({
      id: 's003-c',
      prompt:
        'A telecom recomputes churn scores weekly from CSV files in S3 that nobody queries between runs.',
      choices: [
        { id: 'a', text: 'A batch transform job reading from S3 and writing back' },
        { id: 'b', text: 'A real-time endpoint kept running all week' },
        { id: 'c', text: 'A serverless endpoint called per subscriber' },
      ],
    });
    const pairs = similarPairs([a, reworded, different]);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['s001-a', 's002-b']]);
  });

  it('keeps ids short enough for a Discord button id', () => {
    expect(MAX_QUESTION_ID + 'r::999999:0123456789:e'.length).toBeLessThanOrEqual(100);
  });
});
