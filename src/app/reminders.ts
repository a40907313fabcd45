import { createHash } from 'node:crypto';
import { questionsById } from '../content/index.ts';
import { canonicalTimeZone } from '../engines/leaderboard/rules.ts';
import { describeSlot, nextSlot, normalizeTime } from '../engines/schedule/schedule.ts';
import type { ChannelRef, PersonRef, ReminderRecord, ReminderSetting, StudyStore } from '../store/store.ts';
import type { Actor } from './bot.ts';
import type { Command } from './commands.ts';
import { ephemeral, type Message, type Outcome, textMessage, timeToken } from './reply.ts';

/**
 * Study reminders (issue 15, item 3): `/studybot remind 08:30 Europe/Berlin` turns on one direct
 * message a day at most, at the person's local time, sent only when they have cards due; its
 * **Start review** button starts the same session as `/studybot study`. The daily scheduler sends
 * them (src/daily/reminders.ts), with the same claim-and-mark exactly-once steps as daily posts.
 */

/** The button that turns reminders off from the reminder itself. */
export const REMIND_OFF = 'rmoff';
/** The most due cards the reminder counts; more show as "50+". */
export const REMINDER_COUNT_CAP = 50;

const EXAMPLE = '`/studybot remind 08:30 Europe/Berlin`';

/** A reminder's daily slot: every day, at the chosen local time (the schedule engine's rules for DST). */
function asSchedule(setting: ReminderSetting) {
  return { time: setting.time, timeZone: setting.timeZone, days: 'daily' as const };
}

/** The first reminder instant strictly after `after`, and the local day it belongs to. */
export function nextReminder(setting: ReminderSetting, after: Date): { at: Date; day: string } {
  return nextSlot(asSchedule(setting), after);
}

/** Discord nonces are at most 25 characters; one person and local day always give the same one. */
export function reminderNonce(person: PersonRef, day: string): string {
  return createHash('sha256')
    .update(`remind:${person.platform}:${person.tenantId}:${person.userId}:${day}`)
    .digest('hex')
    .slice(0, 25);
}

function describe(setting: ReminderSetting): string {
  return `${setting.time} ${setting.timeZone}`;
}

function nextLine(record: ReminderRecord): string {
  if (!record.nextAt) return '';
  const at = new Date(record.nextAt);
  return ` Next check: ${describeSlot(at, record.timeZone)} (${timeToken(at)} your time).`;
}

export function reminderStatus(record: ReminderRecord | undefined): string {
  if (!record)
    return `You have no study reminder. ${EXAMPLE} turns one on: a direct message at that time on days you have cards due, at most one a day.`;
  if (record.stopped)
    return `Your reminder (${describe(record)}) is stopped: ${record.stopped.reason} Run \`/studybot remind ${record.time}\` to turn it on again.`;
  return `Reminder on: ${describe(record)}, a direct message on days you have cards due.${nextLine(record)} \`/studybot remind off\` stops it.`;
}

/** Where the default zone came from, for the confirmation. */
type ZoneSource = 'typed' | 'reminder' | 'settings' | 'profile' | 'channel' | 'default';

function zoneNote(source: ZoneSource, platform: Actor['platform']): string {
  switch (source) {
    case 'settings':
      return ' (your StudyBot time zone)';
    case 'profile':
      return platform === 'slack' ? ' (your Slack time zone)' : ' (your profile’s time zone)';
    case 'channel':
      return ` (this channel’s time zone; to choose yours, add it: ${EXAMPLE})`;
    case 'default':
      return ` (UTC, as no zone was given; to choose yours, add it: ${EXAMPLE})`;
    default:
      return '';
  }
}

async function defaultZone(
  store: StudyStore,
  actor: Actor,
  person: PersonRef,
  current: ReminderRecord | undefined,
): Promise<{ zone: string; source: ZoneSource }> {
  if (current) return { zone: current.timeZone, source: 'reminder' };
  const profile = await store.getProfile(person);
  if (profile.timeZone) return { zone: profile.timeZone, source: 'settings' };
  const fromPlatform = actor.timeZone ? canonicalTimeZone(actor.timeZone) : undefined;
  if (fromPlatform) return { zone: fromPlatform, source: 'profile' };
  const channel: ChannelRef = {
    platform: actor.platform,
    tenantId: actor.tenantId,
    channelId: actor.channelId,
  };
  const record = actor.channelId ? await store.getChannel(channel, { asked: false }) : undefined;
  const channelZone = record?.subscription?.timeZone ?? record?.timeZone;
  if (channelZone) return { zone: channelZone, source: 'channel' };
  return { zone: 'UTC', source: 'default' };
}

/** `/studybot remind [HH:MM] [zone]`, `remind off`, and `remind` alone (the current setting). */
export async function remindCommand(
  store: StudyStore,
  actor: Actor,
  command: Extract<Command, { name: 'remind' }>,
  now: Date,
): Promise<Outcome> {
  const person: PersonRef = { platform: actor.platform, tenantId: actor.tenantId, userId: actor.userId };
  if (command.off) return remindOff(store, person);
  const current = await store.getReminder(person);
  if (!command.time && !command.timeZone) return ephemeral(textMessage(reminderStatus(current)));

  let time = current?.time;
  if (command.time) {
    const t = normalizeTime(command.time);
    if (!t)
      return ephemeral(
        textMessage(`I couldn't read "${command.time.slice(0, 20)}" as a time of day; try 08:30.`),
      );
    time = t;
  }
  if (!time) return ephemeral(textMessage(`Give the time of day too, e.g. ${EXAMPLE}.`));
  let zone: { zone: string; source: ZoneSource };
  if (command.timeZone) {
    const typed = canonicalTimeZone(command.timeZone);
    if (!typed)
      return ephemeral(
        textMessage(
          `I don't know the time zone "${command.timeZone.slice(0, 40)}"; use an IANA name such as Europe/Berlin.`,
        ),
      );
    zone = { zone: typed, source: 'typed' };
  } else {
    zone = await defaultZone(store, actor, person, current?.stopped ? undefined : current);
  }
  const setting: ReminderSetting = { time, timeZone: zone.zone };
  const next = nextReminder(setting, now).at;
  await store.setReminder(person, setting, next.toISOString());
  const text =
    `Reminder set: ${describe(setting)}${zoneNote(zone.source, actor.platform)}. ` +
    'I’ll message you directly at that time on days you have cards due, at most once a day. ' +
    `First check: ${describeSlot(next, setting.timeZone)} (${timeToken(next)} your time). ` +
    '`/studybot remind off` stops it.';
  return ephemeral(textMessage(text, '⏰ Study reminder'));
}

/** `/studybot remind off`, or the reminder's own **Stop reminders** button. */
export async function remindOff(store: StudyStore, person: PersonRef): Promise<Outcome> {
  const removed = await store.removeReminder(person);
  return ephemeral(
    textMessage(
      removed
        ? `Reminders off: I won’t message you about due cards. ${EXAMPLE} turns them on again.`
        : 'You had no study reminder; nothing changed.',
    ),
  );
}

/** How many cards are due, from one bounded read: the count, and whether it hit the cap. */
export async function dueCount(
  store: StudyStore,
  person: PersonRef,
  now: Date,
): Promise<{ count: number; capped: boolean }> {
  const cards = await store.dueCards(person, now, REMINDER_COUNT_CAP + 1);
  const live = cards.filter((c) => questionsById.has(c.questionId));
  return live.length > REMINDER_COUNT_CAP
    ? { count: REMINDER_COUNT_CAP, capped: true }
    : { count: live.length, capped: false };
}

/** The direct message: how many cards are due, **Start review**, **Stop reminders**, and how to stop. */
export function reminderMessage(
  _person: PersonRef,
  due: { count: number; capped: boolean },
  setting: ReminderSetting,
): Message {
  const n = `${due.count}${due.capped ? '+' : ''}`;
  const cards = due.count === 1 && !due.capped ? 'card' : 'cards';
  return {
    text: `You have ${n} ${cards} due for review in StudyBot.`,
    title: '⏰ Time to review',
    sections: [{ lines: [`You have **${n} ${cards}** due for review. A few minutes now keeps them fresh.`] }],
    buttons: [
      { action: 'next', label: 'Start review', style: 'primary' },
      { action: REMIND_OFF, label: 'Stop reminders' },
    ],
    footer: `Daily at ${describe(setting)} when cards are due. To stop: Stop reminders, or /studybot remind off.`,
  };
}
