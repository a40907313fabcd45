import { join } from 'node:path';
import type { Server } from 'node:http';
import { createBot } from '../app/create-bot.ts';
import type { Config } from '../config.ts';
import { createDiscordHandler } from '../platforms/discord/handler.ts';
import { createSlackHandler } from '../platforms/slack/app.ts';
import { createDocumentClient, ensureTable } from '../store/table.ts';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.ts';
import { type Route, startHttpServer } from './server.ts';

export interface LocalBot {
  url: string;
  config: Config;
  dynamoEndpoint: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * `npm start` in one call: the embedded store (or DYNAMODB_ENDPOINT), the table, the bot and the
 * HTTP server hosting the Lambda handlers. Tests start it the same way, in memory.
 */
export async function startLocalBot(
  config: Config,
  options: { persist?: boolean; now?: () => Date; extraRoutes?: Route[] } = {},
): Promise<LocalBot> {
  let embedded: EmbeddedDynamo | undefined;
  let endpoint = config.dynamoEndpoint;
  if (!endpoint) {
    embedded = await startEmbeddedDynamo(options.persist === false ? {} : { path: join(config.dataDir, 'dynamodb') });
    endpoint = embedded.endpoint;
  }
  const effective: Config = { ...config, dynamoEndpoint: endpoint };
  await ensureTable(createDocumentClient({ endpoint, region: config.region }), config.tableName);

  const bot = createBot(effective);
  const slack = createSlackHandler({
    bot,
    signingSecret: config.slackSigningSecret,
    botToken: config.slackBotToken,
    apiUrl: config.slackApiUrl,
    adminUserIds: config.slackAdminUserIds,
    now: options.now,
  });
  const discord = createDiscordHandler({
    bot,
    publicKey: config.discordPublicKey,
    botToken: config.discordBotToken,
    apiUrl: config.discordApiUrl,
    now: options.now,
  });
  const routes: Route[] = [
    { method: 'POST', path: '/slack/events', handler: slack },
    { method: 'POST', path: '/discord/interactions', handler: discord },
    {
      method: 'GET',
      path: '/healthz',
      handler: async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }),
    },
    ...(options.extraRoutes ?? []),
  ];
  const { server, url } = await startHttpServer(routes, config.port);
  return {
    url,
    config: effective,
    dynamoEndpoint: endpoint,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await embedded?.close();
    },
  };
}
