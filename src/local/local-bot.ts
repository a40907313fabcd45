import type { Server } from 'node:http';
import { join } from 'node:path';
import { createBot } from '../app/create-bot.ts';
import type { Config } from '../config.ts';
import { localDaily } from '../daily/local.ts';
import { createDiscordHandler } from '../platforms/discord/handler.ts';
import { createSlackHandler } from '../platforms/slack/app.ts';
import { createDocumentClient, ensureTable } from '../store/table.ts';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.ts';
import { createPlayground, playgroundAllowed } from './playground/index.ts';
import { type HttpHandler, type Route, startHttpServer } from './server.ts';

export interface LocalBot {
  url: string;
  config: Config;
  dynamoEndpoint: string;
  server: Server;
  /** True when the playground page and its stand-in Slack and Discord APIs are being served. */
  playground: boolean;
  close(): Promise<void>;
}

/**
 * `npm start` in one call: the embedded store (or DYNAMODB_ENDPOINT), the table, the bot and the
 * HTTP server hosting the Lambda handlers. Tests start it the same way, in memory.
 */
export async function startLocalBot(
  config: Config,
  options: {
    persist?: boolean;
    now?: () => Date;
    extraRoutes?: Route[];
    /** Serve the playground page at `/`; only takes effect with the development secrets. */
    playground?: boolean;
  } = {},
): Promise<LocalBot> {
  let embedded: EmbeddedDynamo | undefined;
  let endpoint = config.dynamoEndpoint;
  if (!endpoint) {
    embedded = await startEmbeddedDynamo(
      options.persist === false ? {} : { path: join(config.dataDir, 'dynamodb') },
    );
    endpoint = embedded.endpoint;
  }
  const effective: Config = { ...config, dynamoEndpoint: endpoint };
  await ensureTable(createDocumentClient({ endpoint, region: config.region }), config.tableName);

  const bot = createBot(effective);
  const playground =
    options.playground && playgroundAllowed(config)
      ? createPlayground({ bot, config, now: options.now })
      : undefined;
  // The handlers are built once the server's URL is known: the playground points the Slack and
  // Discord API URLs back at this server, whose port may be chosen by the OS.
  const handlers: { slack?: HttpHandler; discord?: HttpHandler } = {};
  // The daily scheduler on this machine: POST /local/daily-run, and a pass a minute for `npm start`.
  const daily = localDaily();
  const routes: Route[] = [
    ...daily.routes,
    { method: 'POST', path: '/slack/events', handler: (event) => handlers.slack!(event) },
    { method: 'POST', path: '/discord/interactions', handler: (event) => handlers.discord!(event) },
    {
      method: 'GET',
      path: '/healthz',
      handler: async () => ({
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"ok":true}',
      }),
    },
    ...(playground?.routes ?? []),
    ...(options.extraRoutes ?? []),
  ];
  const { server, url } = await startHttpServer(routes, config.port);
  const apiUrls = playground?.attach(url) ?? { slack: config.slackApiUrl, discord: config.discordApiUrl };
  handlers.slack = createSlackHandler({
    bot,
    signingSecret: config.slackSigningSecret,
    botToken: config.slackBotToken,
    apiUrl: apiUrls.slack,
    adminUserIds: config.slackAdminUserIds,
    now: options.now,
  });
  handlers.discord = createDiscordHandler({
    bot,
    publicKey: config.discordPublicKey,
    botToken: config.discordBotToken,
    apiUrl: apiUrls.discord,
    now: options.now,
  });
  daily.attach(effective, apiUrls, url, options.persist !== false);
  return {
    url,
    playground: playground !== undefined,
    config: effective,
    dynamoEndpoint: endpoint,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await daily.close();
      await embedded?.close();
    },
  };
}
