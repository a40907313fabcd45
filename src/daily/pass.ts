import { log } from '../log.ts';
import type { DueChannel, StudyStore } from '../store/store.ts';
import type { DailyPoster, PostOutcome } from './poster.ts';
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
  return { due: 0, posted: 0, skipped: 0, paused: 0, failed: 0, queued: 0, deferred: 0 };
}

export function addSummary(a: DailySummary, b: DailySummary): DailySummary {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof DailySummary)[]) out[k] += b[k];
  return out;
}

export async function runDailyPass(options: DailyPassOptions): Promise<DailySummary> {
  // Workspaces that removed the app and whose grace period is over: their data goes now. A failure
  // here must not stop the day's posts; the next pass tries again.
  try {
    const deletions = await runTenantDeletions(options.store, options.now);
    if (deletions.tenants) log.info('daily: removed workspaces’ data deleted', { ...deletions });
  } catch (err) {
    log.error('daily: deleting a removed workspace’s data failed; the next pass retries', { err });
  }
  const due = await options.store.dueChannels(options.now, options.maxDue ?? 5000);
  const fanOutAbove = options.fanOutAbove ?? 50;
  if (options.queue && due.length > fanOutAbove) {
    const size = options.batchSize ?? 25;
    const batches: DueBatch[] = [];
    for (let i = 0; i < due.length; i += size) batches.push({ items: due.slice(i, i + size) });
    await options.queue.send(batches);
    log.info('daily: due channels queued', { due: due.length, batches: batches.length });
    return { ...emptySummary(), due: due.length, queued: due.length };
  }
  const summary = await postBatch(due, options.poster, options.now, options);
  log.info('daily: pass done', { ...summary });
  return summary;
}

/** Posts to each channel, a few at a time per platform; one channel's failure never stops the rest. */
export async function postBatch(
  items: DueChannel[],
  poster: DailyPoster,
  now: Date,
  limits: PostLimits = {},
): Promise<DailySummary> {
  const summary = { ...emptySummary(), due: items.length };
  const reserve = limits.reserveMs ?? 15_000;
  const byPlatform = new Map<string, DueChannel[]>();
  for (const item of items) {
    const list = byPlatform.get(item.channel.platform) ?? [];
    list.push(item);
    byPlatform.set(item.channel.platform, list);
  }
  const worker = async (queue: DueChannel[]) => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (limits.remainingMs && limits.remainingMs() < reserve) {
        // Still due in the store, so the next pass (or the queue's redelivery) picks it up.
        summary.deferred++;
        continue;
      }
      let outcome: PostOutcome;
      try {
        outcome = await poster.postToChannel(item, now);
      } catch (err) {
        // A store error mid-channel: the claim (if taken) lapses and a later pass finishes it.
        log.error('daily: channel failed', { err, channel: item.channel });
        outcome = 'failed';
      }
      summary[outcome]++;
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
