import { DiscordDailyPlatform } from '../../src/daily/platforms.ts';
import { DISCORD_REQUESTS_PER_SECOND, SharedRateBudget } from '../../src/daily/rate-budget.ts';
import { createDailyRunner } from '../../src/daily/runner.ts';
import { DynamoStudyStore } from '../../src/store/dynamo-store.ts';
import type { ChannelRef } from '../../src/store/store.ts';
import { createDocumentClient } from '../../src/store/table.ts';
import { startFakeDiscordApi } from './fake-discord-api.ts';

export interface WorkersResult {
  posted: number;
  requests: number;
  /** Requests the fake Discord API received in its busiest wall-clock second. */
  busiestSecond: number;
  seconds: number;
}

/**
 * Several daily workers at once, as concurrent Lambdas would be: each with its own store client and
 * its own @discordjs/rest client (so its own per-process limiter), posting its own batch of due
 * Discord channels to one local fake Discord API that records when each request arrived.
 */
export async function runDiscordWorkers(options: {
  endpoint: string;
  tableName: string;
  workers: number;
  channelsPerWorker: number;
  /** false: no shared budget (each worker limited only by its own client). */
  shared: boolean;
  tag: string;
}): Promise<WorkersResult> {
  const discord = await startFakeDiscordApi();
  try {
    const doc = createDocumentClient({ endpoint: options.endpoint, region: 'us-east-1' });
    const setup = new DynamoStudyStore(doc, options.tableName);
    const now = new Date('2026-11-02T09:00:30Z');
    const batches = [];
    for (let w = 0; w < options.workers; w++) {
      const items = [];
      for (let i = 0; i < options.channelsPerWorker; i++) {
        const channel: ChannelRef = {
          platform: 'discord',
          tenantId: `G${options.tag}${w}`,
          channelId: `C${options.tag}${w}x${i}`,
        };
        const subscription = { time: '09:00', timeZone: 'UTC', days: 'daily' as const };
        await setup.setSubscription(channel, subscription, '2026-11-02T09:00:00.000Z');
        items.push({ channel, subscription, nextPostAt: '2026-11-02T09:00:00.000Z' });
      }
      batches.push({ items });
    }
    const started = performance.now();
    const summaries = await Promise.all(
      batches.map((batch, w) => {
        const store = new DynamoStudyStore(
          createDocumentClient({ endpoint: options.endpoint, region: 'us-east-1' }),
          options.tableName,
        );
        const platform = DiscordDailyPlatform.create({
          botToken: 'test-bot-token',
          apiUrl: discord.api,
          ...(options.shared
            ? {
                gate: new SharedRateBudget(store, { key: 'discord', perSecond: DISCORD_REQUESTS_PER_SECOND }),
              }
            : {}),
        });
        const runner = createDailyRunner({ store, platforms: { discord: platform }, owner: `worker-${w}` });
        return runner.batch(batch, now);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const perSecond = new Map<number, number>();
    for (const call of discord.calls) {
      const s = Math.floor(call.at / 1000);
      perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
    }
    return {
      posted: summaries.reduce((n, s) => n + s.posted, 0),
      requests: discord.calls.length,
      busiestSecond: Math.max(0, ...perSecond.values()),
      seconds,
    };
  } finally {
    await discord.close();
  }
}
