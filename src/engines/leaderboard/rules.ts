import { DateTime } from 'luxon';

/**
 * Leaderboard and streak rules. Weeks are ISO weeks and days are calendar days in the channel's
 * time zone, so a Sunday-night answer in Sydney and one in New York each land in their own week.
 */
export type Difficulty = 'easy' | 'medium' | 'hard';

const POINTS: Record<Difficulty, number> = { easy: 1, medium: 2, hard: 3 };

/** Points for a correct first answer to a channel question; harder questions are worth more. */
export function pointsFor(difficulty: Difficulty, correct: boolean): number {
  return correct ? POINTS[difficulty] : 0;
}

function zoned(now: Date, timeZone: string): DateTime {
  const dt = DateTime.fromJSDate(now, { zone: timeZone });
  // An unknown zone would give an invalid date; the channel falls back to UTC rather than failing.
  return dt.isValid ? dt : DateTime.fromJSDate(now, { zone: 'UTC' });
}

/** The calendar day in the channel's zone, e.g. 2026-11-22. */
export function localDay(now: Date, timeZone: string): string {
  return zoned(now, timeZone).toISODate()!;
}

/** The ISO week in the channel's zone, e.g. 2026-W47. */
export function isoWeekKey(now: Date, timeZone: string): string {
  const dt = zoned(now, timeZone);
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.local().setZone(timeZone).isValid;
}

/** The zone as IANA spells it ("europe/berlin" → "Europe/Berlin", "utc" → "UTC"); undefined if unknown. */
export function canonicalTimeZone(text: string): string | undefined {
  const t = text.trim();
  if (t.toLowerCase() === 'utc') return 'UTC';
  if (!t || !isValidTimeZone(t)) return undefined;
  // luxon keeps the spelling it was given; Intl resolves it to IANA's own.
  return new Intl.DateTimeFormat('en-US', { timeZone: t }).resolvedOptions().timeZone;
}

export interface Streak {
  current: number;
  best: number;
  lastDay?: string;
}

/** Consecutive local days with a channel question answered: same day keeps it, the next day adds one. */
export function nextStreak(prev: Streak | undefined, day: string): Streak {
  if (!prev?.lastDay) return { current: 1, best: Math.max(1, prev?.best ?? 0), lastDay: day };
  if (prev.lastDay === day) return prev;
  if (day < prev.lastDay) return prev; // a late retry of an older answer never rewinds the streak
  const yesterday = DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 }).toISODate();
  const current = prev.lastDay === yesterday ? prev.current + 1 : 1;
  return { current, best: Math.max(prev.best, current), lastDay: day };
}

/** The streak as a person sees it today: broken if the last answer was before yesterday. */
export function currentStreak(streak: Streak | undefined, today: string): number {
  if (!streak?.lastDay) return 0;
  const yesterday = DateTime.fromISO(today, { zone: 'UTC' }).minus({ days: 1 }).toISODate();
  return streak.lastDay === today || streak.lastDay === yesterday ? streak.current : 0;
}
