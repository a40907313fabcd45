import { describe, expect, it } from 'vitest';
import { runDiscordWorkers } from '../../support/discord-workers.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';

// The budget is one item per second on the store; dynalite is the embedded store the bot runs on.
const dynalite = dynamoTargets.filter((t) => t.name === 'dynalite');

describe.each(dynalite)("Discord's global limit across daily workers, on $name", (target) => {
  it('six workers together never send Discord more than 50 requests in a second', async () => {
    const { tableName } = await freshTable(target);
    const result = await runDiscordWorkers({
      endpoint: target.endpoint,
      tableName,
      workers: 6,
      channelsPerWorker: 40,
      shared: true,
      tag: 's',
    });
    expect(result.posted).toBe(240);
    expect(result.requests).toBe(240);
    expect(result.busiestSecond).toBeLessThanOrEqual(50);
    // The budget is used, not just safe: 240 posts at up to 40 a second take about 6 seconds.
    expect(result.seconds).toBeLessThan(12);
  }, 60_000);

  it('without the shared budget the same workers exceed it (each client limits only itself)', async () => {
    const { tableName } = await freshTable(target);
    const result = await runDiscordWorkers({
      endpoint: target.endpoint,
      tableName,
      workers: 6,
      channelsPerWorker: 40,
      shared: false,
      tag: 'u',
    });
    expect(result.posted).toBe(240);
    expect(result.busiestSecond).toBeGreaterThan(50);
  }, 60_000);
});
