import * as z from 'zod/mini';
import { canonicalTimeZone } from '../engines/leaderboard/rules.ts';
import type { PersonRef, ProfileRecord, StudySettings, StudyStore } from '../store/store.ts';
import { MAX_RETENTION, MIN_RETENTION } from './commands.ts';
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
  const p = await store.getProfile(person);
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
  person: PersonRef,
  input: SettingsInput,
): Promise<Outcome> {
  const checked = checkSettings(input);
  if ('error' in checked) return ephemeral(textMessage(`${checked.error} Nothing was changed.`));
  if (Object.keys(checked).length === 0) return settingsForm(store, person);
  const before = await store.getProfile(person);
  await store.saveSettings(person, checked);
  const now = { ...before, ...checked };
  return ephemeral({
    text: `Saved. ${describeSettings(now).join('; ')}`,
    title: 'Study settings saved',
    sections: [{ lines: describeSettings(now) }],
  });
}
