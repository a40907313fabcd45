import { describe, expect, it } from 'vitest';
import { applyToMember } from '../../../src/app/study.ts';
import type { MemberRecord } from '../../../src/store/store.ts';

const answer = { points: 2, correct: true, day: '2026-03-04', weekKey: '2026-W10' };
const stored: MemberRecord = {
  userId: 'U1',
  userName: 'Ada Lovelace',
  score: 5,
  weekKey: '2026-W10',
  weekScore: 3,
  streak: 1,
  bestStreak: 2,
  lastDay: '2026-03-03',
  answered: 3,
  correct: 2,
  applied: {},
};

describe('the name a member keeps', () => {
  it('takes the name the platform shows now (a rename)', () => {
    expect(applyToMember(stored, { userId: 'U1', userName: 'Ada K.' }, answer).userName).toBe('Ada K.');
  });

  it('keeps the stored name over a stand-in (the handle, when Slack could not be asked)', () => {
    expect(applyToMember(stored, { userId: 'U1', fallbackName: 'ada' }, answer).userName).toBe(
      'Ada Lovelace',
    );
  });

  it('uses the stand-in for someone with no stored name', () => {
    expect(applyToMember(undefined, { userId: 'U1', fallbackName: 'ada' }, answer).userName).toBe('ada');
  });
});
