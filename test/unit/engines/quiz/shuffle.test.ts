import { describe, expect, it } from 'vitest';
import { content } from '../../../../src/content/index.ts';
import { shuffled } from '../../../../src/engines/quiz/shuffle.ts';

const q = content.questions.find((x) => x.choices.length >= 4)!;

describe('choices in the order a post shows them', () => {
  it('is the same order for the same post, so every view of it letters the choices alike', () => {
    expect(shuffled(q, 'p1').choices).toEqual(shuffled(q, 'p1').choices);
  });

  it('keeps every choice and its id, so grading and explanations are untouched', () => {
    const ids = shuffled(q, 'p1').choices.map((c) => c.id);
    expect([...ids].sort()).toEqual(q.choices.map((c) => c.id).sort());
    expect(shuffled(q, 'p1').answer).toEqual(q.answer);
  });

  it('moves the answer around from post to post', () => {
    const positions = new Set(
      Array.from({ length: 40 }, (_, i) =>
        shuffled(q, `post-${i}`).choices.findIndex((c) => c.id === q.answer[0]),
      ),
    );
    expect(positions.size).toBe(q.choices.length);
  });
});
