import { dueCount, nextReminder, reminderMessage, reminderNonce } from '../app/reminders.ts';
import { slotDay } from '../engines/schedule/schedule.ts';
import { log } from '../log.ts';
import type { DueReminder, PersonRef, StudyStore } from '../store/store.ts';
import { ChannelGoneError, type DailyPlatforms } from './platforms.ts';
import { LEASE_MS, type PostOutcome, RETRY_MS } from './poster.ts';

/**
 * Sends one person's study reminder, at most once per local day, only when cards are due. The same
 * steps as a daily post (src/daily/poster.ts), each one conditional single-item write on the
 * person's REMIND item:
 *   0. count   one bounded read of the person's due cards; none due: move the slot to tomorrow
 *   1. claim   SET claim = (day <yyyy-mm-dd>, owner, lease) IF the slot is still the next one AND
 *              that day was not sent AND no live claim exists
 *   2. send    the platform call (Discord: open the DM, then create with nonce + enforce_nonce)
 *   3. mark    SET lastDay = <day>, next slot; REMOVE claim IF we hold it
 *
 * A crash, a timeout or a second scheduler at each point does what it does for a daily post:
 *   - before 1, or two passes at once: only one claim succeeds; the other skips.
 *   - between 1 and 2: the lease expires and a later pass takes over. Delayed, not lost.
 *   - during 2 or between 2 and 3 (sent, not marked): the takeover sends again. On Discord the
 *     nonce (the person and the day) makes Discord return the first message; on Slack this window
 *     is the one place a duplicate is possible, so step 3 follows the send at once, and the lease
 *     outlasts the Slack client's worst case of Retry-After waits.
 *   - after 3: a late copy of the pass finds the day sent (claim: done) and only moves the slot.
 *   - the send fails for now (429 beyond what the client sits out, 5xx, network): the claim stays
 *     with a short lease (RETRY_MS) and the reminder stays due, so the next pass retries it.
 *   - the person cannot be reached for good (DMs refused, account gone, app removed): the reminder
 *     is stopped with the reason, which `/studybot remind` then shows, and is never retried.
 * The day comes from the slot, not from the pass's clock, so a late pass never makes two days' reminders.
 */
export interface ReminderSenderOptions {
  store: StudyStore;
  platforms: DailyPlatforms;
  owner: string;
  leaseMs?: number;
  retryMs?: number;
}

const personKey = (p: PersonRef) => `${p.platform}:${p.tenantId}:${p.userId}`;

export class ReminderSender {
  private readonly leaseMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: ReminderSenderOptions) {
    this.leaseMs = options.leaseMs ?? LEASE_MS;
    this.retryMs = options.retryMs ?? RETRY_MS;
  }

  async send(due: DueReminder, now: Date): Promise<PostOutcome> {
    const { store } = this.options;
    const { person } = due;
    const slot = new Date(due.nextAt);
    if (slot.getTime() > now.getTime()) return 'skipped';
    const day = slotDay({ ...due, days: 'daily' }, slot);
    // The slot after this one; if the scheduler was down past it, the next one still ahead.
    let next = nextReminder(due, slot).at;
    if (next.getTime() <= now.getTime()) next = nextReminder(due, now).at;

    const platform = this.options.platforms[person.platform];
    if (!platform?.sendReminder) {
      log.error('reminders: no client for platform', { platform: person.platform });
      return 'failed';
    }
    // "Only when cards are due": one bounded read before anything is claimed.
    const cards = await dueCount(store, person, now);
    if (cards.count === 0) {
      await store.advanceReminder(person, due.nextAt, next.toISOString());
      return 'skipped';
    }

    const claim = await store.claimReminder(person, {
      day,
      nextAt: due.nextAt,
      owner: this.options.owner,
      until: new Date(now.getTime() + this.leaseMs).toISOString(),
      now: now.toISOString(),
    });
    if (claim.status === 'done') {
      // Sent that day, but the slot never moved (a crash after a change of time): move it now.
      await store.advanceReminder(person, due.nextAt, next.toISOString());
      return 'skipped';
    }
    if (claim.status !== 'claimed') return 'skipped';

    try {
      await platform.sendReminder(person.userId, reminderMessage(person, cards, due), {
        nonce: reminderNonce(person, day),
      });
    } catch (err) {
      if (err instanceof ChannelGoneError) {
        log.warn('reminders: person unreachable; reminder stopped', {
          person: personKey(person),
          code: err.platformCode,
        });
        await store.stopReminder(person, {
          reason: err.userMessage,
          code: err.platformCode,
          at: now.toISOString(),
        });
        return 'paused';
      }
      log.warn('reminders: send failed; a later pass retries', { person: personKey(person), err });
      await store.releaseReminderClaim(person, day, new Date(now.getTime() + this.retryMs).toISOString());
      return 'failed';
    }
    // Straight after the send, nothing in between: the window in which Slack could duplicate.
    await store.completeReminder(person, { day, nextAt: due.nextAt, next: next.toISOString(), sent: true });
    return 'posted';
  }
}
