import { createHash } from 'node:crypto';
import { questionsById } from '../content/index.ts';
import { canonicalTimeZone } from '../engines/leaderboard/rules.ts';
import { describeSlot, nextSlot, normalizeTime } from '../engines/schedule/schedule.ts';
import type {
  ChannelRef,
  PersonRef,
  ReminderRecord,
  ReminderSetting,
  StudyStore,
  TenantRef,
} from '../store/store.ts';
import type { Actor } from './bot.ts';
import type { Command } from './commands.ts';
import { decodeAction, ephemeral, type Message, type Outcome, textMessage, timeToken } from './reply.ts';
import { REPORT_BUTTON, REPORT_SUBMIT } from './reports.ts';
import { SETTINGS_BUTTON, SETTINGS_SUBMIT } from './settings.ts';

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
  person: PersonRef,
  due: { count: number; capped: boolean },
  setting: ReminderSetting,
): Message {
  const n = `${due.count}${due.capped ? '+' : ''}`;
  const cards = due.count === 1 && !due.capped ? 'card' : 'cards';
  const where =
    person.platform === 'discord' && !isDirectTenant(person) ? ' in the server where you turned them on' : '';
  return {
    text: `You have ${n} ${cards} due for review in StudyBot.`,
    title: '⏰ Time to review',
    sections: [{ lines: [`You have **${n} ${cards}** due for review. A few minutes now keeps them fresh.`] }],
    buttons: [
      { action: inTenant(person, 'next') ?? 'next', label: 'Start review', style: 'primary' },
      { action: inTenant(person, REMIND_OFF) ?? REMIND_OFF, label: 'Stop reminders' },
    ],
    footer: `Daily at ${describe(setting)} when cards are due. To stop: Stop reminders, or /studybot remind off${where}.`,
  };
}

// ---- Actions in a person's own other tenant ----
//
// A Discord direct message has no guild, so a click there comes with the DM channel as its tenant
// (see platforms/discord/handler.ts), while the reminder counted the cards of the person's deck in
// the server where they turned it on. The reminder's buttons therefore name that tenant:
// `@:<tenant>:<action>`, and what the click answers (the next card, its feedback) carries it on, so
// the whole session runs in that deck. Only the study session's own verbs may be wrapped, and the
// user id always comes from the signed request: a tampered tenant reaches only the clicker's own
// data, and a review card's MAC (which covers the tenant) refuses an answer issued elsewhere.

export const IN_TENANT = '@';

const TENANT_VERBS = new Set([
  'next',
  'r',
  'x',
  REMIND_OFF,
  REPORT_BUTTON,
  REPORT_SUBMIT,
  SETTINGS_BUTTON,
  SETTINGS_SUBMIT,
]);

/** Discord DMs are their own tenant (`dm-<channel>`); a reminder set in one needs no wrapping. */
function isDirectTenant(t: TenantRef): boolean {
  return t.platform === 'discord' && t.tenantId.startsWith('dm-');
}

/** Snowflakes in base 36 (13 characters at most instead of 20), anything else as it is after `~`. */
function encodeTenant(tenantId: string): string | undefined {
  if (/^\d{1,20}$/.test(tenantId)) return BigInt(tenantId).toString(36);
  return /^[A-Za-z0-9_.-]{1,40}$/.test(tenantId) ? `~${tenantId}` : undefined;
}

function decodeTenant(text: string): string | undefined {
  if (text.startsWith('~')) return /^~[A-Za-z0-9_.-]{1,40}$/.test(text) ? text.slice(1) : undefined;
  if (!/^[0-9a-z]{1,13}$/.test(text)) return undefined;
  let n = 0n;
  for (const ch of text) n = n * 36n + BigInt(Number.parseInt(ch, 36));
  return n.toString();
}

/** `action` done in `tenant`'s deck wherever it is clicked; undefined if it would not fit 100 characters. */
export function inTenant(tenant: TenantRef, action: string, spare = 0): string | undefined {
  if (!TENANT_VERBS.has(decodeAction(action).verb)) return undefined;
  const enc = encodeTenant(tenant.tenantId);
  const id = enc ? `${IN_TENANT}:${enc}:${action}` : undefined;
  return id && id.length + spare <= 100 ? id : undefined;
}

/** The tenant and inner action of a wrapped action id's arguments; undefined when not allowed. */
export function fromTenant(args: string[]): { tenantId: string; id: string } | undefined {
  const [enc, ...inner] = args;
  const tenantId = enc ? decodeTenant(enc) : undefined;
  const id = inner.join(':');
  if (!tenantId || !TENANT_VERBS.has(decodeAction(id).verb)) return undefined;
  return { tenantId, id };
}

/** What a wrapped click answered, with its buttons and form naming the same tenant (when it differs). */
export function keepTenant(outcome: Outcome, tenant: TenantRef, clickedIn: string): Outcome {
  if (tenant.tenantId === clickedIn) return outcome;
  const wrap = (action: string, spare = 0) => inTenant(tenant, action, spare) ?? action;
  const message = outcome.reply.message;
  const wrapped: Message = {
    ...message,
    ...(message.buttons ? { buttons: message.buttons.map((b) => ({ ...b, action: wrap(b.action) })) } : {}),
    // Single-answer choices become buttons `<action>:<choice id>`: room for those two characters.
    ...(message.picker ? { picker: { ...message.picker, action: wrap(message.picker.action, 2) } } : {}),
  };
  return {
    ...outcome,
    reply: { ...outcome.reply, message: wrapped },
    ...(outcome.form ? { form: { ...outcome.form, action: wrap(outcome.form.action) } } : {}),
  };
}
