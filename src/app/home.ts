import { canonicalTimeZone } from '../engines/leaderboard/rules.ts';
import type { PersonRef, ReminderRecord, StudyStore } from '../store/store.ts';
import type { Actor } from './bot.ts';
import { REMIND_FORM, REMIND_SUBMIT } from './home-actions.ts';
import { REMIND_OFF, remindCommand, reminderStatus } from './reminders.ts';
import { type Button, ephemeral, type Form, type Message, type Outcome, textMessage } from './reply.ts';
import { describeSettings, SETTINGS_BUTTON } from './settings.ts';
import type { StudyService } from './study.ts';
import { timeZoneLabel } from './time-zones.ts';
import { leaderboardMessage, points, progressMessage } from './views.ts';

/**
 * The person's study desk (issue 15, item 2), shown as Slack's App Home: progress with the study
 * buttons, their settings and reminder with buttons to change them, and the week's board of the
 * channels they answer in. A click on Study there continues in the app's Messages tab (the Slack
 * adapter posts the card to the person's DM), so the session stays in the conversation.
 */

export { REMIND_FORM, REMIND_SUBMIT } from './home-actions.ts';

/** Channel boards shown in full; the other channels are listed by name (each board is two reads). */
export const HOME_BOARDS = 3;
/** Channels listed by name under the boards; past this, "and N more". */
const HOME_CHANNEL_NAMES = 40;
const DEFAULT_REMINDER_TIME = '08:30';

export const MESSAGES_TAB_HINT =
  'Study, Review and Drill send your card to the **Messages** tab: the session stays there, and on your phone.';

function personOf(actor: Actor): PersonRef {
  return { platform: actor.platform, tenantId: actor.tenantId, userId: actor.userId };
}

/** The home view's messages, top to bottom. */
export async function homeMessages(
  study: StudyService,
  store: StudyStore,
  actor: Actor,
  now: Date,
): Promise<Message[]> {
  const person = personOf(actor);
  const [progress, boards, profile, reminder] = await Promise.all([
    study.progress(person, undefined, now),
    study.channelBoards(person, now, HOME_BOARDS),
    study.profile(person),
    store.getReminder(person),
  ]);
  const shown = progressMessage(progress);
  const overview: Message = {
    ...shown,
    // Study settings sit beside the settings they change, below.
    buttons: (shown.buttons ?? []).filter((b) => b.action !== SETTINGS_BUTTON),
    footer: `${MESSAGES_TAB_HINT}\n${shown.footer ?? ''}`.trim(),
  };
  const others = profile.channels.filter((c) => !boards.some((b) => b.channelId === c));
  return [
    overview,
    settingsMessage(describeSettings(profile), reminder),
    ...boards.map((b) => {
      const rank = b.rows.findIndex((r) => r.userId === actor.userId);
      const message = leaderboardMessage(
        b.rows,
        'week',
        b.weekKey,
        rank >= 0 ? { rank: rank + 1, score: b.rows[rank]!.score } : undefined,
      );
      const you = `Your streak here: ${b.you.streak} day${b.you.streak === 1 ? '' : 's'} · ${points(b.you.score)} all time`;
      return { ...message, sections: [{ lines: [`<#${b.channelId}>`, you] }, ...message.sections] };
    }),
    ...(boards.length === 0
      ? [
          textMessage(
            'No channel boards yet: answer a daily question or a `/studybot quiz` in a channel and its week’s leaderboard shows here.',
          ),
        ]
      : []),
    ...(others.length ? [channelsMessage(others)] : []),
  ];
}

/** The settings and the reminder, with a button for each. */
function settingsMessage(settings: string[], reminder: ReminderRecord | undefined): Message {
  const on = reminder !== undefined && !reminder.stopped;
  const buttons: Button[] = [
    { action: SETTINGS_BUTTON, label: 'Study settings' },
    {
      action: REMIND_FORM,
      label: on ? 'Change reminder' : reminder ? 'Turn the reminder on again' : 'Set a reminder',
    },
    ...(on ? [{ action: REMIND_OFF, label: 'Stop reminders' }] : []),
  ];
  const status = reminderStatus(reminder);
  return {
    text: `Your settings: ${settings.join('; ')}. ${status}`,
    title: '⚙️ Settings and reminders',
    sections: [{ lines: settings }, { heading: 'Reminder', lines: [status] }],
    buttons,
  };
}

/** The channels past the boards, by name (Slack shows each mention as #name). */
function channelsMessage(channels: string[]): Message {
  const named = channels.slice(0, HOME_CHANNEL_NAMES).map((c) => `<#${c}>`);
  const more = channels.length - named.length;
  const line = `Also studying in ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
  return { text: line, sections: [{ lines: [line] }] };
}

/** The reminder form: the time and time zone, pre-filled with the reminder, else your zone. */
export async function reminderForm(store: StudyStore, actor: Actor, now: Date): Promise<Outcome> {
  const person = personOf(actor);
  const [reminder, profile] = await Promise.all([store.getReminder(person), store.getProfile(person)]);
  const zone =
    reminder?.timeZone ??
    profile.timeZone ??
    (actor.timeZone ? canonicalTimeZone(actor.timeZone) : undefined) ??
    'UTC';
  const form: Form = {
    action: REMIND_SUBMIT,
    title: 'Study reminder',
    submitLabel: reminder && !reminder.stopped ? 'Save' : 'Turn on',
    intro: `${reminderStatus(reminder)}\nAt most one direct message a day, only on days you have cards due.`,
    fields: [
      {
        kind: 'time',
        id: 'time',
        label: 'Time of day',
        value: reminder?.time ?? DEFAULT_REMINDER_TIME,
        required: true,
        hint: '24-hour, in the time zone below, e.g. 08:30',
      },
      {
        kind: 'search',
        id: 'zone',
        source: 'timezone',
        label: 'Time zone',
        value: zone,
        valueLabel: timeZoneLabel(zone, now),
        placeholder: 'Type a city, e.g. Berlin',
        required: true,
        maxLength: 64,
        hint: 'An IANA name such as Europe/Berlin or America/New_York',
      },
    ],
  };
  return { ...ephemeral(textMessage(reminderStatus(reminder), '⏰ Study reminder')), form };
}

/** The reminder form submitted: the same as typing `/studybot remind <time> <zone>`. */
export async function submitReminder(
  store: StudyStore,
  actor: Actor,
  fields: Record<string, string> | undefined,
  now: Date,
): Promise<Outcome> {
  const time = fields?.time?.trim();
  const timeZone = fields?.zone?.trim();
  if (!time) return ephemeral(textMessage('Pick a time of day, then save the form again.'));
  const outcome = await remindCommand(
    store,
    actor,
    { name: 'remind', time, ...(timeZone ? { timeZone } : {}) },
    now,
  );
  return { ...outcome, homeChanged: true };
}
