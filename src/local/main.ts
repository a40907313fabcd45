import { type Config, loadConfig, secretEnvName } from '../config.ts';
import { devTokensForRealPlatforms, readLocalEndpoint } from '../daily/local.ts';
import { StudyBotError } from '../errors.ts';
import { DEV_SECRETS } from './dev-secrets.ts';
import { StoreInUseError } from './embedded-dynamo.ts';
import { type LocalBot, startLocalBot } from './local-bot.ts';
import { PortInUseError } from './server.ts';

/** `npm start`: the bot on this machine, with the embedded store unless DYNAMODB_ENDPOINT is set. */
async function main(): Promise<void> {
  // The locked SDK supports Node 20; its notice about versions published after January 2027 is
  // for whoever upgrades it (Lambda runs Node 22), not for someone starting the bot locally.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config = loadConfig(process.env, { devDefaults: DEV_SECRETS });
  let bot: LocalBot;
  try {
    bot = await startLocalBot(config, { playground: true });
  } catch (err) {
    throw await explainStartFailure(err, config);
  }
  stopWithParent(bot);
  console.log(`StudyBot is running at ${bot.url}`);
  console.log(`  Slack events:         POST ${bot.url}/slack/events`);
  console.log(`  Discord interactions: POST ${bot.url}/discord/interactions`);
  console.log(`  Health:               GET  ${bot.url}/healthz`);
  if (bot.playground) {
    console.log(`  Playground: open ${bot.url.replace('127.0.0.1', 'localhost')}`);
    console.log('  (daily posts appear there too: `npx studybot daily run`, or wait for the minute pass)');
  }
  console.log(
    config.dynamoEndpoint
      ? `  Store: ${config.dynamoEndpoint} (table ${config.tableName})`
      : `  Store: embedded DynamoDB (dynalite) in ${config.dataDir}/dynamodb`,
  );
  if (config.devSecrets.length) {
    console.log(
      `  Using LOCAL DEVELOPMENT values for ${config.devSecrets.map(secretEnvName).join(', ')}.\n` +
        '  Real Slack and Discord requests will be refused until you set them (see README, "Connect Slack" and "Connect Discord").',
    );
  }
  if (!bot.playground) {
    // The playground's stand-ins are not served, so a development token would go to the real API.
    for (const p of devTokensForRealPlatforms(config)) {
      const token = secretEnvName(p === 'slack' ? 'slackBotToken' : 'discordBotToken');
      console.log(`  Daily posts to ${p === 'slack' ? 'Slack' : 'Discord'} are off until ${token} is set.`);
    }
  }
}

/** The one sentence for a start that failed because the folder or the port is taken. */
async function explainStartFailure(err: unknown, config: Config): Promise<unknown> {
  if (err instanceof StoreInUseError) {
    const other = readLocalEndpoint(config.dataDir)?.server;
    return new StudyBotError(
      'already_running',
      err.message,
      `another StudyBot${other ? ` (${other})` : ''} is already running with DATA_DIR ${config.dataDir}; stop it, or give this one its own folder and port, e.g. DATA_DIR=${config.dataDir}-2 PORT=${config.port + 1} npm start.`,
      { cause: err },
    );
  }
  if (err instanceof PortInUseError) {
    const studybot = await fetch(`http://127.0.0.1:${err.port}/healthz`, {
      signal: AbortSignal.timeout(1000),
    })
      .then(async (res) => res.ok && (await res.text()).includes('"ok":true'))
      .catch(() => false);
    return new StudyBotError(
      'already_running',
      err.message,
      `${studybot ? 'another StudyBot' : 'another program'} is already using port ${err.port}; stop it, or set PORT to a free port (and DATA_DIR to a folder of its own for a second StudyBot), e.g. PORT=${err.port + 1} DATA_DIR=${config.dataDir}-2 npm start.`,
      { cause: err },
    );
  }
  return err;
}

/**
 * Stops the server on Ctrl-C, SIGTERM or SIGHUP, and, under `npm start`, when the process that
 * started it goes away: npm runs this under `sh -c`, and a SIGTERM to npm ends that shell without
 * passing the signal on, which would leave this process serving the port with nobody to stop it.
 */
function stopWithParent(bot: LocalBot): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Open keep-alive connections (a browser on the playground) would hold close() up.
    bot.server.closeIdleConnections();
    setTimeout(() => bot.server.closeAllConnections(), 2000).unref();
    setTimeout(() => process.exit(0), 8000).unref();
    try {
      await bot.close();
    } finally {
      process.exit(0);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop());
  // Only under npm: started some other way (`nohup node ... &`), outliving the parent is intended.
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop();
  }, 300).unref();
}

main().catch((err: unknown) => {
  if (err instanceof StudyBotError) {
    console.error(`StudyBot could not start: ${err.userMessage}`);
  } else {
    console.error('StudyBot could not start:', err);
  }
  process.exit(1);
});
