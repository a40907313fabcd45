import { describe, expect, it } from 'vitest';
import { isDue, isLearned, retrievability, review } from '../../../../src/engines/srs/scheduler.ts';

const t0 = new Date('2026-11-20T09:00:00Z');
const later = (card: { due: string }, ms = 1000) => new Date(new Date(card.due).getTime() + ms);

describe('FSRS scheduling through ts-fsrs', () => {
  it('brings a missed card back within the session and a known card back days later', () => {
    const missed = review(undefined, false, t0);
    const known = review(undefined, true, t0);
    expect(new Date(missed.due).getTime() - t0.getTime()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(new Date(known.due).getTime()).toBeGreaterThan(new Date(missed.due).getTime());
  });

  it('grows the interval with each right answer and counts a lapse on a wrong one', () => {
    let card = review(undefined, true, t0);
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = later(card);
      card = review(card, true, at);
      intervals.push(new Date(card.due).getTime() - at.getTime());
    }
    expect(intervals[3]!).toBeGreaterThan(intervals[0]!);
    expect(isLearned(card)).toBe(true);
    const lapsed = review(card, false, later(card));
    expect(lapsed.lapses).toBe(card.lapses + 1);
  });

  it('predicts recall that falls as time passes', () => {
    let card = review(undefined, true, t0);
    card = review(card, true, later(card));
    const soon = retrievability(card, new Date(card.lastReview!));
    const late = retrievability(card, new Date(new Date(card.due).getTime() + 60 * 86_400_000));
    expect(soon).toBeGreaterThan(late);
    expect(isDue(card, new Date(card.due))).toBe(true);
  });

  it('schedules sooner for a person who wants higher retention', () => {
    const base = review(review(undefined, true, t0), true, new Date('2026-11-21T09:00:00Z'));
    const at = later(base);
    const relaxed = review(base, true, at, 0.8);
    const strict = review(base, true, at, 0.95);
    expect(new Date(strict.due).getTime()).toBeLessThan(new Date(relaxed.due).getTime());
  });
});
