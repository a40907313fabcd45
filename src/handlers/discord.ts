import { createDiscordHandler } from '../platforms/discord/handler.ts';
import { lazyBot, wiredOnFirstRequest } from './first-request.ts';
import { loadLambdaConfigViaExtension } from './lambda-config.ts';

// Wired once per cold start, on the first request (the secrets extension serves only then); the
// bot and its DynamoDB client load on the first interaction that needs them, so PING never does.
export const handler = wiredOnFirstRequest(async () => {
  const config = await loadLambdaConfigViaExtension([
    'discordPublicKey',
    'discordApplicationId',
    'discordBotToken',
  ]);
  return createDiscordHandler({
    bot: lazyBot(config),
    publicKey: config.discordPublicKey,
    botToken: config.discordBotToken,
    apiUrl: config.discordApiUrl,
  });
});
