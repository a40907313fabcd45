import { describe, expect, it } from 'vitest';
import { content } from '../../../src/content/index.ts';
import { pickChannelQuestion } from '../../../src/engines/quiz/select.ts';
import { QuestionCodec, questionCode } from '../../../src/store/question-codes.ts';

const ids = content.questions.map((q) => q.id);
const hex = (id: string) => Buffer.from(questionCode(id)).toString('hex');

describe('question codes for the channel history', () => {
  it('give every question of the bank its own code', () => {
    expect(new Set(ids.map(hex)).size).toBe(ids.length);
  });

  it('keep a channel history under one write unit however long the channel has posted', () => {
    const codec = new QuestionCodec(ids);
    let packed: Uint8Array | undefined;
    let longest = 0;
    const asked: string[] = [];
    for (let day = 0; day < 3 * 365; day++) {
      const q = pickChannelQuestion(content.questions, codec.decode(packed), { seed: `c:${day}` })!;
      asked.push(q.id);
      packed = codec.append(packed, q.id);
      longest = Math.max(longest, packed.length);
    }
    expect(longest).toBeLessThan(1024 - 100);
    expect(codec.decode(packed).length).toBeLessThan(ids.length);
    // No question repeats within a pass through the bank, as with the full history.
    for (let start = 0; start + ids.length <= asked.length; start += ids.length)
      expect(new Set(asked.slice(start, start + ids.length)).size).toBe(ids.length);
  });

  it('drops questions no longer in the bank and keeps each question once, last asked last', () => {
    const codec = new QuestionCodec(ids);
    let packed = codec.append(undefined, 'gone-from-the-bank');
    packed = codec.append(packed, ids[0]!);
    packed = codec.append(packed, ids[1]!);
    packed = codec.append(packed, ids[0]!);
    expect(codec.decode(packed)).toEqual([ids[1], ids[0]]);
  });
});
