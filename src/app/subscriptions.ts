import { createHash } from 'node:crypto';
import { canonicalTimeZone } from '../engines/leaderboard/rules.ts';
import { describeSlot, nextPostAt, normalizeTime, type Subscription } from '../engines/schedule/schedule.ts';
import type { ChannelRecord, ChannelRef, StudyStore } from '../store/store.ts';
import type { Actor, BotAction } from './bot.ts';
import type { Command } from './commands.ts';
import {
  decodeAction,
  encodeAction,
  ephemeral,
  type Form,
  type Message,
  type Outcome,
  textMessage,
  timeToken,
} from './reply.ts';
import {
  SUBSCRIBE_FORM,
  SUBSCRIBE_SUBMIT,
  UNSUBSCRIBE_CONFIRM,
  UNSUBSCRIBE_KEEP,
} from './subscription-actions.ts';
import { closeTimeZones, timeZoneLabel } from './time-zones.ts';

/**
 * `/studybot subscribe` and `unsubscribe`: the channel's daily question. Anyone may look at the
 * subscription; changing it needs Slack admin/owner (or the allow-list) or Discord Manage Channels.
 *
 * Typed with a time, zone or days, `subscribe` changes it at once. Alone, it opens a form for
 * someone who may change it (pre-filled with the subscription, which the form also describes) and
 * shows the subscription to anyone else. The form's submission is the typed command with the
 * form's values, through the same checks. `unsubscribe` asks to confirm first, with two buttons.
 */
const DEFAULT_TIME = '09:00';
const EXAMPLE = '`/studybot subscribe 09:00 Europe/Berlin weekdays`';

export {
  actionNeedsChannelManager,
  commandNeedsChannelManager,
  SUBSCRIBE_FORM,
  SUBSCRIBE_SUBMIT,
  UNSUBSCRIBE_CONFIRM,
  UNSUBSCRIBE_KEEP,
} from './subscription-actions.ts';

/** How long the unsubscribe confirm works, as forget-me's does. */
const CONFIRM_VALID_MS = 15 * 60 * 1000;

const DAYS_OPTIONS = [
  { value: 'weekdays', label: 'Monday to Friday' },
  { value: 'daily', label: 'Every day' },
];

function who(actor: Actor): string {
  return actor.platform === 'slack'
    ? 'Only workspace admins and owners (or people on StudyBot’s allow-list) can change the daily question here.'
    : 'Only members with the Manage Channels permission can change the daily question here.';
}

function describe(sub: Subscription): string {
  return `${sub.time} ${sub.timeZone}, ${sub.days === 'weekdays' ? 'Monday to Friday' : 'every day'}`;
}

/** "A, B or C". */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** One sentence for a zone that is not one: the close ones when there are, else an example. */
export function unknownZoneSentence(text: string): string {
  const close = closeTimeZones(text);
  return `I don't know the time zone ${text.slice(0, 40)}; ${close.length ? `did you mean ${orList(close)}?` : 'try Europe/Berlin.'}`;
}

/** A short fingerprint of a schedule: a confirm offered for one does not stop another. */
function fingerprint(sub: Subscription): string {
  return createHash('sha256')
    .update(`${sub.time}|${sub.timeZone}|${sub.days}`)
    .digest('base64url')
    .slice(0, 8);
}

export function subscriptionStatus(record: ChannelRecord | undefined): string {
  const sub = record?.subscription;
  if (!sub)
    return `This channel has no daily question. Someone who manages the channel can start one with ${EXAMPLE}.`;
  if (record.paused) {
    return (
      `The daily question here (${describe(sub)}) is paused: ${record.paused.reason} ` +
      'Once that is fixed, run `/studybot subscribe` with a time to start it again.'
    );
  }
  const next = record.nextPostAt
    ? ` Next one: ${describeSlot(new Date(record.nextPostAt), sub.timeZone)} (${timeToken(record.nextPostAt)} your time).`
    : '';
  return `Daily question here at ${describe(sub)}.${next}`;
}

export class SubscriptionService {
  constructor(private readonly store: StudyStore) {}

  async command(
    actor: Actor,
    command: Extract<Command, { name: 'subscribe' | 'unsubscribe' }>,
    now: Date,
  ): Promise<Outcome> {
    const channel = channelOf(actor);
    const current = await this.store.getChannel(channel);
    const changes =
      command.name === 'unsubscribe' || Boolean(command.time || command.timezone || command.days);
    if (!changes) {
      return actor.canManageChannel
        ? subscribeForm(actor, current, now)
        : ephemeral(textMessage(subscriptionStatus(current)));
    }
    if (!actor.canManageChannel)
      return ephemeral(textMessage(`${who(actor)}\n${subscriptionStatus(current)}`));

    if (command.name === 'unsubscribe') {
      if (!current?.subscription) return ephemeral(textMessage('This channel had no daily question.'));
      return unsubscribeConfirm(current, now);
    }
    return this.subscribe(channel, current, command, now);
  }

  /** The form's submission, the unsubscribe confirm's buttons, and the button that opens the form. */
  async action(actor: Actor, action: BotAction, now: Date): Promise<Outcome> {
    const { verb, args } = decodeAction(action.id);
    switch (verb) {
      case SUBSCRIBE_FORM:
        return this.command(actor, { name: 'subscribe' }, now);
      case SUBSCRIBE_SUBMIT:
        return this.submit(actor, action.fields ?? {}, now);
      case UNSUBSCRIBE_CONFIRM:
        return this.confirmUnsubscribe(actor, args[0], args[1], now);
      case UNSUBSCRIBE_KEEP: {
        const current = await this.store.getChannel(channelOf(actor));
        const sub = current?.subscription;
        return replacing(
          textMessage(
            sub
              ? `Nothing changed: the daily question here stays (${describe(sub)}).`
              : 'Nothing changed; this channel has no daily question.',
          ),
        );
      }
    }
    return ephemeral(textMessage('That button is no longer active. Try `/studybot help`.'));
  }

  /** The form submitted: exactly the typed `subscribe HH:MM Zone days`, with the form's values. */
  private async submit(actor: Actor, fields: Record<string, string>, now: Date): Promise<Outcome> {
    const value = (id: string) => fields[id]?.trim().slice(0, 64) || undefined;
    const days = value('days');
    if (days !== undefined && days !== 'weekdays' && days !== 'daily')
      return this.formRefusal(actor, 'Pick Monday to Friday or every day.');
    const outcome = await this.command(
      actor,
      {
        name: 'subscribe',
        ...(value('time') ? { time: value('time') } : {}),
        ...(value('zone') ? { timezone: value('zone') } : {}),
        ...(days ? { days } : {}),
      },
      now,
    );
    // Subscribed: the channel sees it. A refusal says why, and nothing changed.
    if (outcome.reply.visibility === 'channel' || outcome.form) return { reply: outcome.reply };
    return this.formRefusal(actor, outcome.reply.message.text);
  }

  /** A submission that changed nothing: why, and (for who may change it) a button to try again. */
  private formRefusal(actor: Actor, why: string): Outcome {
    const message: Message = {
      ...textMessage(`${why}\nNothing was changed.`),
      ...(actor.canManageChannel
        ? { buttons: [{ action: SUBSCRIBE_FORM, label: 'Open the form again', style: 'primary' as const }] }
        : {}),
    };
    return ephemeral(message);
  }

  private async confirmUnsubscribe(
    actor: Actor,
    offeredAt: string | undefined,
    print: string | undefined,
    now: Date,
  ): Promise<Outcome> {
    if (!actor.canManageChannel) return replacing(textMessage(`${who(actor)} Nothing was changed.`));
    const offered = offeredAt ? Number.parseInt(offeredAt, 36) : Number.NaN;
    const age = now.getTime() - offered;
    if (!Number.isFinite(offered) || Math.abs(age) > CONFIRM_VALID_MS)
      return replacing(
        textMessage('That confirm has expired; nothing was stopped. Run `/studybot unsubscribe` again.'),
      );
    const channel = channelOf(actor);
    const current = await this.store.getChannel(channel);
    const sub = current?.subscription;
    if (!sub) return replacing(textMessage('The daily question here had already stopped; nothing changed.'));
    if (fingerprint(sub) !== print)
      return replacing(
        textMessage(
          `The daily question here changed since you were asked (now ${describe(sub)}); nothing was stopped. Run \`/studybot unsubscribe\` again to stop it.`,
        ),
      );
    const removed = await this.store.removeSubscription(channel);
    return replacing(
      textMessage(
        removed
          ? 'Daily questions stopped in this channel. `/studybot subscribe` starts them again.'
          : 'The daily question here had already stopped; nothing changed.',
      ),
    );
  }

  /** The typed path's rules: a readable time, a known zone; then one write and the channel told. */
  private async subscribe(
    channel: ChannelRef,
    current: ChannelRecord | undefined,
    command: Extract<Command, { name: 'subscribe' }>,
    now: Date,
  ): Promise<Outcome> {
    let time = current?.subscription?.time ?? DEFAULT_TIME;
    if (command.time) {
      const t = normalizeTime(command.time);
      if (!t)
        return ephemeral(
          textMessage(`I couldn't read "${command.time.slice(0, 20)}" as a time of day; try 09:00.`),
        );
      time = t;
    }
    let timeZone = current?.subscription?.timeZone ?? 'UTC';
    if (command.timezone) {
      const zone = canonicalTimeZone(command.timezone);
      if (!zone) return ephemeral(textMessage(unknownZoneSentence(command.timezone)));
      timeZone = zone;
    }
    const subscription: Subscription = {
      time,
      timeZone,
      days: command.days ?? current?.subscription?.days ?? 'weekdays',
    };
    const next = nextPostAt(subscription, now);
    await this.store.setSubscription(channel, subscription, next.toISOString());
    // Weeks and streaks in this channel count in its zone from now on.
    await this.store.setChannelTimeZone(channel, timeZone);
    const resumed = current?.paused ? ' (resumed)' : '';
    return {
      reply: {
        visibility: 'channel',
        message: textMessage(
          `Daily question${resumed} at ${describe(subscription)}. First one: ${describeSlot(next, timeZone)} (${timeToken(next)} your time).`,
          '📅 Daily question',
        ),
      },
    };
  }
}

function channelOf(actor: Actor): ChannelRef {
  return { platform: actor.platform, tenantId: actor.tenantId, channelId: actor.channelId };
}

/** A private answer that takes the place of the confirm it came from. */
function replacing(message: Message): Outcome {
  return { reply: { visibility: 'ephemeral', message }, replacesSource: true };
}

/** What the form says above its fields: what is set now, and what saving does. */
function formIntro(record: ChannelRecord | undefined): string {
  const sub = record?.subscription;
  if (!sub)
    return 'This channel has no daily question yet. StudyBot will post one question here at this time, with yesterday’s answer and the week’s top 3.';
  if (record.paused)
    return `Now: ${describe(sub)}, **paused**: ${record.paused.reason} Saving starts it again.`;
  const next = record.nextPostAt ? ` Next one: ${timeToken(record.nextPostAt)} your time.` : '';
  return `Now: **${describe(sub)}**.${next} To stop it, \`/studybot unsubscribe\`.`;
}

/**
 * The subscribe form, pre-filled with the channel's subscription, else 09:00 on weekdays in the
 * person's own zone (when the platform says it), else the channel's, else UTC. Where the form
 * cannot open, the reply shows the subscription and the typed command.
 */
export function subscribeForm(actor: Actor, record: ChannelRecord | undefined, now: Date): Outcome {
  const sub = record?.subscription;
  const zone =
    sub?.timeZone ??
    (actor.timeZone ? canonicalTimeZone(actor.timeZone) : undefined) ??
    (record?.timeZone ? canonicalTimeZone(record.timeZone) : undefined) ??
    'UTC';
  const form: Form = {
    action: SUBSCRIBE_SUBMIT,
    title: 'Daily question',
    submitLabel: sub ? 'Save' : 'Subscribe',
    intro: formIntro(record),
    fields: [
      {
        kind: 'time',
        id: 'time',
        label: 'Time of day',
        value: sub?.time ?? DEFAULT_TIME,
        required: true,
        hint: '24-hour, in the time zone below, e.g. 09:00',
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
      {
        kind: 'choice',
        id: 'days',
        label: 'Days',
        options: DAYS_OPTIONS,
        value: sub?.days ?? 'weekdays',
        required: true,
      },
    ],
  };
  return {
    ...ephemeral(textMessage(`${subscriptionStatus(record)}\nChange it with ${EXAMPLE}.`)),
    form,
  };
}

/** The confirm: what will stop, what stays, and the two buttons. */
export function unsubscribeConfirm(record: ChannelRecord, now: Date): Outcome {
  const sub = record.subscription!;
  const next =
    record.nextPostAt && !record.paused
      ? ` The next one would be ${timeToken(record.nextPostAt)} your time.`
      : '';
  const message: Message = {
    text: `Stop the daily question in this channel (${describe(sub)})?`,
    title: '🛑 Stop the daily question?',
    sections: [
      {
        lines: [
          `This stops the daily question here: ${describe(sub)}${record.paused ? ' (paused now)' : ''}.${next}`,
          'Points, streaks, leaderboards and everyone’s review cards stay; `/studybot subscribe` starts it again.',
        ],
      },
    ],
    buttons: [
      // When it was offered and what it would stop ride in the id: an old or stale confirm does nothing.
      {
        action: encodeAction(UNSUBSCRIBE_CONFIRM, now.getTime().toString(36), fingerprint(sub)),
        label: 'Unsubscribe',
        style: 'danger',
      },
      { action: UNSUBSCRIBE_KEEP, label: 'Keep it' },
    ],
  };
  return { reply: { visibility: 'ephemeral', message } };
}
