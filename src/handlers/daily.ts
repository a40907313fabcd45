import type { Context, ScheduledEvent } from 'aws-lambda';
import { createDailyRunnerFromConfig } from '../daily/runner.ts';
import { SqsDailyQueue } from '../daily/sqs-queue.ts';
import { log } from '../log.ts';
import { loadLambdaConfig } from './lambda-config.ts';

// Built once per cold start: config (tokens from SSM), store and platform clients.
const config = await loadLambdaConfig(['slackBotToken', 'discordBotToken']);
const runner = createDailyRunnerFromConfig(config);
const queueUrl = process.env.DAILY_QUEUE_URL;
const queue = queueUrl ? new SqsDailyQueue(queueUrl) : undefined;

/** EventBridge, every 5 minutes: post to the due channels, or queue them when there are many. */
export const handler = async (_event: ScheduledEvent, context: Context) => {
  const summary = await runner.pass(new Date(), {
    ...(queue ? { queue } : {}),
    fanOutAbove: Number(process.env.DAILY_FAN_OUT_ABOVE ?? 50),
    remainingMs: () => context.getRemainingTimeInMillis(),
  });
  log.info('daily scheduler tick', { ...summary });
  return summary;
};
