import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import type { StudyStore } from '../store/store.ts';
import { Bot } from './bot.ts';
import { SubscriptionService } from './subscriptions.ts';

/** Wires the bot to its store once per process (cold start). */
export function createBot(config: Config): Bot {
  const store = lazyDynamoStore(config);
  // The same on every Lambda of a deployment, and secret: review-card ids cannot be forged.
  const actionKey = createHash('sha256')
    .update(`studybot-review-ids\0${config.slackSigningSecret}\0${config.discordBotToken}`)
    .digest();
  return new Bot({ store, subscriptions: new SubscriptionService(store), actionKey });
}

/**
 * The DynamoDB store, imported on its first call: the AWS SDK is most of a chat Lambda's code, and
 * requests that need no storage (help, a refused signature) never load it. Every store method
 * returns a promise, so each one here waits for the import, then calls the real one. A failed
 * import is forgotten, so the next call tries again.
 */
function lazyDynamoStore(config: Config): StudyStore {
  let pending: Promise<StudyStore> | undefined;
  const load = (): Promise<StudyStore> => {
    pending ??= Promise.all([import('../store/dynamo-store.ts'), import('../store/table.ts')]).then(
      ([{ DynamoStudyStore }, { createDocumentClient }]) =>
        new DynamoStudyStore(
          createDocumentClient({ endpoint: config.dynamoEndpoint, region: config.region }),
          config.tableName,
        ),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    );
    return pending;
  };
  const methods = new Map<PropertyKey, unknown>();
  return new Proxy({} as StudyStore, {
    get(_target, name) {
      // Not a thenable: `await store` and Promise.resolve(store) must not call into the store.
      if (name === 'then' || typeof name === 'symbol') return undefined;
      let method = methods.get(name);
      if (!method) {
        method = async (...args: unknown[]) => {
          const store = await load();
          const real = store[name as keyof StudyStore] as unknown as (...a: unknown[]) => unknown;
          return real.apply(store, args);
        };
        methods.set(name, method);
      }
      return method;
    },
  });
}
