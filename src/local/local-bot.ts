import type { Server } from 'node:http';
import { join } from 'node:path';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { createBot } from '../app/create-bot.ts';
import type { Config } from '../config.ts';
import { localDaily } from '../daily/local.ts';
import { log } from '../log.ts';
import { createDiscordHandler } from '../platforms/discord/handler.ts';
import { createSlackHandler } from '../platforms/slack/app.ts';
import { createDocumentClient, ensureTable } from '../store/table.ts';
import { type EmbeddedDynamo, startEmbeddedDynamo } from './embedded-dynamo.ts';
import { localOnlyRoutes } from './local-only.ts';
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
    ...localOnlyRoutes(daily.routes),
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
    ...localOnlyRoutes(playground?.routes ?? [], ['/playground/send', '/playground/daily/run']),
    ...(options.extraRoutes ?? []),
  ];
  const { server, url } = await startHttpServer(routes, config.port);
  const apiUrls = playground?.attach(url) ?? { slack: config.slackApiUrl, discord: config.discordApiUrl };
  // A platform still on the development key answers 401 unless the whole playground is on: with
  // only Slack configured (say, behind a tunnel) the Discord endpoint must not accept requests
  // signed with a key whose seed is in this repository, and the reverse.
  const devOnly = (key: 'slackSigningSecret' | 'discordPublicKey') =>
    playground === undefined && config.devSecrets.includes(key);
  for (const [key, name, variable] of [
    ['slackSigningSecret', 'Slack', 'SLACK_SIGNING_SECRET'],
    ['discordPublicKey', 'Discord', 'DISCORD_PUBLIC_KEY'],
  ] as const) {
    if (devOnly(key))
      log.warn(`${name} is not configured (${variable} unset): its endpoint refuses every request`);
  }
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
  if (devOnly('slackSigningSecret')) handlers.slack = refuseUnconfigured;
  if (devOnly('discordPublicKey')) handlers.discord = refuseUnconfigured;
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

/** The answer of an endpoint whose platform still has the development key. */
async function refuseUnconfigured(): Promise<APIGatewayProxyResultV2> {
  return { statusCode: 401, body: 'this platform is not configured on this server' };
}
