import * as z from 'zod/mini';
import { canonicalTimeZone } from '../engines/leaderboard/rules.ts';
import { normalizeTime } from '../engines/schedule/schedule.ts';
import type { PersonRef, ProfileRecord, StudySettings, StudyStore } from '../store/store.ts';
import type { Actor } from './bot.ts';
import { MAX_RETENTION, MIN_RETENTION } from './commands.ts';
import { remindCommand, remindOff } from './reminders.ts';
import { encodeAction, ephemeral, type Form, type Outcome, textMessage } from './reply.ts';
import { MAX_NEW_CARDS_PER_DAY, NEW_CARDS_PER_DAY } from './study.ts';
import { timeZoneLabel } from './time-zones.ts';

/**
 * A person's study settings: desired retention, new cards a day, and their own time zone (the day
 * new cards are counted in, and the days of the forecast). Typed as `/studybot settings retention 90
 * new 10 zone Europe/Berlin`, or changed in a form: the same checks, the same one write.
 */
export const SETTINGS_BUTTON = 'set';
export const SETTINGS_SUBMIT = 'setd';

/** What a person typed or submitted, before it is checked. */
export interface SettingsInput {
  retention?: string;
  newPerDay?: string;
  timeZone?: string;
  /** The form's daily reminder time (HH:MM; empty: no reminder). Typed settings leave it out. */
  remindAt?: string;
}

const NewPerDay = z.int().check(z.gte(0), z.lte(MAX_NEW_CARDS_PER_DAY));

/** Checks each given field; the first problem comes back as one sentence a person can act on. */
export function checkSettings(input: SettingsInput): StudySettings | { error: string } {
  const out: StudySettings = {};
  const retention = input.retention?.trim();
  if (retention) {
    const n = Number(retention.replace(/%$/, ''));
    const value = n > 1 ? n / 100 : n;
    if (!Number.isFinite(value) || value < MIN_RETENTION || value > MAX_RETENTION)
      return {
        error: `Retention is how likely you want to be to remember a card when it comes back: ${MIN_RETENTION * 100}% to ${MAX_RETENTION * 100}% (e.g. 90).`,
      };
    // Whole percent: finer steps change nothing a person notices.
    out.retention = Math.round(value * 100) / 100;
  }
  const perDay = input.newPerDay?.trim();
  if (perDay) {
    const parsed = NewPerDay.safeParse(Number(perDay));
    if (!/^\d+$/.test(perDay) || !parsed.success)
      return {
        error: `New cards a day is a whole number from 0 (reviews only) to ${MAX_NEW_CARDS_PER_DAY}.`,
      };
    out.newPerDay = parsed.data;
  }
  const zone = input.timeZone?.trim();
  if (zone) {
    const canonical = canonicalTimeZone(zone);
    if (!canonical)
      return {
        error: `I don't know the time zone "${zone.slice(0, 40)}"; use an IANA name such as Europe/Berlin or America/New_York.`,
      };
    out.timeZone = canonical;
  }
  return out;
}

export function describeSettings(p: ProfileRecord): string[] {
  return [
    `Desired retention: **${Math.round(p.retention * 100)}%** (cards come back when you are about that likely to remember them)`,
    `New cards a day: **${p.newPerDay ?? NEW_CARDS_PER_DAY}**${p.newPerDay === undefined ? ' (the default)' : ''}`,
    `Your time zone: **${p.timeZone ?? 'not set'}**${p.timeZone ? '' : ' (your day is counted in UTC, or the channel’s zone for progress)'}`,
  ];
}

/** The settings form, pre-filled with the person's current settings. */
export async function settingsForm(
  store: StudyStore,
  person: PersonRef,
  now: Date = new Date(),
): Promise<Outcome> {
  const [p, reminder] = await Promise.all([store.getProfile(person), store.getReminder(person)]);
  const reminding = reminder && !reminder.stopped ? reminder : undefined;
  const form: Form = {
    action: encodeAction(SETTINGS_SUBMIT),
    title: 'Study settings',
    submitLabel: 'Save',
    fields: [
      {
        id: 'retention',
        label: `Desired retention, % (${MIN_RETENTION * 100}–${MAX_RETENTION * 100})`,
        value: String(Math.round(p.retention * 100)),
        required: true,
        maxLength: 4,
      },
      {
        id: 'newPerDay',
        label: `New cards a day (0–${MAX_NEW_CARDS_PER_DAY})`,
        value: String(p.newPerDay ?? NEW_CARDS_PER_DAY),
        required: true,
        maxLength: 3,
      },
      {
        kind: 'search',
        id: 'timeZone',
        source: 'timezone',
        label: 'Your time zone',
        ...(p.timeZone ? { value: p.timeZone, valueLabel: timeZoneLabel(p.timeZone, now) } : {}),
        placeholder: 'Type a city, e.g. Berlin',
        maxLength: 64,
        hint: 'Your day for new cards and the forecast; an IANA name such as Europe/Berlin',
      },
      {
        kind: 'time',
        id: 'remindAt',
        label: 'Daily reminder',
        ...(reminding ? { value: reminding.time } : {}),
        hint: 'A direct message at this time on days you have cards due; leave it empty for none',
      },
    ],
  };
  const current = describeSettings(p);
  return {
    ...ephemeral({
      text: `Your study settings: ${current.join('; ')}`,
      title: 'Study settings',
      sections: [
        { lines: current },
        { lines: ['Change them with `/studybot settings retention 90 new 10 zone Europe/Berlin`.'] },
      ],
    }),
    form,
  };
}

/** Saves checked settings in one write and says what they are now. */
export async function saveSettings(
  store: StudyStore,
  actor: Actor,
  input: SettingsInput,
  at: Date = new Date(),
): Promise<Outcome> {
  const person: PersonRef = { platform: actor.platform, tenantId: actor.tenantId, userId: actor.userId };
  const checked = checkSettings(input);
  if ('error' in checked) return ephemeral(textMessage(`${checked.error} Nothing was changed.`));
  const typedRemindAt = input.remindAt?.trim();
  const remindAt = typedRemindAt ? normalizeTime(typedRemindAt) : undefined;
  if (typedRemindAt && !remindAt)
    return ephemeral(
      textMessage(
        `The reminder time is a time of day such as 08:30 (or empty for none). Nothing was changed.`,
      ),
    );
  if (Object.keys(checked).length === 0 && input.remindAt === undefined)
    return settingsForm(store, person, at);
  const [before, reminder] = await Promise.all([store.getProfile(person), store.getReminder(person)]);
  if (Object.keys(checked).length) await store.saveSettings(person, checked);
  const now = { ...before, ...checked };
  const lines = describeSettings(now);
  // The form's reminder: set, moved (also when the zone changed) or turned off, as `remind` does.
  if (input.remindAt !== undefined) {
    const on = reminder && !reminder.stopped ? reminder : undefined;
    const zone = checked.timeZone ?? on?.timeZone ?? now.timeZone;
    let outcome: Outcome | undefined;
    if (!remindAt && on) outcome = await remindOff(store, person);
    else if (remindAt && (remindAt !== on?.time || zone !== on?.timeZone))
      outcome = await remindCommand(
        store,
        actor,
        { name: 'remind', time: remindAt, ...(zone ? { timeZone: zone } : {}) },
        at,
      );
    lines.push(
      outcome
        ? outcome.reply.message.text
        : on
          ? `Daily reminder: **${on.time} ${on.timeZone}** (unchanged)`
          : 'Daily reminder: **off**',
    );
  }
  return ephemeral({
    text: `Saved. ${lines.join('; ')}`,
    title: 'Study settings saved',
    sections: [{ lines }],
  });
}
