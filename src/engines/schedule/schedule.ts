import { DateTime } from 'luxon';

/**
 * When a subscribed channel gets its daily question. Pure: the zone rules come from the ICU data in
 * the runtime, `after` is always an argument, and nothing reads the clock.
 *
 * Every local calendar day has at most one slot, so a daylight-saving change can neither double a
 * day nor drop one:
 * - a local time that does not exist (spring forward, e.g. 02:30 in Berlin on the last Sunday of
 *   March) posts at the first instant after it that does exist: the end of the gap (03:00);
 * - a local time that happens twice (fall back) posts once, at the earlier instant.
 */
export type PostDays = 'weekdays' | 'daily';

export interface Subscription {
  /** Local time of day, HH:MM (24-hour). */
  time: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  days: PostDays;
}

export interface Slot {
  /** The instant the post is due. */
  at: Date;
  /** The local calendar day it belongs to, e.g. 2026-10-25 (in the subscription's zone). */
  day: string;
}

/** Reads "9:00" or "09:00"; undefined for anything that is not a time of day. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/** "9:00" → "09:00"; undefined when unreadable. */
export function normalizeTime(text: string): string | undefined {
  const t = parseTimeOfDay(text);
  return t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : undefined;
}

const MINUTE = 60_000;

/** The one instant a local date and time means in `zone`: earliest if repeated, gap end if missing. */
export function localInstant(day: DateTime, hour: number, minute: number, zone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  // The offsets in force a day either side cover both sides of any transition on this date.
  const offsets = new Set([-1, 0, 1].map((d) => DateTime.fromMillis(wall + d * 86_400_000, { zone }).offset));
  const matches = [...offsets]
    .map((offset) => wall - offset * MINUTE)
    .filter((ms) => {
      const local = DateTime.fromMillis(ms, { zone });
      return local.day === day.day && local.hour === hour && local.minute === minute;
    })
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return new Date(matches[0]);
  // In a gap: walk forward from the earliest reading to the transition, minute by minute (gaps
  // are at most an hour, and every zone in use changes offset on a whole minute).
  const earliest = Math.min(...[...offsets].map((offset) => wall - offset * MINUTE));
  const before = DateTime.fromMillis(earliest, { zone }).offset;
  let ms = earliest;
  for (let i = 0; i < 24 * 60 && DateTime.fromMillis(ms, { zone }).offset === before; i++) ms += MINUTE;
  return new Date(ms);
}

function postsOn(day: DateTime, days: PostDays): boolean {
  return days === 'daily' || day.weekday <= 5;
}

/** The slot of one local day (ignoring weekdays): the instant and the day it belongs to. */
export function slotOn(subscription: Subscription, day: string): Slot {
  const t = parseTimeOfDay(subscription.time);
  if (!t) throw new Error(`not a time of day: ${subscription.time}`);
  const date = DateTime.fromISO(day, { zone: 'UTC' });
  return { at: localInstant(date, t.hour, t.minute, subscription.timeZone), day };
}

/** The first slot strictly after `after`: the next post's instant and its local day. */
export function nextSlot(subscription: Subscription, after: Date): Slot {
  const zone = subscription.timeZone;
  const local = DateTime.fromJSDate(after, { zone });
  if (!local.isValid) throw new Error(`unknown time zone: ${zone}`);
  // Start a day early: a slot of "yesterday" in local terms can still be ahead of a zone crossing.
  const first = DateTime.fromObject(
    { year: local.year, month: local.month, day: local.day },
    { zone: 'UTC' },
  ).minus({ days: 1 });
  for (let i = 0; i < 10; i++) {
    const day = first.plus({ days: i });
    if (!postsOn(day, subscription.days)) continue;
    const slot = slotOn(subscription, day.toISODate()!);
    if (slot.at.getTime() > after.getTime()) return slot;
  }
  throw new Error('no slot within ten days');
}

/** The next post instant strictly after `after`. */
export function nextPostAt(subscription: Subscription, after: Date): Date {
  return nextSlot(subscription, after).at;
}

/** The local day a slot instant belongs to (the inverse of `slotOn` for instants it produced). */
export function slotDay(subscription: Subscription, at: Date): string {
  // A gap post lands at the end of the gap, still on the same local date; a repeated hour is the
  // earlier instant, also the same date. So the local date of the instant is the slot's day.
  return DateTime.fromJSDate(at, { zone: subscription.timeZone }).toISODate()!;
}

/** The deterministic id of a channel's daily post for a local day: one id per day, e.g. d20261025. */
export function dailyPostId(day: string): string {
  return `d${day.replaceAll('-', '')}`;
}

/** "Mon 26 Oct, 09:00 Europe/Berlin": how a person reads a slot. */
export function describeSlot(at: Date, timeZone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL, HH:mm')} ${timeZone}`;
}
