import { loadConfig, secretEnvName } from '../config.ts';
import { StudyBotError } from '../errors.ts';
import { DEV_SECRETS } from './dev-secrets.ts';
import { startLocalBot } from './local-bot.ts';

/** `npm start`: the bot on this machine, with the embedded store unless DYNAMODB_ENDPOINT is set. */
async function main(): Promise<void> {
  // The locked SDK supports Node 20; its notice about versions published after January 2027 is
  // for whoever upgrades it (Lambda runs Node 22), not for someone starting the bot locally.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config = loadConfig(process.env, { devDefaults: DEV_SECRETS });
  const bot = await startLocalBot(config, { playground: true });
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
  const stop = async () => {
    await bot.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof StudyBotError) {
    console.error(`StudyBot could not start: ${err.userMessage}`);
  } else {
    console.error('StudyBot could not start:', err);
  }
  process.exit(1);
});
