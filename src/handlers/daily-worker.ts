import type { Context, SQSEvent } from 'aws-lambda';
import { createDailyRunnerFromConfig } from '../daily/runner.ts';
import { parseBatch } from '../daily/sqs-queue.ts';
import { log } from '../log.ts';
import { loadLambdaConfig } from './lambda-config.ts';

const config = await loadLambdaConfig(['slackBotToken', 'discordBotToken']);
const runner = createDailyRunnerFromConfig(config);

/**
 * SQS: batches of due channels from the scheduler. Nothing is reported as failed back to SQS: a
 * channel that could not be posted stays due in the store (its claim lapses), so the next scheduler
 * pass queues it again, and a redelivered message is harmless because every post is claimed first.
 */
export const handler = async (event: SQSEvent, context: Context) => {
  for (const record of event.Records) {
    const batch = parseBatch(record.body);
    if (!batch) {
      log.error('daily worker: unreadable message dropped', { messageId: record.messageId });
      continue;
    }
    const summary = await runner.batch(batch, new Date(), {
      remainingMs: () => context.getRemainingTimeInMillis(),
    });
    log.info('daily worker: batch done', { ...summary });
  }
};
