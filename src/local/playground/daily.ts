import { DateTime } from 'luxon';

/**
 * When a playground channel's next daily post is due, read from what the bot answers to
 * `/studybot subscribe` alone ("Daily question here at 09:30 UTC, every day. Next one: Mon 2 Mar,
 * 09:30 UTC …"). The playground asks the bot like a person would rather than reading the store:
 * the bot owns its data, and the answer is what the person sees. Pure: the text and the clock in.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The instant of the next daily post the status names, or undefined (not subscribed, paused, unreadable). */
export function nextPostFromStatus(status: string, now: Date): Date | undefined {
  const at = /\b(?:Next|First) one:\s*([^\n]{0,240})/.exec(status);
  if (!at?.[1]) return undefined;
  const rest = at[1];
  // A time token as the platform renders it: Discord <t:unix…>, Slack <!date^unix^…>.
  const token = /<t:(\d{1,12})[:>]|<!date\^(\d{1,12})\^/.exec(rest);
  if (token) return new Date(Number(token[1] ?? token[2]) * 1000);
  // describeSlot's "Mon 2 Mar, 09:30 Europe/Berlin": the year is the one that makes the weekday right.
  const slot =
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) ([A-Z][a-z]{2}), (\d{2}):(\d{2}) ([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)/.exec(
      rest,
    );
  if (slot) {
    const [, weekday, day, month, hour, minute, zone] = slot;
    const candidates = [-1, 0, 1]
      .map((d) =>
        DateTime.fromObject(
          {
            year: now.getUTCFullYear() + d,
            month: MONTHS.indexOf(month!) + 1,
            day: Number(day),
            hour: Number(hour),
            minute: Number(minute),
          },
          { zone: zone! },
        ),
      )
      .filter((t) => t.isValid && t.weekday === WEEKDAYS.indexOf(weekday!) + 1)
      .sort((a, b) => Math.abs(a.toMillis() - now.getTime()) - Math.abs(b.toMillis() - now.getTime()));
    if (candidates[0]) return candidates[0].toJSDate();
  }
  // The UTC fallback a plain-text rendering of a time token writes: "2026-03-02 09:30 UTC".
  const utc = /(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}) UTC/.exec(rest);
  if (utc) return new Date(`${utc[1]}T${utc[2]}:00Z`);
  return undefined;
}

/**
 * The time one scheduler pass should run at to post that channel's next daily question: its slot,
 * or now if the slot has passed and the minute pass has not got to it yet.
 */
export function passTimeFor(next: Date, now: Date): Date {
  return next.getTime() > now.getTime() ? next : now;
}

/** The command a person runs beside `npm start` for the same pass. */
export function dailyRunCommand(at: Date): string {
  return `npx studybot daily run --at ${at.toISOString().replace('.000Z', 'Z')}`;
}
