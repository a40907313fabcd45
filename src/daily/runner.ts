import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { DynamoStudyStore } from '../store/dynamo-store.ts';
import type { StudyStore } from '../store/store.ts';
import { createDocumentClient } from '../store/table.ts';
import {
  type DailyPassOptions,
  type DailyQueue,
  type DailySummary,
  type DueBatch,
  type PostLimits,
  postBatch,
  runDailyPass,
} from './pass.ts';
import { type DailyPlatforms, DiscordDailyPlatform, SlackDailyPlatform } from './platforms.ts';
import { DailyPoster } from './poster.ts';
import { DISCORD_REQUESTS_PER_SECOND, SharedRateBudget } from './rate-budget.ts';
import { ReminderSender } from './reminders.ts';

/**
 * The scheduler wired once per process: store, platform clients and poster. The EventBridge
 * handler, the SQS worker, the CLI and the local server all run passes and batches through this.
 */
export interface DailyRunner {
  store: StudyStore;
  pass(
    now: Date,
    options?: Partial<Pick<DailyPassOptions, 'queue' | 'fanOutAbove' | 'batchSize'>> & PostLimits,
  ): Promise<DailySummary>;
  batch(batch: DueBatch, now: Date, limits?: PostLimits): Promise<DailySummary>;
}

export function platformsFor(
  config: Pick<Config, 'slackBotToken' | 'slackApiUrl' | 'discordBotToken' | 'discordApiUrl'>,
  store?: StudyStore,
): DailyPlatforms {
  return {
    ...(config.slackBotToken
      ? { slack: SlackDailyPlatform.create({ token: config.slackBotToken, apiUrl: config.slackApiUrl }) }
      : {}),
    ...(config.discordBotToken
      ? {
          discord: DiscordDailyPlatform.create({
            botToken: config.discordBotToken,
            apiUrl: config.discordApiUrl,
            // Every worker draws on one budget in the table: Discord's 50/s is for the bot in all.
            ...(store
              ? {
                  gate: new SharedRateBudget(store, {
                    key: 'discord',
                    perSecond: DISCORD_REQUESTS_PER_SECOND,
                  }),
                }
              : {}),
          }),
        }
      : {}),
  };
}

export function createDailyRunner(deps: {
  store: StudyStore;
  platforms: DailyPlatforms;
  owner?: string;
}): DailyRunner {
  const owner = deps.owner ?? randomUUID();
  const poster = new DailyPoster({ store: deps.store, platforms: deps.platforms, owner });
  // Study reminders go out in the same passes, through the same platforms and limits.
  const reminders = new ReminderSender({ store: deps.store, platforms: deps.platforms, owner });
  return {
    store: deps.store,
    pass: (now, options = {}) =>
      runDailyPass({ ...options, store: deps.store, platforms: deps.platforms, poster, reminders, now }),
    batch: (batch, now, limits) =>
      postBatch(
        batch.items,
        poster,
        now,
        limits,
        batch.reminders ? { items: batch.reminders, sender: reminders } : undefined,
      ),
  };
}

export function createDailyRunnerFromConfig(config: Config): DailyRunner {
  const doc = createDocumentClient({ endpoint: config.dynamoEndpoint, region: config.region });
  const store = new DynamoStudyStore(doc, config.tableName);
  return createDailyRunner({ store, platforms: platformsFor(config, store) });
}

export type { DailyQueue };
