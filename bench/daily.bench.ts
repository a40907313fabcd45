/**
 * `npm run bench daily`: time to post the daily question to 1,000 channels (500 Slack, 500
 * Discord) in one scheduler pass, on the embedded dynalite store and local fake Slack and Discord
 * APIs that never fail; plus the platform and DynamoDB requests each channel costs.
 */
import { SubscriptionService } from '../src/app/subscriptions.ts';
import { InProcessQueue } from '../src/daily/pass.ts';
import { createDailyRunner } from '../src/daily/runner.ts';
import { startEmbeddedDynamo } from '../src/local/embedded-dynamo.ts';
import { DynamoStudyStore } from '../src/store/dynamo-store.ts';
import { createDocumentClient, ensureTable } from '../src/store/table.ts';
import { startChaosFakes } from '../test/integration/daily/harness.ts';
import { runDiscordWorkers } from '../test/support/discord-workers.ts';
import type { Figure } from './run.ts';

const CHANNELS = 1000;

async function once(mode: 'direct' | 'queue'): Promise<Figure[]> {
  const dynamo = await startEmbeddedDynamo();
  const fakes = await startChaosFakes();
  try {
    const client = createDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
    await ensureTable(client, 'bench');
    const store = new DynamoStudyStore(client, 'bench');
    const subs = new SubscriptionService(store);
    const subscribedAt = new Date('2026-11-02T06:00:00Z');
    for (let i = 0; i < CHANNELS; i++) {
      await subs.command(
        {
          platform: i % 2 ? 'discord' : 'slack',
          tenantId: `T${i % 20}`,
          channelId: `C${i}`,
          userId: 'U1',
          canManageChannel: true,
        },
        { name: 'subscribe', time: '09:00', timezone: 'UTC', days: 'daily' },
        subscribedAt,
      );
    }
    const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'bench' });
    const now = new Date('2026-11-02T09:00:00Z');
    const requestsBefore = store.metrics.requests;
    const unitsBefore = store.metrics.capacityUnits;
    const start = performance.now();
    let posted: number;
    if (mode === 'queue') {
      const queue = new InProcessQueue((batch) => runner.batch(batch, now));
      await runner.pass(now, { queue, fanOutAbove: 50 });
      posted = queue.summary.posted;
    } else {
      posted = (await runner.pass(now)).posted;
    }
    const seconds = (performance.now() - start) / 1000;
    const http =
      fakes.slack.calls('chat.postMessage').length +
      fakes.discord.callsTo('POST /channels/:channel/messages').length;
    const label = mode === 'queue' ? 'via the in-process queue (4 workers)' : 'one pass, no queue';
    return [
      { name: `post to ${CHANNELS} channels, ${label}`, value: seconds, unit: 's', note: `${posted} posted` },
      { name: `  posts per second (${mode})`, value: posted / seconds, unit: '/s' },
      { name: `  platform requests per channel (${mode})`, value: http / CHANNELS, unit: 'req' },
      {
        name: `  DynamoDB requests per channel (${mode})`,
        value: (store.metrics.requests - requestsBefore) / CHANNELS,
        unit: 'req',
      },
      {
        name: `  DynamoDB capacity per channel (${mode})`,
        value: (store.metrics.capacityUnits - unitsBefore) / CHANNELS,
        unit: 'units',
      },
    ];
  } finally {
    await fakes.close();
    await dynamo.close();
  }
}

/** Six workers posting Discord channels at once: the busiest second Discord sees, with and without the shared budget. */
async function discordWorkers(): Promise<Figure[]> {
  const dynamo = await startEmbeddedDynamo();
  try {
    const client = createDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
    await ensureTable(client, 'bench');
    const run = (shared: boolean) =>
      runDiscordWorkers({
        endpoint: dynamo.endpoint,
        tableName: 'bench',
        workers: 6,
        channelsPerWorker: 40,
        shared,
        tag: shared ? 's' : 'u',
      });
    const shared = await run(true);
    const alone = await run(false);
    return [
      {
        name: 'Discord requests in the busiest second, 6 workers',
        value: shared.busiestSecond,
        unit: 'req/s',
        note: `shared budget; Discord allows 50; ${shared.posted} posts in ${shared.seconds.toFixed(1)} s`,
      },
      {
        name: '  the same without the shared budget',
        value: alone.busiestSecond,
        unit: 'req/s',
        note: 'each @discordjs/rest client limits only itself',
      },
    ];
  } finally {
    await dynamo.close();
  }
}

export async function bench(): Promise<Figure[]> {
  return [...(await once('direct')), ...(await once('queue')), ...(await discordWorkers())];
}
