import { isValidTimeZone } from '../engines/leaderboard/rules.ts';
import { describeSlot, nextPostAt, normalizeTime, type Subscription } from '../engines/schedule/schedule.ts';
import type { ChannelRecord, ChannelRef, StudyStore } from '../store/store.ts';
import type { Actor } from './bot.ts';
import type { Command } from './commands.ts';
import { ephemeral, type Outcome, textMessage, timeToken } from './reply.ts';

/**
 * `/studybot subscribe` and `unsubscribe`: the channel's daily question. Anyone may look at the
 * subscription; changing it needs Slack admin/owner (or the allow-list) or Discord Manage Channels.
 */
const DEFAULT_TIME = '09:00';
const EXAMPLE = '`/studybot subscribe 09:00 Europe/Berlin weekdays`';

function who(actor: Actor): string {
  return actor.platform === 'slack'
    ? 'Only workspace admins and owners (or people on StudyBot’s allow-list) can change the daily question here.'
    : 'Only members with the Manage Channels permission can change the daily question here.';
}

/** The zone as IANA spells it ("europe/berlin" → "Europe/Berlin"); undefined if unknown. */
function canonicalZone(text: string): string | undefined {
  if (text.toLowerCase() === 'utc') return 'UTC';
  if (!isValidTimeZone(text)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function describe(sub: Subscription): string {
  return `${sub.time} ${sub.timeZone}, ${sub.days === 'weekdays' ? 'Monday to Friday' : 'every day'}`;
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
    const channel: ChannelRef = {
      platform: actor.platform,
      tenantId: actor.tenantId,
      channelId: actor.channelId,
    };
    const current = await this.store.getChannel(channel);
    const changes =
      command.name === 'unsubscribe' || Boolean(command.time || command.timezone || command.days);
    if (!changes) return ephemeral(textMessage(subscriptionStatus(current)));
    if (!actor.canManageChannel)
      return ephemeral(textMessage(`${who(actor)}\n${subscriptionStatus(current)}`));

    if (command.name === 'unsubscribe') {
      const removed = await this.store.removeSubscription(channel);
      return ephemeral(
        textMessage(
          removed ? 'Daily questions stopped in this channel.' : 'This channel had no daily question.',
        ),
      );
    }

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
      const zone = canonicalZone(command.timezone);
      if (!zone)
        return ephemeral(
          textMessage(`I don't know the time zone ${command.timezone.slice(0, 40)}; try Europe/Berlin.`),
        );
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
