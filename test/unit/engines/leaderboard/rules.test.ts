import { describe, expect, it } from 'vitest';
import {
  currentStreak,
  isoWeekKey,
  localDay,
  nextStreak,
  pointsFor,
} from '../../../../src/engines/leaderboard/rules.ts';

describe('weeks and days in the channel time zone', () => {
  // Sunday 2026-11-22 22:30 in New York is Monday 2026-11-23 14:30 in Sydney.
  const sundayNightNewYork = new Date('2026-11-23T03:30:00Z');
  // Sunday 2026-11-22 23:30 in Sydney is Sunday 2026-11-22 07:30 in New York.
  const sundayNightSydney = new Date('2026-11-22T12:30:00Z');

  it.each([
    [
      'a Sunday-night answer in New York stays in that week',
      sundayNightNewYork,
      'America/New_York',
      '2026-W47',
      '2026-11-22',
    ],
    [
      'the same instant is already next week in Sydney',
      sundayNightNewYork,
      'Australia/Sydney',
      '2026-W48',
      '2026-11-23',
    ],
    [
      'a Sunday-night answer in Sydney stays in that week',
      sundayNightSydney,
      'Australia/Sydney',
      '2026-W47',
      '2026-11-22',
    ],
    [
      'the same instant is Sunday morning in New York',
      sundayNightSydney,
      'America/New_York',
      '2026-W47',
      '2026-11-22',
    ],
    ['ISO week 53 at a year end', new Date('2026-12-31T12:00:00Z'), 'UTC', '2026-W53', '2026-12-31'],
    [
      'January 1st belonging to the previous ISO year',
      new Date('2027-01-01T12:00:00Z'),
      'Europe/Berlin',
      '2026-W53',
      '2027-01-01',
    ],
    [
      'an unknown zone counts in UTC rather than failing',
      new Date('2026-11-23T03:30:00Z'),
      'Mars/Olympus',
      '2026-W48',
      '2026-11-23',
    ],
  ])('%s', (_label, at, zone, week, day) => {
    expect(isoWeekKey(at, zone)).toBe(week);
    expect(localDay(at, zone)).toBe(day);
  });

  it('counts the day across a daylight-saving change in the local zone', () => {
    // Berlin leaves summer time on 2026-10-25: 23:30 local on the 25th is 22:30 UTC.
    expect(localDay(new Date('2026-10-25T22:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(localDay(new Date('2026-10-25T23:30:00Z'), 'Europe/Berlin')).toBe('2026-10-26');
  });
});

describe('streaks', () => {
  it.each([
    ['a first answer starts a streak of 1', undefined, '2026-11-20', { current: 1, best: 1 }],
    [
      'the next day adds one',
      { current: 3, best: 5, lastDay: '2026-11-19' },
      '2026-11-20',
      { current: 4, best: 5 },
    ],
    [
      'the same day keeps it',
      { current: 3, best: 5, lastDay: '2026-11-20' },
      '2026-11-20',
      { current: 3, best: 5 },
    ],
    [
      'a missed day starts again at 1',
      { current: 6, best: 6, lastDay: '2026-11-17' },
      '2026-11-20',
      { current: 1, best: 6 },
    ],
    [
      'a new best is kept',
      { current: 5, best: 5, lastDay: '2026-11-19' },
      '2026-11-20',
      { current: 6, best: 6 },
    ],
    [
      'across a month end',
      { current: 2, best: 2, lastDay: '2026-11-30' },
      '2026-12-01',
      { current: 3, best: 3 },
    ],
    [
      'a late retry of an older day never rewinds it',
      { current: 4, best: 4, lastDay: '2026-11-20' },
      '2026-11-19',
      { current: 4, best: 4 },
    ],
  ])('%s', (_label, prev, day, want) => {
    const s = nextStreak(prev, day);
    expect({ current: s.current, best: s.best }).toEqual(want);
  });

  it('shows a streak as broken once a whole day passes without an answer', () => {
    const s = { current: 4, best: 4, lastDay: '2026-11-20' };
    expect(currentStreak(s, '2026-11-21')).toBe(4);
    expect(currentStreak(s, '2026-11-22')).toBe(0);
  });
});

describe('points', () => {
  it.each([
    ['easy', true, 1],
    ['medium', true, 2],
    ['hard', true, 3],
    ['hard', false, 0],
  ] as const)('a %s question answered correctly=%s is worth %i', (d, ok, pts) => {
    expect(pointsFor(d, ok)).toBe(pts);
  });
});
