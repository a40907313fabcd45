import type { Context, ScheduledEvent } from 'aws-lambda';
import { createDailyRunnerFromConfig } from '../daily/runner.ts';
import { SqsDailyQueue } from '../daily/sqs-queue.ts';
import { log } from '../log.ts';
import { loadLambdaConfig } from './lambda-config.ts';

// Built once per cold start: config (tokens from SSM, DAILY_* settings checked), store, platform
// clients and the queue. A malformed setting stops the start here, not a pass later.
const config = await loadLambdaConfig(['slackBotToken', 'discordBotToken']);
const runner = createDailyRunnerFromConfig(config);
const queue = config.dailyQueueUrl ? new SqsDailyQueue(config.dailyQueueUrl) : undefined;

/** EventBridge, every 5 minutes: post to the due channels, or queue them when there are many. */
export const handler = async (_event: ScheduledEvent, context: Context) => {
  const summary = await runner.pass(new Date(), {
    ...(queue ? { queue } : {}),
    fanOutAbove: config.dailyFanOutAbove,
    remainingMs: () => context.getRemainingTimeInMillis(),
  });
  log.info('daily scheduler tick', { ...summary });
  return summary;
};
