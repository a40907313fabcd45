import { log } from '../log.ts';
import type { DueChannel, DueReminder, StudyStore } from '../store/store.ts';
import { checkDiscordGuilds } from './guild-check.ts';
import type { DailyPlatforms } from './platforms.ts';
import type { DailyPoster, PostOutcome } from './poster.ts';
import type { ReminderSender } from './reminders.ts';
import { runTenantDeletions } from './tenant-deletion.ts';

/**
 * One scheduler pass: find the channels whose daily post is due (one Query per due-index shard),
 * then post to them here, or, when there are more than one invocation should take on, hand them
 * to the queue in batches for workers that run the same `postBatch`.
 */
export interface DailyQueue {
  /** Sends batches of due channels to the workers (SQS on AWS, in-process locally and in tests). */
  send(batches: DueBatch[]): Promise<void>;
}

/** What a queue message carries: enough to post without another read of the due index. */
export interface DueBatch {
  items: DueChannel[];
  /** Study reminders due in the same pass (absent in messages queued before reminders existed). */
  reminders?: DueReminder[];
}

export interface DailySummary {
  due: number;
  posted: number;
  skipped: number;
  paused: number;
  failed: number;
  queued: number;
  /** Left for the next pass because the invocation was running out of time. */
  deferred: number;
  /**
   * Study reminders sent. A due reminder counts in `due` too, and one not sent in `skipped` (no
   * cards due, or already sent), `failed` (retried later) or `paused` (the person unreachable).
   */
  reminded: number;
}

export interface PostLimits {
  /**
   * Posts in flight per platform. Slack allows about one message a second per channel (one post per
   * channel per day never comes near it) and bursts per workspace; Discord 50 requests a second
   * for the bot in all, which the shared budget holds across workers (rate-budget.ts).
   */
  concurrency?: Partial<Record<'slack' | 'discord', number>>;
  /** Milliseconds left in this invocation; no new channel is started with less than `reserveMs`. */
  remainingMs?: () => number;
  reserveMs?: number;
}

export interface DailyPassOptions extends PostLimits {
  store: StudyStore;
  poster: DailyPoster;
  /** The platforms, for the once-a-day check of the Discord servers the bot is still in. */
  platforms?: DailyPlatforms;
  /** Sends the study reminders due in this pass; absent: reminders are not read. */
  reminders?: ReminderSender;
  now: Date;
  queue?: DailyQueue;
  /** With a queue, more due channels than this go to the queue instead of being posted here. */
  fanOutAbove?: number;
  batchSize?: number;
  /** The most due channels one pass looks at; the rest are found by the next pass. */
  maxDue?: number;
}

const DEFAULT_CONCURRENCY = { slack: 8, discord: 8 };

export function emptySummary(): DailySummary {
  return { due: 0, posted: 0, skipped: 0, paused: 0, failed: 0, queued: 0, deferred: 0, reminded: 0 };
}

export function addSummary(a: DailySummary, b: DailySummary): DailySummary {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof DailySummary)[]) out[k] += b[k];
  return out;
}

export async function runDailyPass(options: DailyPassOptions): Promise<DailySummary> {
  // Discord servers that removed the bot (no event tells us): asked once a day, before the
  // deletions, so a server that added the bot back is not deleted. A failure schedules nothing.
  try {
    const check = await checkDiscordGuilds(options.store, options.platforms?.discord, options.now);
    if (check.removed || check.restored) log.info('daily: Discord servers checked', { ...check });
  } catch (err) {
    log.error('daily: listing the Discord servers failed; nothing is scheduled, tomorrow asks again', {
      err,
    });
  }
  // Workspaces that removed the app and whose grace period is over: their data goes now. A failure
  // here must not stop the day's posts; the next pass tries again.
  try {
    const deletions = await runTenantDeletions(options.store, options.now);
    if (deletions.tenants) log.info('daily: removed workspaces’ data deleted', { ...deletions });
  } catch (err) {
    log.error('daily: deleting a removed workspace’s data failed; the next pass retries', { err });
  }
  const due = await options.store.dueChannels(options.now, options.maxDue ?? 5000);
  // Reminders due now, read the same way (one Query per shard of the due index), sent the same way.
  const reminders = options.reminders
    ? await options.store.dueReminders(options.now, options.maxDue ?? 5000)
    : [];
  const total = due.length + reminders.length;
  const fanOutAbove = options.fanOutAbove ?? 50;
  if (options.queue && total > fanOutAbove) {
    const size = options.batchSize ?? 25;
    const batches: DueBatch[] = [];
    for (let i = 0; i < due.length; i += size) batches.push({ items: due.slice(i, i + size) });
    for (let i = 0; i < reminders.length; i += size)
      batches.push({ items: [], reminders: reminders.slice(i, i + size) });
    await options.queue.send(batches);
    log.info('daily: due channels queued', {
      due: due.length,
      reminders: reminders.length,
      batches: batches.length,
    });
    return { ...emptySummary(), due: total, queued: total };
  }
  const summary = await postBatch(
    due,
    options.poster,
    options.now,
    options,
    options.reminders ? { items: reminders, sender: options.reminders } : undefined,
  );
  log.info('daily: pass done', { ...summary });
  return summary;
}

/** One piece of a batch's work: a channel's daily post or a person's reminder. */
type Job = { post: DueChannel } | { remind: DueReminder };

/**
 * Posts to each channel and sends each reminder, a few at a time per platform (both share the
 * platform's workers and limits); one failure never stops the rest.
 */
export async function postBatch(
  items: DueChannel[],
  poster: DailyPoster,
  now: Date,
  limits: PostLimits = {},
  reminders?: { items: DueReminder[]; sender: ReminderSender },
): Promise<DailySummary> {
  const summary = { ...emptySummary(), due: items.length + (reminders?.items.length ?? 0) };
  const reserve = limits.reserveMs ?? 15_000;
  const byPlatform = new Map<string, Job[]>();
  const jobs: Job[] = [
    ...items.map((post) => ({ post })),
    ...(reminders?.items ?? []).map((remind) => ({ remind })),
  ];
  for (const job of jobs) {
    const platform = 'post' in job ? job.post.channel.platform : job.remind.person.platform;
    const list = byPlatform.get(platform) ?? [];
    list.push(job);
    byPlatform.set(platform, list);
  }
  const worker = async (queue: Job[]) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (limits.remainingMs && limits.remainingMs() < reserve) {
        // Still due in the store, so the next pass (or the queue's redelivery) picks it up.
        summary.deferred++;
        continue;
      }
      let outcome: PostOutcome;
      try {
        outcome =
          'post' in job
            ? await poster.postToChannel(job.post, now)
            : await reminders!.sender.send(job.remind, now);
      } catch (err) {
        // A store error mid-channel: the claim (if taken) lapses and a later pass finishes it.
        log.error(
          'post' in job ? 'daily: channel failed' : 'reminders: reminder failed',
          'post' in job ? { err, channel: job.post.channel } : { err, person: job.remind.person },
        );
        outcome = 'failed';
      }
      if ('remind' in job && outcome === 'posted') summary.reminded++;
      else summary[outcome]++;
    }
  };
  const runs: Promise<void>[] = [];
  for (const [platform, queue] of byPlatform) {
    const n =
      limits.concurrency?.[platform as 'slack' | 'discord'] ??
      DEFAULT_CONCURRENCY[platform as 'slack' | 'discord'] ??
      4;
    for (let i = 0; i < Math.min(n, queue.length); i++) runs.push(worker(queue));
  }
  await Promise.all(runs);
  return summary;
}

/** The local and test queue: runs the workers' code in this process, a few batches at a time (like Lambda would). */
export class InProcessQueue implements DailyQueue {
  readonly sent: DueBatch[] = [];
  summary = emptySummary();

  constructor(
    private readonly work: (batch: DueBatch) => Promise<DailySummary>,
    private readonly workers = 4,
  ) {}

  async send(batches: DueBatch[]): Promise<void> {
    this.sent.push(...batches);
    const pending = [...batches];
    const run = async () => {
      for (let b = pending.shift(); b; b = pending.shift()) {
        // Await first, then add: reading this.summary before the await would lose other workers' counts.
        const done = await this.work(b);
        this.summary = addSummary(this.summary, done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.workers, pending.length) }, run));
  }
}
