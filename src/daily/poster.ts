import { createHash } from 'node:crypto';
import { closedQuestionMessage } from '../app/views.ts';
import { content, type Question, questionsById } from '../content/index.ts';
import { isoWeekKey } from '../engines/leaderboard/rules.ts';
import { pickChannelQuestion } from '../engines/quiz/select.ts';
import { shuffled } from '../engines/quiz/shuffle.ts';
import { dailyPostId, nextSlot, slotDay } from '../engines/schedule/schedule.ts';
import { log } from '../log.ts';
import type { ChannelRef, DueChannel, PostRecord, StudyStore } from '../store/store.ts';
import { dailyMessage, type Recap } from './message.ts';
import { ChannelGoneError, type DailyPlatform, type DailyPlatforms } from './platforms.ts';

/**
 * Delivers one channel's daily question, at most once per local day.
 *
 * The steps, each one conditional single-item write on the channel's META item (no transactions:
 * dynalite has none, and none are needed):
 *   1. claim   SET claim = (post d<yyyymmdd>, owner, lease) IF the slot is still the next one AND
 *              that day was not delivered AND no live claim exists
 *   2. post    the P#d<yyyymmdd> item with its question, written only if absent, and the question
 *              appended to the channel's history (its own item; once per post id)
 *   3. send    the platform call (Discord: nonce + enforce_nonce)
 *   4. mark    SET delivered = d<yyyymmdd>, next slot; REMOVE claim IF we hold it
 *
 * What a crash (or a timeout, or a second scheduler) at each point does:
 *   - before 1: nothing happened; the channel is still due and the next pass posts. No loss.
 *   - two passes at once: only one claim succeeds; the other sees a live claim and skips.
 *   - between 1 and 3: the lease (LEASE_MS) expires and a later pass takes over. Delayed, not lost;
 *     the question stays the one stored in step 2, so people see one question for the day.
 *   - during 3 or between 3 and 4 (sent, not marked): the takeover sends again. On Discord the
 *     same nonce with enforce_nonce makes Discord return the first message if the retry comes
 *     within its dedupe window (minutes); the lease (2 min) and the pass interval (5 min) keep it
 *     inside. Slack has no such key: this window is the one place a duplicate is possible, so
 *     step 4 follows the send immediately (one write, no reads between) and the lease is long
 *     enough that a slow send is never taken over while it is still running (LEASE_MS is well
 *     above the Slack client's worst case: 4 attempts x 5 s timeout + 3 x 5 s Retry-After).
 *   - after 4: done; a late copy of the pass finds the day delivered (claim fails) and only moves
 *     the slot if it was not moved yet.
 *   - the send fails for now (429 beyond budget, 5xx, network): the claim stays with a short lease
 *     (RETRY_MS) and the channel stays on the due index, so the next pass retries it.
 *   - the send fails for good (channel gone, bot removed): the subscription is paused with the
 *     reason and leaves the due index; it is never retried until someone subscribes again.
 * The day a post belongs to comes from the slot, not from the clock of the pass that delivers it,
 * so a late or retried pass can never turn one day's post into two days' or skip a day.
 */
export const LEASE_MS = 120_000;
export const RETRY_MS = 60_000;

export type PostOutcome = 'posted' | 'skipped' | 'paused' | 'failed';

export interface DailyPosterOptions {
  store: StudyStore;
  platforms: DailyPlatforms;
  /** Who holds a claim (one id per pass or worker invocation), for the log. */
  owner: string;
  bank?: readonly Question[];
  leaseMs?: number;
  retryMs?: number;
}

const channelKey = (c: ChannelRef) => `${c.platform}:${c.tenantId}:${c.channelId}`;

/** Discord nonces are at most 25 characters; the same channel and day always give the same one. */
export function dailyNonce(channel: ChannelRef, postId: string): string {
  return createHash('sha256')
    .update(`${channelKey(channel)}:${postId}`)
    .digest('hex')
    .slice(0, 25);
}

export class DailyPoster {
  private readonly bank: readonly Question[];
  private readonly leaseMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: DailyPosterOptions) {
    this.bank = options.bank ?? content.questions;
    this.leaseMs = options.leaseMs ?? LEASE_MS;
    this.retryMs = options.retryMs ?? RETRY_MS;
  }

  async postToChannel(due: DueChannel, now: Date): Promise<PostOutcome> {
    const { store } = this.options;
    const { channel, subscription } = due;
    const slot = new Date(due.nextPostAt);
    if (slot.getTime() > now.getTime()) return 'skipped';
    const postId = dailyPostId(slotDay(subscription, slot));
    // The slot after this one; if the scheduler was down past it, the next one still ahead.
    let next = nextSlot(subscription, slot).at;
    if (next.getTime() <= now.getTime()) next = nextSlot(subscription, now).at;

    const platform = this.options.platforms[channel.platform];
    if (!platform) {
      log.error('daily: no client for platform', { platform: channel.platform });
      return 'failed';
    }

    const claim = await store.claimDailyPost(channel, {
      postId,
      nextPostAt: due.nextPostAt,
      owner: this.options.owner,
      until: new Date(now.getTime() + this.leaseMs).toISOString(),
      now: now.toISOString(),
    });
    if (claim.status === 'done') {
      // Delivered, but the slot never moved (a crash after a re-subscribe): move it now.
      await store.advanceSchedule(channel, due.nextPostAt, next.toISOString());
      return 'skipped';
    }
    if (claim.status !== 'claimed') return 'skipped';
    const record = claim.record;
    const timeZone = record.timeZone ?? subscription.timeZone;

    const picked = pickChannelQuestion(this.bank, record.asked, { seed: `${channelKey(channel)}:${postId}` });
    if (!picked) return 'failed';
    const candidate: PostRecord = {
      postId,
      questionId: picked.id,
      postedAt: now.toISOString(),
      timeZone,
      daily: true,
      answered: 0,
      correct: 0,
      counted: [],
      // Open until the next daily post is due, whose recap prints this one's answer.
      closesAt: next.toISOString(),
    };
    // A retry after a crash finds the first attempt's post and keeps its question.
    const post = await store.putPostIfAbsent(channel, candidate);
    const question = questionsById.get(post.questionId) ?? picked;
    // Before the send, so nothing but the mark sits between the send and step 4; a question that
    // never went out (the channel is gone) only waits a cycle.
    await store.appendAsked(channel, postId, question.id, record);
    const recap = record.lastDailyPostId
      ? await this.recap(channel, record.lastDailyPostId, timeZone)
      : undefined;
    const message = dailyMessage(question, postId, recap, post.closesAt);

    let messageRef: string;
    try {
      ({ messageRef } = await platform.postMessage(channel.channelId, message, {
        nonce: dailyNonce(channel, postId),
      }));
    } catch (err) {
      if (err instanceof ChannelGoneError) {
        log.warn('daily: channel gone; subscription paused', {
          channel: channelKey(channel),
          code: err.platformCode,
        });
        await store.pauseSubscription(channel, {
          reason: err.userMessage,
          code: err.platformCode,
          at: now.toISOString(),
        });
        return 'paused';
      }
      log.warn('daily: post failed; a later pass retries', { channel: channelKey(channel), err });
      await store.releaseDailyClaim(channel, postId, new Date(now.getTime() + this.retryMs).toISOString());
      return 'failed';
    }
    // Straight after the send, nothing in between: this is the window in which Slack could duplicate.
    await store.completeDailyPost(channel, {
      postId,
      questionId: question.id,
      nextPostAt: due.nextPostAt,
      next: next.toISOString(),
      messageRef,
    });
    if (recap) await this.closePrevious(channel, recap, platform);
    return 'posted';
  }

  /**
   * Yesterday's post closed when this one went out (its close time is this slot): edit it to drop
   * its buttons and show the answer. Clicks on it are refused by the close time whether or not
   * this edit lands, so a failure is logged and not retried.
   */
  private async closePrevious(channel: ChannelRef, recap: Recap, platform: DailyPlatform): Promise<void> {
    if (!recap.post.messageRef) return;
    try {
      await platform.updateMessage(
        channel.channelId,
        recap.post.messageRef,
        closedQuestionMessage(
          shuffled(recap.question, recap.post.postId),
          recap.post,
          'Yesterday’s question (closed)',
        ),
      );
    } catch (err) {
      log.warn('daily: previous post not closed on screen', { channel: channelKey(channel), err });
    }
  }

  private async recap(channel: ChannelRef, postId: string, timeZone: string): Promise<Recap | undefined> {
    const post = await this.options.store.getPost(channel, postId);
    const question = post ? questionsById.get(post.questionId) : undefined;
    if (!post || !question) return undefined;
    // The week of yesterday's post: on a Monday that is last week's final standings.
    const weekKey = isoWeekKey(new Date(post.postedAt), timeZone);
    const top = await this.options.store.topMembers(channel, { kind: 'week', weekKey }, 3);
    return { question, post, top };
  }
}
