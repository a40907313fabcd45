import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import { DynamoStudyStore } from '../store/dynamo-store.ts';
import { createDocumentClient } from '../store/table.ts';
import { Bot } from './bot.ts';
import { SubscriptionService } from './subscriptions.ts';

/** Wires the bot to its store once per process (cold start). */
export function createBot(config: Config): Bot {
  const doc = createDocumentClient({ endpoint: config.dynamoEndpoint, region: config.region });
  const store = new DynamoStudyStore(doc, config.tableName);
  // The same on every Lambda of a deployment, and secret: review-card ids cannot be forged.
  const actionKey = createHash('sha256')
    .update(`studybot-review-ids\0${config.slackSigningSecret}\0${config.discordBotToken}`)
    .digest();
  return new Bot({ store, subscriptions: new SubscriptionService(store), actionKey });
}
