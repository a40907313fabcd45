import { describe, expect, it } from 'vitest';
import { content, type Question } from '../../../../src/content/index.ts';
import { grade } from '../../../../src/engines/quiz/grade.ts';
import {
  matchTopic,
  pickChannelQuestion,
  pickNewStudyQuestion,
} from '../../../../src/engines/quiz/select.ts';

const bank = content.questions;

describe('the channel question', () => {
  it('never repeats until the whole bank has been asked, then starts a new cycle', () => {
    const asked: string[] = [];
    for (let day = 0; day < bank.length; day++) {
      const q = pickChannelQuestion(bank, asked, { seed: `c1:${day}` })!;
      expect(asked).not.toContain(q.id);
      asked.push(q.id);
    }
    expect(new Set(asked).size).toBe(bank.length);
    const next = pickChannelQuestion(bank, asked, { seed: 'c1:new-cycle' });
    expect(next).toBeDefined();
  });

  it('rotates topics: the next topic differs from the last several', () => {
    const asked: string[] = [];
    for (let day = 0; day < 30; day++)
      asked.push(pickChannelQuestion(bank, asked, { seed: `c2:${day}` })!.id);
    const topics = asked.map((id) => bank.find((q) => q.id === id)!.topic);
    const topicCount = new Set(bank.map((q) => q.topic)).size;
    // The first pass over the topics shows every topic once before any repeats.
    expect(new Set(topics.slice(0, topicCount)).size).toBe(topicCount);
  });

  it('mixes difficulty', () => {
    const asked: string[] = [];
    for (let day = 0; day < 12; day++)
      asked.push(pickChannelQuestion(bank, asked, { seed: `c3:${day}` })!.id);
    const levels = new Set(asked.map((id) => bank.find((q) => q.id === id)!.difficulty));
    expect(levels).toEqual(new Set(['easy', 'medium', 'hard']));
  });

  it('keeps to a topic when one is asked for', () => {
    const q = pickChannelQuestion(bank, [], { seed: 's', topic: 'autoscaling' })!;
    expect(q.topic).toBe('autoscaling');
  });

  it('is the same for the same seed (a retry posts the same question)', () => {
    expect(pickChannelQuestion(bank, [], { seed: 'x' })!.id).toBe(
      pickChannelQuestion(bank, [], { seed: 'x' })!.id,
    );
  });
});

describe('new study questions', () => {
  it('picks an unseen question from the topic the person has seen least, easy first', () => {
    const seen = new Set(bank.filter((q) => q.topic !== 'retraining').map((q) => q.id));
    const q = pickNewStudyQuestion(bank, seen, { seed: 'u' })!;
    expect(q.topic).toBe('retraining');
    expect(q.difficulty).toBe('easy');
  });

  it('returns nothing when everything has been seen', () => {
    expect(pickNewStudyQuestion(bank, new Set(bank.map((q) => q.id)), { seed: 'u' })).toBeUndefined();
  });
});

describe('topics typed by people', () => {
  it.each([
    ['autoscaling', 'autoscaling'],
    ['Autoscaling', 'autoscaling'],
    ['Neo and edge', 'neo-edge'],
    ['security', 'security-networking'],
    ['zzz', undefined],
  ])('"%s" is %s', (typed, id) => {
    expect(matchTopic(content.topics, typed)).toBe(id);
  });
});

describe('grading', () => {
  const single = bank.find((q) => q.type === 'single')!;
  const multiple = bank.find((q) => q.type === 'multiple') as Question;
  const wrongOf = (q: Question) => q.choices.find((c) => !q.answer.includes(c.id))!.id;

  it('a single answer is right only when it is the answer', () => {
    expect(grade(single, single.answer).correct).toBe(true);
    expect(grade(single, [wrongOf(single)]).correct).toBe(false);
  });

  it('several answers must match the answer set exactly, in any order', () => {
    expect(grade(multiple, [...multiple.answer].reverse()).correct).toBe(true);
    expect(grade(multiple, [multiple.answer[0]!]).correct).toBe(false);
    expect(grade(multiple, [...multiple.answer, wrongOf(multiple)]).correct).toBe(false);
  });
});
